"""A demo commitment published three times through the real service, as a reporter would meet it."""

import datetime
from types import SimpleNamespace

import pytest

from tests.factories import JurisdictionFactory, OfficeFactory
from tracker import publishing
from tracker.models import Commitment, CommitmentOwner, CommitmentSource, StatusChange

TEXT_1 = "The government will build a file tracking system for the secretariat."
TEXT_3 = "The government will build an electronic file tracking system for the whole secretariat."


@pytest.fixture
def offices(db):
    return SimpleNamespace(
        cm=OfficeFactory(title="Chief Minister Balochistan", kind="elected"),
        dc=OfficeFactory(title="Deputy Commissioner Quetta", kind="appointed"),
    )


@pytest.fixture
def demo(offices, django_user_model):
    """Revision 1: the promise (Not started, owned by the chief minister). Revision 2: work starts (In
    progress, 20%). Revision 3: it stalls; the deputy commissioner is added as owner, a news source is
    added and the promise's text is corrected."""
    editor = django_user_model.objects.create_user("zubaida.q", "zubaida.q@example.org", "pass")
    commitment = Commitment(
        title="File tracking system for the secretariat",
        text=TEXT_1,
        made_on=datetime.date(2019, 9, 1),
        sector="e_governance",
        jurisdiction=JurisdictionFactory(name="Balochistan", tier="province"),
        deadline=datetime.date(2021, 6, 30),
        live=False,
    )
    commitment.owners.add(CommitmentOwner(office=offices.cm, role="political"))
    first = publishing.publish(commitment, user=editor, summary="Add the promise")

    commitment = Commitment.objects.get(pk=commitment.pk)

    commitment.status_changes.add(
        StatusChange(
            from_status="not_started",
            to_status="in_progress",
            effective_date=datetime.date(2020, 2, 1),
            url="https://example.org/news/tender",
            title="Tender for file tracking software",
        )
    )
    commitment.status = "in_progress"
    commitment.progress = 20
    second = publishing.publish(commitment, user=editor, summary="Work started: tender issued")

    # As an editor would: open the record afresh (its parts with their ids) before the next edit.
    commitment = Commitment.objects.get(pk=commitment.pk)

    commitment.status_changes.add(
        StatusChange(
            from_status="in_progress",
            to_status="stalled",
            effective_date=datetime.date(2021, 3, 15),
            url="https://example.org/news/stalled",
            title="File tracking project stalls",
            quote="No funds have been released since the tender.",
        )
    )
    commitment.status = "stalled"
    commitment.text = TEXT_3
    commitment.owners.add(CommitmentOwner(office=offices.dc, role="administrative"))
    commitment.sources.add(CommitmentSource(url="https://example.org/news/budget", title="Budget 2021-22 omits it"))
    third = publishing.publish(commitment, user=editor, summary="Stalled: no funds released")
    commitment.refresh_from_db()
    return SimpleNamespace(commitment=commitment, revisions=[first, second, third], editor=editor)

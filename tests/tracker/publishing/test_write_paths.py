"""Every way a write reaches the public record either changes everything it should or nothing at all.

For each write path (the publish action, a bare `revision.publish()`, Wagtail's `publish_scheduled`,
unpublishing, taking down, restoring, bulk publishing, applying an import) a failure is injected at the
last step of its transaction (appending to the public chain, or queuing the search index), and the test
finds nothing changed: no live row, Wagtail revision, public revision, history row, log entry or index
entry. The same path without the failure does change the record, so each test can fail.
"""

import datetime
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry, Revision

from search.models import IndexQueueEntry
from tests.factories import JurisdictionFactory, OfficeFactory
from tracker import publishing
from tracker.models import Commitment, CommitmentOwner, PublicRevision, StatusChange
from tracker.models.public_revisions import PublicRevisionQuerySet
from tracker.publishing import takedown
from tracker.publishing.bulk import publish_new_records
from tracker.publishing.imports import apply_plan
from tracker.spreadsheets.columns import COMMITMENT_COLUMNS
from tracker.spreadsheets.plan import make_plan
from tracker.spreadsheets.reading import read_table

pytestmark = pytest.mark.django_db


class Injected(Exception):
    """The failure a test injects."""


def fail(*args, **kwargs):
    raise Injected


@pytest.fixture
def chain_fails(monkeypatch):
    monkeypatch.setattr(PublicRevisionQuerySet, "append", fail)


@pytest.fixture
def search_queue_fails(monkeypatch):
    monkeypatch.setattr("search.subscriptions.add_to_queue", fail)


def record_state():
    """Everything a write may change, as plain values."""
    return {
        "commitments": list(
            Commitment.objects.order_by("pk").values_list(
                "pk", "live", "title", "status", "taken_down_at", "live_revision_id", "has_unpublished_changes"
            )
        ),
        "owners": list(CommitmentOwner.objects.order_by("pk").values_list("pk", "commitment_id", "office_id")),
        "wagtail_revisions": list(Revision.objects.order_by("pk").values_list("pk", flat=True)),
        "public_revisions": list(PublicRevision.objects.order_by("pk").values_list("pk", "hash")),
        "history": Commitment.history.count() + CommitmentOwner.history.count() + StatusChange.history.count(),
        "log": ModelLogEntry.objects.count(),
        "index_queue": IndexQueueEntry.objects.count(),
    }


@pytest.fixture
def published_promise(admin_user):
    office = OfficeFactory(title="Deputy Commissioner Quetta", slug="dc-quetta")
    mayor = OfficeFactory(title="Mayor of Quetta", kind="elected", slug="mayor-quetta")
    place = JurisdictionFactory(name="Quetta", slug="quetta")
    commitment = new_commitment("File tracking system for the secretariat", office, place)
    publishing.publish(commitment, user=admin_user, summary="Add the promise")
    return {"user": admin_user, "office": office, "mayor": mayor, "place": place, "commitment": commitment}


def new_commitment(title, office, place):
    commitment = Commitment(
        title=title,
        text=f"{title}, as promised.",
        made_on=datetime.date(2023, 1, 15),
        sector="e_governance",
        jurisdiction=place,
        deadline=datetime.date(2030, 6, 30),
        live=False,
    )
    commitment.owners.add(CommitmentOwner(office=office, role="administrative"))
    return commitment


def publish_a_change(published_promise):
    commitment = published_promise["commitment"]
    commitment.title = "Electronic file tracking for the whole secretariat"
    publishing.publish(commitment, user=published_promise["user"], summary="Correct the title")


def publish_a_revision_directly(published_promise):
    commitment = Commitment.objects.get(pk=published_promise["commitment"].pk)
    commitment.title = "Electronic file tracking for the whole secretariat"
    commitment.edit_summary = "Correct the title"
    # Saved before the state is read (see `prepare`); only the publish itself is under test.
    published_promise["revision"].publish(user=published_promise["user"])


def prepare_direct_revision(published_promise):
    commitment = Commitment.objects.get(pk=published_promise["commitment"].pk)
    commitment.title = "Electronic file tracking for the whole secretariat"
    commitment.edit_summary = "Correct the title"
    published_promise["revision"] = commitment.save_revision(user=published_promise["user"])


def prepare_scheduled(published_promise):
    draft = new_commitment("Sewerage for Sariab", published_promise["office"], published_promise["place"])
    draft.go_live_at = timezone.now() - timedelta(minutes=1)
    publishing.save_draft(draft, user=published_promise["user"], summary="Add the promise")
    revision = draft.latest_revision
    revision.approved_go_live_at = timezone.now() - timedelta(minutes=1)
    revision.save(update_fields=["approved_go_live_at"])


def run_publish_scheduled(published_promise):
    call_command("publish_scheduled", verbosity=0)


def unpublish(published_promise):
    publishing.unpublish(
        published_promise["commitment"], user=published_promise["user"], reason="Duplicate of another promise"
    )


def take_down(published_promise):
    takedown.take_down(published_promise["commitment"], notice="Court order 12/2025", user=published_promise["user"])


def prepare_restore(published_promise):
    takedown.take_down(published_promise["commitment"], notice="Court order 12/2025", user=published_promise["user"])


def restore(published_promise):
    takedown.restore(published_promise["commitment"], reason="The order was set aside", user=published_promise["user"])


def publish_in_bulk(published_promise):
    records = []
    for n in range(3):
        record = new_commitment(f"Filtration plant {n}", published_promise["office"], published_promise["place"])
        record.slug = f"filtration-plant-{n}"
        record.owners.add(CommitmentOwner(office=published_promise["mayor"], role="political"))
        records.append(record)
    publish_new_records(Commitment, records, user=published_promise["user"], summary="Load the plants")


def apply_an_import(published_promise):
    headers = [column.name for column in COMMITMENT_COLUMNS]
    rows = [
        {
            "external_id": f"PK-{n}",
            "title": f"Water filtration plant number {n}",
            "text": f"The district will install filtration plant {n}.",
            "sector": "water_sanitation",
            "jurisdiction": "quetta",
            "made_by_office": "mayor-quetta",
            "made_on": "2023-01-15",
            "deadline": "2024-06-30",
            "status": "not_started",
            "progress": "0",
            "political_owners": "mayor-quetta",
            "administrative_owners": "dc-quetta",
            "source_url": f"https://news.example.org/plant-{n}",
            "source_title": f"Plant {n} announced",
        }
        for n in range(2)
    ]
    lines = [",".join(headers)] + [",".join(row.get(name, "") for name in headers) for row in rows]
    plan = make_plan(read_table("plants.csv", "\n".join(lines).encode()))
    assert not plan.rejected, plan.rejected
    apply_plan(plan, user=published_promise["user"], summary="Import the plants")


def nothing(published_promise):
    pass


# (write path, what runs before the state is read, the failure injected)
WRITE_PATHS = [
    pytest.param(publish_a_change, nothing, "chain_fails", id="publish-chain"),
    pytest.param(publish_a_change, nothing, "search_queue_fails", id="publish-search-queue"),
    pytest.param(publish_a_revision_directly, prepare_direct_revision, "chain_fails", id="revision.publish()"),
    pytest.param(run_publish_scheduled, prepare_scheduled, "chain_fails", id="publish_scheduled"),
    pytest.param(unpublish, nothing, "search_queue_fails", id="unpublish"),
    pytest.param(take_down, nothing, "search_queue_fails", id="take-down"),
    pytest.param(restore, prepare_restore, "search_queue_fails", id="restore"),
    pytest.param(publish_in_bulk, nothing, "chain_fails", id="bulk-publish"),
    pytest.param(apply_an_import, nothing, "chain_fails", id="apply-import"),
]


@pytest.mark.parametrize(("write", "prepare", "failure"), WRITE_PATHS)
def test_a_failure_at_the_last_step_changes_nothing(published_promise, write, prepare, failure, request):
    prepare(published_promise)
    before = record_state()
    request.getfixturevalue(failure)
    with pytest.raises(Injected):
        write(published_promise)
    assert record_state() == before


@pytest.mark.parametrize(("write", "prepare", "failure"), WRITE_PATHS)
def test_without_the_failure_the_same_write_changes_the_record(published_promise, write, prepare, failure):
    prepare(published_promise)
    before = record_state()
    write(published_promise)
    after = record_state()
    assert after["commitments"] != before["commitments"]
    assert after["index_queue"] > before["index_queue"]

"""Every publish writes exactly one public revision: numbered, complete, hash-chained; history rows
carry the user and the reason; drafts change nothing public."""

import datetime

import pytest

from tests import scenario
from tests.factories import JurisdictionFactory, OfficeFactory
from tracker import publishing
from tracker.models import Commitment, PublicRevision, StatusChange
from tracker.models.public_revisions import ImmutableRevisionError, chain_hash

pytestmark = pytest.mark.django_db


@pytest.fixture
def commitment(admin_user):
    return scenario.published_commitment(
        title="File tracking system for the secretariat",
        owner_office=OfficeFactory(title="Deputy Commissioner Quetta"),
        user=admin_user,
    )


def record_stalled(commitment, user, summary="Stalled: no funds released"):
    return scenario.record_status_change(
        commitment,
        "stalled",
        on=datetime.date(2022, 2, 1),
        url="https://example.org/news/stalled",
        title="Project stalls",
        quote="No funds have been released.",
        user=user,
        summary=summary,
    )


def test_first_publish_writes_revision_one(commitment):
    revisions = list(PublicRevision.objects.for_record(commitment))
    assert len(revisions) == 1
    first = revisions[0]
    assert first.number == 1
    assert first.edit_summary == "Add the promise"
    assert first.previous_hash == ""
    assert first.content["fields"]["title"] == "File tracking system for the secretariat"
    assert first.content["fields"]["status"] == {"value": "not_started", "label": "Not started"}
    assert first.content["parts"]["owners"][0]["office"]["name"] == "Deputy Commissioner Quetta"
    assert first.content["parts"]["owners"][0]["role"]["label"] == "Administrative owner"


def test_second_publish_chains_to_the_first(commitment, admin_user):
    second = record_stalled(commitment, admin_user)
    first = PublicRevision.objects.for_record(commitment).get(number=1)
    assert second.number == 2
    assert second.previous_hash == first.hash
    assert second.hash == second.compute_hash() != first.hash
    change = second.content["parts"]["status_changes"][0]
    assert (change["from_status"]["label"], change["to_status"]["label"]) == ("Not started", "Stalled")
    assert change["url"] == "https://example.org/news/stalled"
    assert change["quote"] == "No funds have been released."
    assert PublicRevision.objects.for_record(commitment).count() == 2


def test_hash_covers_content_and_previous_hash(commitment):
    revision = PublicRevision.objects.for_record(commitment).get()
    expected = chain_hash(
        record_type="tracker.commitment",
        object_id=str(commitment.pk),
        number=1,
        published_at=revision.published_at.astimezone(datetime.UTC).isoformat(),
        edit_summary="Add the promise",
        publisher=revision.publisher,
        content=revision.content,
        previous_hash="",
    )
    assert revision.hash == expected
    tampered = dict(revision.content, name="Something else")
    revision.content = tampered
    assert revision.compute_hash() != expected


def test_history_rows_carry_user_and_reason(commitment, admin_user):
    record_stalled(commitment, admin_user, summary="Stalled: no funds released")
    latest = commitment.history.first()
    assert latest.history_user == admin_user
    assert latest.history_change_reason == "Stalled: no funds released"
    assert latest.status == "stalled"
    change_history = StatusChange.history.get(commitment_id=commitment.pk)
    assert change_history.history_user == admin_user
    assert change_history.history_change_reason == "Stalled: no funds released"
    assert change_history.history_type == "+"


def test_a_draft_changes_no_public_revision(commitment, admin_user):
    before = list(PublicRevision.objects.for_record(commitment).values_list("number", "hash"))
    history_before = commitment.history.count()
    commitment.title = "A draft title nobody has approved"
    publishing.save_draft(commitment, user=admin_user, summary="Work in progress")

    assert list(PublicRevision.objects.for_record(commitment).values_list("number", "hash")) == before
    public_row = Commitment.objects.get(pk=commitment.pk)
    assert public_row.title == "File tracking system for the secretariat"
    assert public_row.has_unpublished_changes
    # The audit trail holds row states only; the unpublished title is in the draft revision alone.
    assert commitment.history.count() == history_before
    assert not commitment.history.filter(title="A draft title nobody has approved").exists()


def test_public_revisions_are_immutable(commitment):
    revision = PublicRevision.objects.for_record(commitment).get()
    revision.edit_summary = "rewritten"
    with pytest.raises(ImmutableRevisionError):
        revision.save()
    with pytest.raises(ImmutableRevisionError):
        revision.delete()
    assert PublicRevision.objects.get(pk=revision.pk).edit_summary == "Add the promise"


def test_publisher_is_an_organisation_never_the_editor(commitment, django_user_model, settings):
    editor = django_user_model.objects.create_user("zubaida.q", "zubaida.q@example.org", "pass")
    revision = record_stalled(commitment, editor)
    assert revision.publisher == settings.TRACKER_PUBLISHER
    public_text = str(revision.content) + revision.publisher + revision.edit_summary
    assert "zubaida" not in public_text


def test_parts_added_without_a_place_keep_the_order_they_were_given():
    """A script or an import adds owners without numbering them (the admin's forms always do): publishing
    numbers them in the order given, so they read back in that order and match the public revision."""
    from tracker.models import CommitmentOwner

    offices = [OfficeFactory(title=f"Office {n}") for n in range(6)]
    roles = ["administrative", "political", "supporting", "supporting", "supporting", "supporting"]
    promise = scenario.commitment(
        owners=list(zip(reversed(offices), roles, strict=True)),
        jurisdiction=JurisdictionFactory(),
        live=False,
    )
    scenario.publish(promise)
    saved = CommitmentOwner.objects.filter(commitment=promise).order_by("sort_order")
    assert [o.office.title for o in saved] == [f"Office {n}" for n in reversed(range(6))]
    assert [o.sort_order for o in saved] == list(range(6))
    public = PublicRevision.objects.for_record(promise).latest("number")
    assert [part["id"] for part in public.content["parts"]["owners"]] == [o.pk for o in saved]

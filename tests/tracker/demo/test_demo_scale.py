"""`manage.py load_demo_data --scale N` publishes N more commitments in bulk, indistinguishable in their
history from ones published one at a time; asking again for the same N adds nothing."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from wagtail.models import ModelLogEntry, ReferenceIndex

from tests.tracker.demo.readers import generated, tracker_counts, verified
from tracker import publishing
from tracker.models import (
    Commitment,
    PublicRevision,
    StatusChange,
)
from tracker.models.snapshots import build_snapshot
from tracker.models.vocabulary import OwnershipRole

pytestmark = pytest.mark.django_db
FILE_TRACKING = "file-tracking-system-for-the-balochistan-secretariat"


# --- --scale N ------------------------------------------------------------------------------------


def test_scale_adds_exactly_n_published_commitments_with_their_history(demo):
    before = Commitment.objects.count()
    call_command("load_demo_data", scale=50, stdout=StringIO(), verbosity=0)
    assert Commitment.objects.count() == before + 50
    added = list(generated().select_related("live_revision", "latest_revision"))
    assert len(added) == 50
    admin = get_user_model().objects.get(username="admin")
    for commitment in added:
        assert commitment.live and not commitment.has_unpublished_changes
        assert commitment.live_revision == commitment.latest_revision is not None
        assert commitment.live_revision.content["title"] == commitment.title
        first = PublicRevision.objects.for_record(commitment).get()
        assert (first.number, first.previous_hash, first.wagtail_revision_id) == (1, "", commitment.live_revision_id)
        assert verified(first)
        history = commitment.history.get()
        assert (history.history_type, history.history_user) == ("+", admin)
        assert history.history_change_reason.startswith("Sample data")
        assert StatusChange.history.filter(commitment_id=commitment.pk).count() == commitment.status_changes.count()
        roles = set(commitment.owners.values_list("role", flat=True))
        assert {OwnershipRole.POLITICAL, OwnershipRole.ADMINISTRATIVE} <= roles
        assert commitment.sources.exists() and commitment.movements.exists()
        assert commitment.maintained_by.name.endswith("(fictional)")
    assert (
        ModelLogEntry.objects.filter(
            content_type__model="commitment", object_id__in=[str(c.pk) for c in added], action="wagtail.publish"
        ).count()
        == 50
    )


def test_scale_records_are_valid_and_match_what_a_publish_would_write(demo):
    call_command("load_demo_data", scale=50, stdout=StringIO(), verbosity=0)
    for commitment in generated().prefetch_related("owners__office", "status_changes", "movements__office", "sources"):
        commitment.full_clean()
        for relation in ("owners", "status_changes", "movements", "sources"):
            for part in getattr(commitment, relation).all():
                part.full_clean(exclude=["commitment"])
        # The public revision holds exactly what build_snapshot gives for the stored record...
        assert PublicRevision.objects.for_record(commitment).get().content == build_snapshot(commitment)
        # ...and the reference index exactly what Wagtail's own indexing finds for the stored record.
        stored = references_of(commitment)
        assert {path for _ct, _id, path, _content in stored} >= {"owners.item.office", "jurisdiction"}
        with transaction.atomic():
            ReferenceIndex.create_or_update_for_object(commitment)
        assert references_of(commitment) == stored


def references_of(commitment):
    return set(
        ReferenceIndex.objects.filter(object_id=str(commitment.pk), base_content_type__model="commitment").values_list(
            "to_content_type_id", "to_object_id", "model_path", "content_path"
        )
    )


def test_scale_records_can_be_edited_and_published_again(demo):
    call_command("load_demo_data", scale=5, stdout=StringIO(), verbosity=0)
    commitment = generated().order_by("pk").first()
    commitment.title = "Edited after the bulk load"
    public = publishing.publish(commitment, summary="Correct the title")
    first = PublicRevision.objects.for_record(commitment).get(number=1)
    assert (public.number, public.previous_hash) == (2, first.hash)
    assert verified(public) and public.content["fields"]["title"] == "Edited after the bulk load"


def test_scale_again_adds_nothing(demo):
    call_command("load_demo_data", scale=50, stdout=StringIO(), verbosity=0)
    before = tracker_counts()
    call_command("load_demo_data", scale=50, stdout=StringIO(), verbosity=0)
    assert tracker_counts() == before
    call_command("load_demo_data", scale=60, stdout=StringIO(), verbosity=0)
    assert generated().count() == 60


def test_scale_rejects_a_negative_number(demo):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("load_demo_data", scale=-1, stdout=StringIO())

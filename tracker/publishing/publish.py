"""Every write to tracker records goes through here: one place that names the user and the reason
in the history, and that turns each publish into a numbered, hash-chained public revision."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from search import indexing as search_indexing
from tracker.models import PublicRevision
from tracker.models.audit import audit
from tracker.publishing.snapshots import build_snapshot


def publisher_for(user):
    """The organisation named on a public revision; an editor's name or e-mail never is."""
    return settings.TRACKER_PUBLISHER


@transaction.atomic
def record_publication(record, revision=None, user=None):
    """Write the next public revision of `record` from its just-published state.

    Called once per publish (see tracker/publishing/signals.py). The previous revision is locked so that two
    publishes of one record cannot take the same number.
    """
    previous = (
        PublicRevision.objects.for_record(record).select_for_update().order_by("-number").only("number", "hash").first()
    )
    public = PublicRevision(
        content_type_id=_content_type_id(record),
        object_id=str(record.pk),
        number=(previous.number + 1) if previous else 1,
        published_at=timezone.now(),
        edit_summary=record.edit_summary or "",
        publisher=publisher_for(user),
        content=build_snapshot(record),
        previous_hash=previous.hash if previous else "",
        wagtail_revision=revision,
    )
    public.hash = public.compute_hash()
    public.save()
    # Same transaction: the search index follows every publish, even if the broker is down (search/indexing.py).
    search_indexing.enqueue(record)
    return public


def _content_type_id(record):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(record, for_concrete_model=False).pk


def save_draft(record, *, user=None, summary=""):
    """Save a draft revision of `record` (which may be new); the public state does not change."""
    record.edit_summary = summary
    with audit(user, summary), transaction.atomic():
        if record.pk is None:
            record.live = False
            record.save()
        return record.save_revision(user=user, clean=False, log_action=True)


def publish(record, *, user=None, summary):
    """Validate, save and publish `record` (with its parts) as one public revision.

    Raises ValidationError with plain-language messages and changes nothing when the record is invalid
    or incomplete. Returns the new PublicRevision.
    """
    if not (summary or "").strip():
        raise ValidationError({"edit_summary": "Publishing needs an edit summary: say what changed and why."})
    record.edit_summary = summary.strip()
    record.full_clean()
    problems = record.publication_problems()
    if problems:
        raise ValidationError(problems)
    with audit(user, record.edit_summary), transaction.atomic():
        if record.pk is None:
            record.live = False
            record.save()
        revision = record.save_revision(user=user, clean=False, log_action=True)
        revision.publish(user=user, skip_permission_checks=True)
    # Wagtail publishes a copy made from the revision; bring the caller's copy up to date.
    record.refresh_from_db()
    return PublicRevision.objects.for_record(record).order_by("-number").first()

"""Publishing a record: the action every publish runs, however it is reached.

Wagtail publishes through `revision.publish()`, from the admin's Publish button, a moderator's approval,
`publish_scheduled`, a script or `publish()` below; each of those calls the record's own `publish()`,
which runs the action registered for tracker records in Wagtail's action registry
(tracker/wagtail_hooks.py): `PublishRecordAction`. It

1. checks the permission (Wagtail's) and the record's rules (`TrackerRecord.check_publishable`);
2. opens one transaction, in which Wagtail makes the revision live and sends `published` (search queues
   its index entries then: search/subscriptions.py), and the record's next public revision is appended to
   the chain (`PublicRevision.objects.append`);
3. so a publish either writes its live row, its public revision and its index entries together, or
   nothing at all.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from wagtail.actions import PublishRevisionAction
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update, reference_index_auto_update_disabled

from tracker.models import PublicRevision, SignedDigest
from tracker.models.audit import audit
from tracker.models.base import messages_of
from tracker.models.public_revisions import Publication
from tracker.models.snapshots import build_snapshot


def publisher_for(user):
    """The organisation named on a public revision; an editor's name or e-mail never is."""
    return settings.TRACKER_PUBLISHER


class PublishRecordAction(PublishRevisionAction):
    """Wagtail's publish, with the tracker's rules checked first and the public revision written in the
    same transaction. After `execute()`, `public_revision` is the revision it appended (None when the
    publish was only scheduled for later)."""

    # TrackerRecord.publish refuses to publish through an action that does not write the chain.
    writes_public_revision = True

    def __init__(self, revision, *args, rules_checked=False, **kwargs):
        super().__init__(revision, *args, **kwargs)
        self.rules_checked = rules_checked
        self.public_revision = None

    def check_rules(self):
        """Raise ValidationError with the plain-language problems that stop this publish."""
        try:
            self.object.check_publishable()
        except ValidationError as error:
            # The admin shows these as one message, so each names the field it is about.
            raise ValidationError(messages_of(error, self.object)) from None

    def execute(self, skip_permission_checks=False):
        with transaction.atomic():
            lock_records(type(self.object), [self.object.pk])
            if not self.rules_checked:
                self.check_rules()
            with usage_indexed_once():
                result = super().execute(skip_permission_checks=skip_permission_checks)
            published = self.object.live and self.object.live_revision_id == self.revision.pk
            if published:
                self.public_revision = append_to_chain(self.object, self.revision)
            self._index_usage(published)
            return result

    def _index_usage(self, published):
        """Wagtail's reference index (the admin's "usage" of each record) written once for the record as
        published, or as the database holds it when the publish is only scheduled."""
        model = type(self.object)
        if ReferenceIndex.is_indexed(model):
            saved = self.object if published else model._base_manager.get(pk=self.object.pk)
            ReferenceIndex.create_or_update_for_object(saved)


@contextmanager
def usage_indexed_once():
    """Saves in this block do not each rewrite Wagtail's reference index: a publish saves the record and
    each of its parts, and each save re-read every part of the record to index it again (a fifth of a
    publish's queries). The publish action writes it once at its end (`_index_usage`). Nested blocks leave
    it to the outermost."""
    if getattr(reference_index_auto_update_disabled, "value", False):
        yield
        return
    with disable_reference_index_auto_update():
        yield


def lock_records(model, pks):
    """Lock the rows of the records a publishing transaction writes, in primary-key order, before anything
    else: the first of the locks every writer takes in one order (lock_site_log in
    tracker/models/public_revisions.py says which and why). A publish that locked its record only when
    saving it could wait for it while holding the site-wide log's lock, which its holder may be waiting for."""
    pks = sorted(pk for pk in pks if pk is not None)
    if pks:
        rows = model._base_manager.filter(pk__in=pks).order_by("pk").select_for_update(no_key=True)
        list(rows.values_list("pk", flat=True))


# The moment the publish running in this context is recorded as made, when it is not now: sample data
# stamped across the years it describes (`publish(..., as_of=)`).
_as_of = ContextVar("tracker_publish_as_of", default=None)


def recorded_as_of():
    """The moment the publish running now is recorded as made, when it is not now (None: now)."""
    return _as_of.get()


def append_to_chain(record, revision):
    """The record's next public revision, from its just-published state."""
    [public] = PublicRevision.objects.append(
        [Publication(record, build_snapshot(record), revision.pk)],
        published_at=_as_of.get() or timezone.now(),
        edit_summary=record.edit_summary or "",
        publisher=publisher_for(revision.user),
    )
    return public


def save_draft(record, *, user=None, summary=""):
    """Save a draft revision of `record` (which may be new); the public state does not change."""
    record.edit_summary = summary
    record.number_parts()
    with audit(user, summary), transaction.atomic():
        if record.pk is None:
            record.live = False
            record.save()
        return record.save_revision(user=user, clean=False, log_action=True)


def earliest_moment(record):
    """The earliest moment a publish of `record` may be recorded at without rewriting the past: after
    the record's latest public revision (its chain runs forward in time) and after the latest signed
    digest (whose listing, recomputed from the history, must stay what was signed)."""
    floors = [
        PublicRevision.objects.for_record(record).aggregate(latest=Max("published_at"))["latest"],
        SignedDigest.objects.aggregate(latest=Max("ends_at"))["latest"],
    ]
    floors = [moment for moment in floors if moment is not None]
    return max(floors) if floors else None


def publish(record, *, user=None, summary, as_of=None):
    """Validate, save and publish `record` (with its parts) as one public revision.

    Raises ValidationError with plain-language messages and changes nothing when the record is invalid
    or incomplete. Returns the new PublicRevision.

    `as_of` (sample data only: the demo) records the publish as made at that moment rather than now: the
    public revision's time and the record's first and last publication. It is never later than now, and
    never earlier than `earliest_moment(record)`, so chains and signed digests stay true.
    """
    if as_of is not None:
        floor = earliest_moment(record)
        as_of = min(max(as_of, floor) if floor else as_of, timezone.now())
    token = _as_of.set(as_of)
    try:
        return _publish(record, user=user, summary=summary, as_of=as_of)
    finally:
        _as_of.reset(token)


def _publish(record, *, user, summary, as_of):
    if not (summary or "").strip():
        raise ValidationError({"edit_summary": "Publishing needs an edit summary: say what changed and why."})
    record.edit_summary = summary.strip()
    # Checked here, before anything is saved, with each field's problems under its name.
    # Parts numbered first, so the rules read them in the order they will be kept in (the latest status
    # change of a day is the one added last).
    record.number_parts()
    record.check_publishable()
    with audit(user, record.edit_summary), transaction.atomic(), usage_indexed_once():
        if record.pk is None:
            record.live = False
            record.save()
        else:
            lock_records(type(record), [record.pk])
        first = record.first_published_at is None
        revision = record.save_revision(user=user, clean=False, log_action=True)
        action = PublishRecordAction(revision, user=user, rules_checked=True)
        action.execute(skip_permission_checks=True)
        if as_of is not None:
            _stamp(record, revision, as_of, first)
    # Wagtail publishes a copy made from the revision; bring the caller's copy up to date.
    record.refresh_from_db()
    return action.public_revision


def _stamp(record, revision, as_of, first):
    """Wagtail's own record of the publish at `as_of` too, so the admin tells the same story."""
    stamped = {"last_published_at": as_of, **({"first_published_at": as_of} if first else {})}
    type(record).objects.filter(pk=record.pk).update(**stamped)
    type(revision).objects.filter(pk=revision.pk).update(created_at=as_of)

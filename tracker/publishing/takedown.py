"""Taking a record down for legal reasons, and bringing it back.

A taken-down record disappears from every list, search result and feed (`RecordQuerySet.published()`
leaves it out) and its own public addresses answer 410 Gone with the public notice
(tracker/history/gone.py). Its public revisions are not touched: the hash chain stays verifiable and
the daily digest unchanged, and when the record is restored its history is back exactly as it was.
Moderators reach these actions from the admin (tracker/admin/takedown_views.py) or `manage.py takedown`.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from tracker.models.audit import audit
from tracker.models.vocabulary import TakedownReason
from tracker.publishing.signals import record_restored, record_taken_down

# The admin's audit log names these actions with their notice or reason (tracker/admin/hooks.py).
TAKEN_DOWN = "tracker.take_down"
RESTORED = "tracker.restore"


def take_down(record, *, notice, reason="", user=None):
    """Take `record` off the public site, with `notice` shown in its place and `reason`, a `TakedownReason`, the
    category shown with it (the admin's form and the `takedown` command require one; blank is a takedown's
    from before categories)."""
    notice = (notice or "").strip()
    if not notice:
        raise ValidationError({"takedown_notice": "Say publicly why the record was taken down, and on whose order."})
    if reason not in TakedownReason.values and reason != "":
        choices = ", ".join(TakedownReason.values)
        raise ValidationError({"takedown_reason": f"{reason!r} is not a reason for a takedown: one of {choices}."})
    with audit(user, f"Taken down: {notice}"), transaction.atomic():
        _set(record, taken_down_at=timezone.now(), takedown_notice=notice, takedown_reason=reason)
        log(instance=record, action=TAKEN_DOWN, user=user, data={"reason": notice, "category": reason})
        record_taken_down.send(sender=type(record), record=record)


def restore(record, *, reason, user=None):
    """Put a taken-down record back on the public site, with its history as it was."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Say why the record is restored: the reason is kept in its history."})
    with audit(user, f"Restored: {reason}"), transaction.atomic():
        _set(record, taken_down_at=None, takedown_notice="", takedown_reason="")
        log(instance=record, action=RESTORED, user=user, data={"reason": reason})
        record_restored.send(sender=type(record), record=record)


def _set(record, **values):
    for name, value in values.items():
        setattr(record, name, value)
    record.save(update_fields=list(values))

"""Who made a change and why, for every history row, whatever made the change.

Requests carry the editor through simple-history's middleware. Services, imports, scheduled jobs and
the shell name the user and reason with `audit(...)`. Where neither names a reason, the record's own
edit summary (which every publish requires) is used, for the record and for its parts.
"""

import contextlib
import contextvars

from django.dispatch import receiver
from simple_history.signals import pre_create_historical_record

_current = contextvars.ContextVar("tracker_audit", default=None)


@contextlib.contextmanager
def audit(user=None, reason=""):
    token = _current.set((user, reason))
    try:
        yield
    finally:
        _current.reset(token)


def current_reason():
    """The reason the change being made was given, or ""."""
    return (_current.get() or (None, ""))[1]


def _record_of(instance):
    """The record a part belongs to (a ParentalKey), or the instance itself."""
    for field in instance._meta.concrete_fields:
        if getattr(field, "remote_field", None) and type(field).__name__ == "ParentalKey":
            return getattr(instance, field.name, None)
    return instance


@receiver(pre_create_historical_record)
def fill_user_and_reason(sender, instance, history_instance, **kwargs):
    user, reason = _current.get() or (None, "")
    if user is not None and getattr(user, "is_authenticated", False) and history_instance.history_user_id is None:
        history_instance.history_user = user
    if not history_instance.history_change_reason:
        record = _record_of(instance)
        history_instance.history_change_reason = reason or getattr(record, "edit_summary", "") or ""

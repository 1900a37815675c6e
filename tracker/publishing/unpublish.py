"""Unpublishing a record: its pages answer 404 and search forgets it; its public revisions stay.

Wagtail unpublishes through the record's `unpublish()` (an expiry in `publish_scheduled`, a script, the
function below) and through the admin's Unpublish view (tracker/admin/record_views.py runs it in one
transaction). The record's `unpublish()` runs the action registered for tracker records in Wagtail's
action registry (tracker/wagtail_hooks.py): `UnpublishRecordAction`, in one transaction with what follows
Wagtail's `unpublished` signal (search's index queue: search/subscriptions.py).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.actions import UnpublishAction

from tracker.models.audit import audit


class UnpublishRecordAction(UnpublishAction):
    def execute(self, skip_permission_checks=False):
        with transaction.atomic():
            return super().execute(skip_permission_checks=skip_permission_checks)


def unpublish(record, *, user=None, reason):
    """Take `record` off the public site, naming the reason in its history."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            {"edit_summary": "Unpublishing needs a reason: say why the record is taken off the site."}
        )
    with audit(user, reason):
        record.unpublish(user=user)

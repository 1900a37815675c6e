"""Unpublishing a record: its pages answer 404 and search forgets it; its public revisions stay.

Wagtail unpublishes through the record's `unpublish()` (an expiry in `publish_scheduled`, a script, the
function below, which the admin's Unpublish view calls with the reason its form asks for). The record's
`unpublish()` runs the action registered for tracker records in Wagtail's action registry
(tracker/wagtail_hooks.py): `UnpublishRecordAction`, in one transaction with what follows Wagtail's
`unpublished` signal (search's index queue: search/subscriptions.py). The reason goes into the record's
row history and into the admin's audit log (the record's History in the admin).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.actions import UnpublishAction
from wagtail.log_actions import log

from tracker.models.audit import audit, current_reason

UNPUBLISHED = "tracker.unpublish"


class UnpublishRecordAction(UnpublishAction):
    def execute(self, skip_permission_checks=False):
        # Logged as the tracker's own action, with the reason (Wagtail's own entry has no room for one).
        logged, self.log_action = self.log_action, False
        with transaction.atomic():
            was_live = self.object.live
            result = super().execute(skip_permission_checks=skip_permission_checks)
            if logged and was_live:
                action = logged if isinstance(logged, str) else UNPUBLISHED
                log(instance=self.object, action=action, user=self.user, data={"reason": current_reason()})
            return result


def unpublish(record, *, user=None, reason):
    """Take `record` off the public site, naming the reason in its history."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            {"edit_summary": "Unpublishing needs a reason: say why the record is taken off the site."}
        )
    with audit(user, reason):
        record.unpublish(user=user)

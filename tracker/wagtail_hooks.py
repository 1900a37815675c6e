"""Wagtail finds an app's hooks in `<app>.wagtail_hooks`. The admin's live with the rest of what editors
see, in tracker/admin/hooks.py; the publish action every tracker record runs is registered here."""

from wagtail import hooks

from tracker.admin import hooks as admin_hooks  # noqa: F401  (registers the admin's hooks)
from tracker.models.base import TrackerRecord
from tracker.publishing.publish import PublishRecordAction


@hooks.register("register_actions")
def register_publish_action(registry):
    registry.register(TrackerRecord, PublishRecordAction)

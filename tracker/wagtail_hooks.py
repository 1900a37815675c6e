"""Wagtail finds an app's hooks in `<app>.wagtail_hooks`. The admin's live with the rest of what editors
see, in tracker/admin/hooks.py; the publishing actions every tracker record runs are registered here."""

from wagtail import hooks

from tracker.admin import hooks as admin_hooks  # noqa: F401  (registers the admin's hooks)
from tracker.models.base import TrackerRecord
from tracker.publishing.publish import PublishRecordAction
from tracker.publishing.unpublish import UnpublishRecordAction


@hooks.register("register_actions")
def register_publishing_actions(registry):
    registry.register(TrackerRecord, PublishRecordAction)
    registry.register(TrackerRecord, UnpublishRecordAction)

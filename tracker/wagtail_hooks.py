"""Wagtail finds an app's admin hooks in `<app>.wagtail_hooks`; the tracker's live with the rest of
what editors see, in tracker/admin/."""

from tracker.admin import hooks  # noqa: F401  (registers the hooks)

from django.apps import AppConfig


class TrackerConfig(AppConfig):
    name = "tracker"
    verbose_name = "Tracker"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from tracker.admin.moderation import ensure_moderation
        from tracker.api.downloads.tasks import build_again as build_downloads_again
        from tracker.archive import dispatch as archive_dispatch
        from tracker.following import dispatch
        from tracker.models import audit  # noqa: F401  (connect receivers)
        from tracker.public import frontend_cache, public_state, summaries
        from tracker.publishing.signals import record_restored, record_taken_down

        post_migrate.connect(ensure_moderation, sender=self)
        public_state.connect()
        summaries.connect()
        frontend_cache.connect()
        dispatch.connect()
        archive_dispatch.connect()
        record_taken_down.connect(build_downloads_again, dispatch_uid="downloads-after-takedown")
        record_restored.connect(build_downloads_again, dispatch_uid="downloads-after-restore")

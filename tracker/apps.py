from django.apps import AppConfig


class TrackerConfig(AppConfig):
    name = "tracker"
    verbose_name = "Tracker"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from tracker.admin.moderation import ensure_moderation
        from tracker.following import dispatch
        from tracker.models import audit  # noqa: F401  (connect receivers)
        from tracker.public import frontend_cache, public_state, summaries

        post_migrate.connect(ensure_moderation, sender=self)
        public_state.connect()
        summaries.connect()
        frontend_cache.connect()
        dispatch.connect()

from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Site pages"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from cms.methodology import ensure_methodology_page, ensure_urdu_methodology
        from cms.models.settings import show_sample_data_notice
        from tracker.demo import sample_data_loaded

        post_migrate.connect(ensure_methodology_page, sender=self)
        sample_data_loaded.connect(show_sample_data_notice)
        sample_data_loaded.connect(ensure_urdu_methodology)

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="cog")
class TrackerSettings(BaseGenericSetting):
    sample_data = models.BooleanField(
        _("this site shows sample data"),
        default=False,
        help_text=_("Every public page then says that its records are illustrative, not real."),
    )

    class Meta:
        verbose_name = _("tracker settings")


def show_sample_data_notice(**kwargs):
    """Every public page then says its records are illustrative (sent when the demo data is loaded)."""
    settings = TrackerSettings.load()
    if not settings.sample_data:
        settings.sample_data = True
        settings.save()

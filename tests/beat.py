"""Beat's runs, made at once in the test's own process: every periodic task of CELERY_BEAT_SCHEDULE that beat
runs at least once a minute, as beat would next run them."""

from django.conf import settings


def run_every_minute_tasks():
    from config.celery import app

    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        if isinstance(entry["schedule"], int | float) and entry["schedule"] <= 60:  # noqa: PLR2004
            app.tasks[entry["task"]].apply(throw=True)

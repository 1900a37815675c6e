"""Building the bulk downloads from Celery: at night (beat, config/settings/base.py), and at once after a
takedown or a restore, so a taken-down record is in no file of /data/ a minute later."""

import logging

from celery import shared_task
from kombu.exceptions import OperationalError

from tracker.api.downloads.build import build, current
from tracker.models.transactions import on_commit_once

log = logging.getLogger(__name__)


# Named as beat's schedule and the service units have always named it.
@shared_task(name="tracker.tasks.build_downloads", ignore_result=True)
def build_downloads():
    """Build the bulk downloads of /data/ (zipped CSV and JSON, with their SHA-256 and the digest)."""
    return build()["digest"]["sha256"]


def _build_now():
    if current() is None:
        return  # nothing built yet, so no file on offer names the record
    try:
        build_downloads.apply_async(retry=False)
    except (OperationalError, ConnectionError, OSError) as error:
        # A takedown is rare and must not wait for the night: without a broker, build here.
        log.warning("Downloads built in-process (no broker): %s", error)
        build()


def build_again(sender, **_signal_arguments):
    """A takedown or a restore changes what /data/ may offer: its files are built again once the change
    commits (tracker/apps.py connects it to both signals)."""
    on_commit_once(_build_now)

"""Celery tasks of the tracker: the hourly signed digests of the public history and the nightly build of the
bulk downloads (config/settings/base.py schedules them)."""

from celery import shared_task

from tracker.api.downloads.build import build
from tracker.history.digest import make_signed_digests


@shared_task(ignore_result=True)
def make_digests():
    """Sign a digest for every ended hour in which something was published. Idempotent."""
    return len(make_signed_digests())


@shared_task(ignore_result=True)
def build_downloads():
    """Build the bulk downloads of /data/ (zipped CSV and JSON, with their SHA-256 and the digest)."""
    return build()["digest"]["sha256"]

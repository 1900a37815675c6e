"""Celery tasks of the tracker: the hourly signed digests and checkpoints of the public history, the refresh of the
maintained page summaries (tracker/public/summaries.py), the bulk downloads (tracker/api/downloads/tasks.py:
nightly, and after a takedown or a restore), the archive's (tracker/archive/tasks.py), and those of following
(alerts, digests, webhooks) and of the caching proxy's purges, registered by importing them here."""

from celery import shared_task

from tracker.api.downloads.tasks import build_downloads
from tracker.archive import tasks as archive_tasks  # noqa: F401  (registers the archive's tasks)
from tracker.following import tasks as following_tasks  # noqa: F401  (registers the following tasks)
from tracker.history import (
    timestamps,  # noqa: F401  (registers the timestamping of checkpoints)
    witnesses,  # noqa: F401  (registers the offer of checkpoints to witnesses)
)
from tracker.history.digest import make_signed_digests
from tracker.history.transparency import make_checkpoint
from tracker.public import purges  # noqa: F401  (registers the purges' tasks)
from tracker.public.summaries import refresh_public_summaries

__all__ = ["build_downloads", "make_digests", "refresh_public_summaries"]


@shared_task(ignore_result=True)
def make_digests():
    """Sign a digest for every ended hour in which something was published and, next to them, a checkpoint
    of the transparency log as it is then. Idempotent."""
    made = make_signed_digests()
    if made:
        make_checkpoint()
    return len(made)

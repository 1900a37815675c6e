"""The archive's Celery tasks: archiving what is newly cited and what is due again (after each publish and
from beat), and the weekly check of every cited address."""

from celery import shared_task

from tracker.archive import archiving, checking


@shared_task(ignore_result=True)
def archive_sources():
    """Give newly cited addresses their rows and fetch every address whose attempt is due (a batch)."""
    kept, failed = archiving.archive_new_citations()
    return {"kept": kept, "failed": failed}


@shared_task(ignore_result=True)
def check_sources():
    """Beat, weekly: check every cited address again (tracker/archive/checking.py)."""
    return str(checking.check_sources())

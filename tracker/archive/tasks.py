"""The archive's Celery tasks: archiving what is newly cited and what is due again (after each publish and
from beat), and the weekly check of every cited address."""

from celery import shared_task

from tracker.archive import archiving, checking, citations


@shared_task(ignore_result=True)
def archive_sources(record_name=None, record_id=None):
    """Give newly cited addresses their rows (those the record named cites, or, without one, every published
    record's) and fetch every address whose attempt is due (a batch)."""
    record = None if record_name is None else citations.citing_record(record_name, record_id)
    kept, failed = archiving.archive_new_citations(record)
    return {"kept": kept, "failed": failed}


@shared_task(ignore_result=True)
def check_sources():
    """Beat, weekly: check every cited address again (tracker/archive/checking.py)."""
    return str(checking.check_sources())

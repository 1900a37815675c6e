"""After a publish of a record that cites addresses commits, archive what it newly cites, in Celery.

Follows Wagtail's `published` and `records_published_in_bulk` (tracker/publishing/signals.py) for
commitments and decisions, and asks for `archive_sources` after the commit: for the one record published,
or, after a bulk publish, once per transaction for every published record. Nothing is written in the
publish's transaction and nothing waits for a fetch. With `ARCHIVE_SOURCES` off
(the default without a broker: the demo and the tests) nothing is dispatched. A dispatch lost to a broker
that does not answer is made good by beat (`tracker-archive-sources`, every five minutes).
"""

import functools
import logging

from django.conf import settings
from django.db import transaction
from kombu.exceptions import OperationalError

from tracker.archive.citations import CITING_PARTS
from tracker.models.transactions import on_commit_once

log = logging.getLogger(__name__)
_CITING_RECORDS = {model for _part, _field, model in CITING_PARTS}


def dispatch(*record):
    """Ask for the archiving of what `record` ((the name of its model, its id); none: every record) cites."""
    from tracker.archive.tasks import archive_sources

    try:
        archive_sources.apply_async(record, retry=False)
    except (OperationalError, ConnectionError, OSError) as error:
        log.warning("Archiving not dispatched (beat will run it): %s", error)


def published(sender, instance=None, **_signal_arguments):
    if not settings.ARCHIVE_SOURCES or sender not in _CITING_RECORDS:
        return
    if instance is None:  # a bulk publish
        on_commit_once(dispatch)
    else:
        transaction.on_commit(functools.partial(dispatch, sender._meta.model_name, instance.pk), robust=True)


def connect():
    """Called once, from tracker/apps.py."""
    from wagtail.signals import published as wagtail_published

    from tracker.publishing.signals import records_published_in_bulk

    wagtail_published.connect(published, dispatch_uid="archive-published")
    records_published_in_bulk.connect(published, dispatch_uid="archive-published-in-bulk")

"""After a publish commits, the at-once alerts and the webhook deliveries are sent from Celery.

Follows Wagtail's `published` and tracker's `records_published_in_bulk` (tracker/publishing/signals.py):
each asks, once per transaction, for the two tasks to run after the commit. They read the site-wide log
of public revisions from where they last stopped (tracker/following/fanout.py), so a rolled-back publish
sends nothing, and a dispatch lost to a broker that does not answer is made good by beat within a minute.
A takedown needs nothing here: whatever is sent later leaves out records that are not public by then.
"""

import logging

from kombu.exceptions import OperationalError

from tracker.models.transactions import on_commit_once

log = logging.getLogger(__name__)


def dispatch():
    from tracker.following import tasks

    for task in (tasks.send_alerts, tasks.queue_webhooks):
        try:
            task.apply_async(retry=False)
        except (OperationalError, ConnectionError, OSError) as error:
            log.warning("%s not dispatched (beat will run it): %s", task.name, error)


def published(sender, **_signal_arguments):
    if sender._meta.app_label == "tracker":  # not the site's editorial pages
        on_commit_once(dispatch)


def connect():
    """Called once, from tracker/apps.py."""
    from wagtail.signals import published as wagtail_published

    from tracker.publishing.signals import records_published_in_bulk

    wagtail_published.connect(published, dispatch_uid="following-published")
    records_published_in_bulk.connect(published, dispatch_uid="following-published-in-bulk")

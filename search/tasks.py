"""Celery tasks of search: draining the index queue (after each publish, and every minute by beat)."""

import logging

from celery import shared_task
from kombu.exceptions import OperationalError

from search import indexing
from tracker.models.transactions import on_commit_once

log = logging.getLogger(__name__)

MAX_RETRIES = 8


@shared_task(bind=True, acks_late=True, ignore_result=True)
def drain_index_queue(self):
    """Drain every backend's index queue. Idempotent: entries name records by primary key, and a
    drain indexes their published state as it is when it runs."""
    reports = indexing.drain_all()
    unavailable = [r.target for r in reports if r.unavailable]
    # In-process (no broker) there is nobody to retry later: the next publish or
    # `search_index --drain` picks the entries up. With a worker, back off and try again; the beat
    # job drains whatever is left after the last retry.
    if unavailable and not self.request.is_eager and self.request.retries < MAX_RETRIES:
        countdown = min(600, 5 * 2**self.request.retries)
        log.info("Search backends %s unavailable; retrying the drain in %ss", unavailable, countdown)
        raise self.retry(countdown=countdown)
    return [r.as_dict() for r in reports]


def drain_after_commit():
    """Dispatch one drain when the current transaction commits (however many records it queued)."""
    on_commit_once(dispatch_drain)


def dispatch_drain():
    """Ask a worker to drain the queue (in-process without a broker). A broker that does not answer
    is not the publisher's problem: the entries are committed and the beat job drains them later."""
    try:
        drain_index_queue.apply_async(retry=False)
    except (OperationalError, ConnectionError, OSError) as exc:
        log.warning("Could not reach the task broker (%s); the index queue is drained when it is back.", exc)

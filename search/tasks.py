"""Celery tasks of search: draining the index queue (after each publish, and every minute by beat)."""

import logging

from celery import shared_task

from search import indexing

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

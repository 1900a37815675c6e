"""The caching proxy's purges as an outbox, so that no restart of any part loses one.

- `write()`: the pages a change made stale are a `PurgeRequest` row written in the change's own
  transaction (tracker/public/frontend_cache.py follows the changes): committed with it, rolled back with it.
- After the commit, the process that committed sends its rows at once (`send`): a PURGE of each path and a
  BAN of each pattern to every proxy, the rows of a batch merged. Once the proxy has answered them all, a
  row waits HTTP_CACHE_REPURGE_SECONDS and is sent again by a worker (`purge_again`), for a page whose
  request began before the commit and ended after the first purge; then it is deleted.
- A row the proxy did not answer (down, restarting, too slow), or whose sender stopped (a process killed
  just after the commit, a broker that lost the message of the second purge), stays: beat sends every row
  left due for HTTP_CACHE_REPURGE_SECONDS (`send_left_purges`, every minute).

Purges are idempotent, so a row may be sent more than once (two senders at the same moment, a batch cut
short by a proxy that stopped answering), never lost. An answer that refuses a request (a 4xx or 5xx from
the proxy: not allowed from this address, a pattern it cannot read) is logged and counts as answered: the
same request would be refused again.
"""

import datetime
import logging

from celery import shared_task
from django.conf import settings
from django.db.models import F
from django.utils import timezone
from kombu.exceptions import OperationalError
from wagtail.contrib.frontend_cache.utils import get_backends

from tracker.models.purges import PurgeRequest, PurgeStage

logger = logging.getLogger(__name__)

# Rows sent in one batch: their paths and bans merged, so a backlog of changes is sent with each page once.
BATCH = 200


class ProxyDidNotAnswer(Exception):
    """The caching proxy could not be reached, or did not answer in time."""


def write(paths, bans):
    """The purge of a change, kept in the current transaction; returns the row's id."""
    return PurgeRequest.objects.create(paths=sorted(paths), bans=sorted(bans)).pk


def _tell_proxies(paths, bans):
    """PURGE each path and BAN each pattern on every configured proxy (frontend_cache.VarnishBackend);
    raises ProxyDidNotAnswer."""
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    for backend in get_backends().values():
        if not hasattr(backend, "send_purge"):  # another kind of proxy: Wagtail's purge, unchecked, no bans
            backend.purge_batch([base + path for path in paths])
            continue
        for path in paths:
            backend.send_purge(base + path)
        for pattern in bans:
            backend.ban(pattern)


def send(ids):
    """Send the rows `ids` now, whatever their time. Returns whether the proxies answered."""
    rows = list(PurgeRequest.objects.filter(pk__in=ids).values("pk", "paths", "bans", "stage"))
    if not rows:
        return True
    try:
        _tell_proxies(
            sorted({p for row in rows for p in row["paths"]}), sorted({b for row in rows for b in row["bans"]})
        )
    except ProxyDidNotAnswer as failed:
        error = f"The caching proxy did not answer: {failed}"[:300]
        PurgeRequest.objects.filter(pk__in=[row["pk"] for row in rows]).update(attempts=F("attempts") + 1, error=error)
        logger.warning("%s (%d purges kept, beat sends them again)", error, len(rows))
        return False
    # Each row moves on only from the stage it was read at: of two senders of the same row, the later
    # neither deletes a row the other has just moved to its second purge nor moves it twice.
    PurgeRequest.objects.filter(pk__in=[row["pk"] for row in rows], stage=PurgeStage.AGAIN).delete()
    first = [row["pk"] for row in rows if row["stage"] == PurgeStage.FIRST]
    if first:
        due = timezone.now() + datetime.timedelta(seconds=settings.HTTP_CACHE_REPURGE_SECONDS)
        PurgeRequest.objects.filter(pk__in=first, stage=PurgeStage.FIRST).update(
            stage=PurgeStage.AGAIN, due_at=due, attempts=0, error=""
        )
        _again_later(first)
    return True


def _again_later(ids):
    """Without a broker (the demo) the task runs at once, in-process; with a broker that does not answer,
    beat sends the rows once they are left."""
    try:
        purge_again.apply_async(args=[ids], countdown=settings.HTTP_CACHE_REPURGE_SECONDS, retry=False)
    except (OperationalError, ConnectionError, OSError) as error:
        logger.warning("The second purge of %d changes was not queued (beat sends it): %s", len(ids), error)


def left(now=None):
    """Ids of the rows due for HTTP_CACHE_REPURGE_SECONDS and not sent: their sender failed or stopped."""
    now = now or timezone.now()
    since = now - datetime.timedelta(seconds=settings.HTTP_CACHE_REPURGE_SECONDS)
    return list(PurgeRequest.objects.filter(due_at__lte=since).order_by("due_at", "pk").values_list("pk", flat=True))


@shared_task(ignore_result=True)
def purge_again(ids):
    """The second purge of changes, HTTP_CACHE_REPURGE_SECONDS after the first was answered."""
    send(ids)


@shared_task(ignore_result=True)
def send_left_purges():
    """Beat: every purge left behind, a batch at a time, until the proxy stops answering."""
    ids, sent = left(), 0
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        if not send(batch):
            break
        sent += len(batch)
    return sent

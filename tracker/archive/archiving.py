"""Archiving what published records cite: the outbox of addresses to fetch and the fetch of each.

After a publish commits (tracker/archive/dispatch.py), `archive_new_citations()` gives every address the
published record newly cites an `ArchivedCopy` row due now, and fetches what is due. Beat does the same for
every address any published record newly cites: at national scale, looking at all of them after every
publish took 0.34 to 0.53 s of the database. A failure is recorded with its reason and the address is tried again
after `ARCHIVE_RETRY_DELAY` seconds, doubled each time up to `ARCHIVE_RETRY_MAX_DELAY`, at most
`ARCHIVE_MAX_ATTEMPTS` times; beat runs `archive_due()` every few minutes. All of it runs after the
publish's commit, in a worker: a page that cannot be fetched never blocks or delays a publish.
"""

import datetime
import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models import Exists, OuterRef
from django.utils import timezone

from tracker.archive.citations import cited_urls
from tracker.archive.fetching import FetchFailed, fetch
from tracker.archive.signals import copies_changed
from tracker.archive.warcs import warc_of
from tracker.models import ArchivedCopy

log = logging.getLogger(__name__)


def add_new_citations(record=None):
    """Give every address published records cite (`record`: the one it names, as `cited_urls` takes it), and
    that has no row yet, a row due now; how many."""
    # NOT EXISTS, not NOT IN: PostgreSQL plans it as an anti-join (NOT IN over 100,000 rows was quadratic).
    known = ArchivedCopy.objects.filter(url=OuterRef("url"))
    now = timezone.now()
    new = set()
    for urls in cited_urls(record):
        new.update(urls.exclude(Exists(known)).distinct())
    rows = [ArchivedCopy(url=url, next_attempt_at=now) for url in sorted(new) if len(url) <= 500]
    ArchivedCopy.objects.bulk_create(rows, ignore_conflicts=True, batch_size=1000)
    return len(rows)


def retry_delay(attempts):
    """Seconds to wait after the `attempts`-th failure in a row."""
    return min(settings.ARCHIVE_RETRY_DELAY * 2 ** (attempts - 1), settings.ARCHIVE_RETRY_MAX_DELAY)


def storage_name(copy, fetched):
    return f"archive/{fetched.fetched_at:%Y/%m}/{copy.pk}-{fetched.fetched_at:%Y%m%dT%H%M%S}.warc.gz"


def archive(copy):
    """Fetch `copy.url` and keep the page, or record why not. True when a copy was kept."""
    try:
        fetched = fetch(copy.url)
    except FetchFailed as failed:
        record_failure(copy, str(failed))
        return False
    data, sha256 = warc_of(fetched)
    name = default_storage.save(storage_name(copy, fetched), ContentFile(data))
    ArchivedCopy.objects.filter(pk=copy.pk).update(
        warc=name,
        sha256=sha256,
        fetched_at=fetched.fetched_at,
        http_status=fetched.status,
        content_type=fetched.content_type[:200],
        size=len(fetched.body),
        warc_size=len(data),
        attempts=0,
        next_attempt_at=None,
    )
    return True


def record_failure(copy, reason):
    attempts = copy.attempts + 1
    now = timezone.now()
    due = now + datetime.timedelta(seconds=retry_delay(attempts))
    ArchivedCopy.objects.filter(pk=copy.pk).update(
        attempts=attempts,
        last_failure=reason[:500],
        last_failed_at=now,
        next_attempt_at=due if attempts < settings.ARCHIVE_MAX_ATTEMPTS else None,
    )
    log.info("Not archived (attempt %s): %s: %s", attempts, copy.url, reason)


def claim(pk, now):
    """Take a due row for this worker: move its attempt past the time a fetch may take, so no other worker
    takes it meanwhile, and a worker that dies leaves it due again afterwards. The row, or None if taken."""
    lease = now + datetime.timedelta(seconds=settings.ARCHIVE_TOTAL_SECONDS + 60)
    if ArchivedCopy.objects.filter(pk=pk, next_attempt_at__lte=now).update(next_attempt_at=lease):
        return ArchivedCopy.objects.get(pk=pk)
    return None


def archive_due(limit=None):
    """Fetch up to `limit` (ARCHIVE_BATCH) addresses whose attempt is due; (kept, failed)."""
    limit = limit or settings.ARCHIVE_BATCH
    kept = failed = 0
    now = timezone.now()
    for pk in list(ArchivedCopy.objects.due(now).values_list("pk", flat=True)[:limit]):
        copy = claim(pk, now)
        if copy is None:
            continue
        if archive(copy):
            kept += 1
        else:
            failed += 1
    if kept:
        copies_changed.send(sender=None)
    return kept, failed


def archive_new_citations(record=None):
    add_new_citations(record)
    return archive_due()

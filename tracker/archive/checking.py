"""The weekly check of every address published records cite (`manage.py check_sources`, and beat's
`tracker-check-sources`): each is fetched again with the archive's safe fetcher, and its row records when it
was checked, the status it answered, why it is dead (empty while it answers) and whether the page has changed
since its copy was kept (its SHA-256 differs). An address without a copy yet gets one; a kept copy whose stored
file is damaged is replaced by the page as it is now, and the row says so.

Fetches run `ARCHIVE_CHECK_WORKERS` at a time (they wait on the network, not on the database); rows are read
`CHUNK` at a time and written back with one UPDATE per chunk, so the queries grow with N / CHUNK, never with N.
"""

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from tracker.archive.archiving import add_new_citations, storage_name
from tracker.archive.citations import is_cited
from tracker.archive.fetching import FetchFailed, fetch
from tracker.archive.reading import stored_page
from tracker.archive.signals import copies_changed
from tracker.archive.warcs import Damaged, sha256_of, warc_of
from tracker.models import ArchivedCopy

CHUNK = 500
CHECKED_FIELDS = ["checked_at", "check_status", "dead_reason", "content_changed", "last_failure"]
KEPT_FIELDS = [
    *("warc", "sha256", "fetched_at", "http_status", "content_type", "size", "warc_size"),
    *("attempts", "next_attempt_at"),
]


@dataclass
class Tally:
    checked: int = 0
    unchanged: int = 0
    changed: int = 0
    dead: int = 0
    kept: int = 0  # copies kept now: none before, or the stored one was damaged

    def __str__(self):
        return (
            f"Checked {self.checked} cited addresses: {self.unchanged} as archived, {self.changed} changed since, "
            f"{self.dead} dead; {self.kept} copies kept now."
        )


def cited_rows():
    """The rows of every address a published record cites now."""
    return ArchivedCopy.objects.filter(is_cited()).order_by("pk")


def _fetch(url):
    try:
        return fetch(url), ""
    except FetchFailed as failed:
        return None, str(failed)


def _keep(copy, fetched, why=""):
    data, sha256 = warc_of(fetched)
    copy.warc = default_storage.save(storage_name(copy, fetched), ContentFile(data))
    copy.sha256, copy.fetched_at, copy.http_status = sha256, fetched.fetched_at, fetched.status
    copy.content_type, copy.size, copy.warc_size, copy.attempts = (
        fetched.content_type[:200],
        len(fetched.body),
        len(data),
        0,
    )
    copy.last_failure = why


def _stored_copy_damaged(copy):
    try:
        stored_page(copy)
    except Damaged as damaged:
        return str(damaged)
    return ""


def _record(copy, fetched, reason, now, tally):
    copy.checked_at = now
    tally.checked += 1
    if fetched is None:
        copy.dead_reason, copy.content_changed = reason[:500], False
        copy.check_status = None
        tally.dead += 1
        return
    copy.check_status, copy.dead_reason = fetched.status, ""
    damaged = _stored_copy_damaged(copy) if copy.is_kept else ""
    if not copy.is_kept or damaged:
        _keep(copy, fetched, f"{damaged} Fetched again on the weekly check." if damaged else "")
        copy.content_changed = False
        tally.kept += 1
        return
    copy.content_changed = sha256_of(fetched.body) != copy.sha256
    if copy.content_changed:
        tally.changed += 1
    else:
        tally.unchanged += 1


def check_sources(limit=None, workers=None, now=None):
    """Check every cited address (the first `limit`); the Tally."""
    add_new_citations()
    now = now or timezone.now()
    tally = Tally()
    rows = cited_rows()
    if limit:
        rows = rows[:limit]
    with ThreadPoolExecutor(max_workers=workers or settings.ARCHIVE_CHECK_WORKERS) as pool:
        chunk = []
        for copy in rows.iterator(chunk_size=CHUNK):
            chunk.append(copy)
            if len(chunk) == CHUNK:
                _check_chunk(chunk, pool, now, tally)
                chunk = []
        if chunk:
            _check_chunk(chunk, pool, now, tally)
    if tally.checked:
        copies_changed.send(sender=None)
    return tally


def _check_chunk(chunk, pool, now, tally):
    for copy, (fetched, reason) in zip(chunk, pool.map(_fetch, [copy.url for copy in chunk]), strict=True):
        _record(copy, fetched, reason, now, tally)
    ArchivedCopy.objects.bulk_update(chunk, CHECKED_FIELDS + KEPT_FIELDS, batch_size=CHUNK)

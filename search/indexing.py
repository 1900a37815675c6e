"""Indexing that loses nothing.

1. A publish (or unpublish, takedown, restore, bulk publish or delete) writes index-queue entries in its
   own transaction, one per backend kept up to date: for the record itself and for the records whose
   documents show it (an office's commitments show its holders, so a transfer re-indexes them).
   search/subscriptions.py listens for those moments.
2. After the commit, a Celery task (search/tasks.py) drains the queue in bulk. If the broker is down the publish still
   succeeds; the entries wait, and the beat job drains them when the broker is back.
3. A drain reads each record's published state when it runs (so entries are idempotent: draining one
   twice writes the same document) and marks the entries done only once the backend took the
   documents. If the search server is down, they stay pending and are retried with backoff.
4. Drains of one backend run one batch at a time (a lock), so an older read can never overwrite a
   newer one. A rebuild replays whatever was queued while it ran.
"""

import logging
import threading
import zlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from search.backends import SearchUnavailable, get_backend, targets
from search.documents import Places, build_documents, kind_models, published_ids, search_kind, split_uid, uid
from search.models import IndexQueueEntry

log = logging.getLogger(__name__)

# An entry a backend refused this many times is left for `search_index --check` to report.
MAX_ATTEMPTS = 20
# How long drained entries are kept: a rebuild replays those queued while it ran.
KEEP_DONE = timedelta(days=1)
# Entries queued this long before a rebuild started may still have been committed after it started.
REPLAY_MARGIN = timedelta(minutes=1)
_thread_locks = defaultdict(threading.Lock)


# --- 1. Enqueue -----------------------------------------------------------------------------------


def keys_for(record):
    """(kind, pk) of the record's own document and of every document that shows it (tracker's models
    declare which: `TrackerRecord.shown_on`, e.g. an office's commitments show its holders)."""
    kind = search_kind(record)
    keys = {(kind, record.pk)} if kind and record.pk is not None else set()
    for model, ids in record.shown_on().items():
        if other := search_kind(model):
            keys |= {(other, pk) for pk in ids}
    return keys


def add_to_queue(keys, to=None):
    """Queue (kind, pk) keys for every backend kept up to date (or those named), in the current
    transaction. Returns the number of entries written."""
    now = timezone.now()
    entries = [
        IndexQueueEntry(target=target, kind=kind, object_id=object_id, created_at=now)
        for target in (to or targets())
        for kind, object_id in sorted(keys)
    ]
    IndexQueueEntry.objects.bulk_create(entries, batch_size=1000)
    return len(entries)


# --- 2. Drain -------------------------------------------------------------------------------------


@dataclass
class DrainReport:
    target: str
    indexed: int = 0
    deleted: int = 0
    refused: int = 0
    unavailable: str = ""
    refilling: bool = False

    def as_dict(self):
        return self.__dict__.copy()


def pending(target):
    return IndexQueueEntry.objects.filter(target=target, done_at__isnull=True, attempts__lt=MAX_ATTEMPTS)


class _BatchLock:
    """One drain batch of a backend at a time, across processes on PostgreSQL (an advisory lock
    held until the batch's transaction ends) and across threads elsewhere (SQLite: one process)."""

    def __init__(self, target):
        self.target = target
        self.thread_lock = _thread_locks[target]

    def __enter__(self):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [zlib.crc32(f"search:{self.target}".encode())])
        else:
            self.thread_lock.acquire()

    def __exit__(self, *exc):
        if connection.vendor != "postgresql":
            self.thread_lock.release()


def drain(target, batch_size=None, budget_seconds=None):
    """Drain one backend's queue until it is empty, the backend is unreachable or time runs out."""
    batch_size = batch_size or settings.SEARCH["BATCH_SIZE"]
    deadline = timezone.now() + timedelta(seconds=budget_seconds or settings.SEARCH["DRAIN_SECONDS"])
    report = DrainReport(target)
    backend = get_backend(target)
    places = Places()
    try:
        if backend.prepare():
            # The index was missing (a new search server, or one that lost its data): fill it.
            report.refilling = True
            add_to_queue({(kind, pk) for kind in kind_models() for pk in published_ids(kind)}, to=[target])
        while timezone.now() < deadline and _drain_batch(target, backend, batch_size, places, report):
            pass
    except SearchUnavailable as exc:
        report.unavailable = str(exc)[:500]
        log.warning("Search backend %s unavailable; its queue waits (%s)", target, exc)
    purge_done()
    return report


def _drain_batch(target, backend, batch_size, places, report):
    with transaction.atomic(), _BatchLock(target):
        entries = list(pending(target).order_by("id")[:batch_size])
        if not entries:
            return False
        wanted = defaultdict(set)
        for entry in entries:
            wanted[entry.kind].add(entry.object_id)
        documents, gone = {}, []
        for kind, ids in wanted.items():
            built = build_documents(kind, ids, places)
            documents.update(built)
            gone += [uid(kind, pk) for pk in sorted(ids) if uid(kind, pk) not in built]
        refused = backend.write(documents, gone)
        now = timezone.now()
        done = [e.pk for e in entries if uid(e.kind, e.object_id) not in refused]
        IndexQueueEntry.objects.filter(pk__in=done).update(done_at=now, last_error="")
        for entry in entries:
            error = refused.get(uid(entry.kind, entry.object_id))
            if error:
                IndexQueueEntry.objects.filter(pk=entry.pk).update(attempts=entry.attempts + 1, last_error=error)
        report.indexed += len(documents) - len(set(refused) & set(documents))
        report.deleted += len(gone)
        report.refused += len(refused)
        return True


def waiting(target, keys):
    """The (kind, pk) among `keys` whose latest change the backend `target` has not taken yet: their entries
    are still pending. An entry is marked done in the transaction that wrote its document, so a key that
    is not waiting is indexed as the record is now."""
    by_kind = defaultdict(set)
    for kind, pk in keys:
        by_kind[kind].add(pk)
    if not by_kind:
        return set()
    which = Q()
    for kind, ids in by_kind.items():
        which |= Q(kind=kind, object_id__in=ids)
    return set(pending(target).filter(which).values_list("kind", "object_id"))


def as_they_are_now(documents, target):
    """`documents` as the backend `target` answered them, with those it has not caught up with yet built
    again from the records (None for a record no longer public: taken down, unpublished or deleted). The
    index follows a change within seconds, when a worker drains the queue; a record taken down on a court's
    order must not be listed for those seconds, nor a person's name shown on the records that show it."""
    late = waiting(target, [split_uid(doc["uid"]) for doc in documents])
    if not late:
        return list(documents)
    now = {}
    for kind in {kind for kind, _pk in late}:
        now.update(build_documents(kind, [pk for k, pk in late if k == kind]))
    return [now.get(doc["uid"]) if split_uid(doc["uid"]) in late else doc for doc in documents]


def purge_done():
    IndexQueueEntry.objects.filter(done_at__lt=timezone.now() - KEEP_DONE).delete()


def drain_all(**options):
    return [drain(target, **options) for target in targets()]


# --- 3. Rebuild and check -------------------------------------------------------------------------


def count_published():
    return sum(model.objects.published().count() for model in kind_models().values())


def published_batches(batch_size=500):
    """Every published record's document, a batch at a time."""
    places, today = Places(), timezone.localdate()
    for kind in kind_models():
        ids = list(published_ids(kind))
        for start in range(0, len(ids), batch_size):
            yield build_documents(kind, ids[start : start + batch_size], places, today)


def rebuild(target, progress=lambda n: None, batch_size=500):
    """Build the backend's index anew from the database and make it the live one; then replay what
    was queued while it ran (the rebuild may have read some records before their latest publish)."""
    started = timezone.now()
    written = get_backend(target).rebuild(published_batches(batch_size), progress)
    before = started - REPLAY_MARGIN
    pending(target).filter(created_at__lt=before).update(done_at=timezone.now())
    # Entries a backend refused are retried too: the rebuild may have fixed what made it refuse.
    IndexQueueEntry.objects.filter(target=target, done_at__isnull=True).update(attempts=0)
    during = IndexQueueEntry.objects.filter(target=target, created_at__gte=before)
    replay = set(during.values_list("kind", "object_id").distinct())
    if replay:
        add_to_queue(replay, to=[target])
    return written


@dataclass
class CheckReport:
    target: str
    missing: list = field(default_factory=list)
    stale: list = field(default_factory=list)
    extra: list = field(default_factory=list)
    pending: int = 0
    stuck: list = field(default_factory=list)  # (uid, attempts, last error)
    unavailable: str = ""

    @property
    def problems(self):
        return len(self.missing) + len(self.stale) + len(self.extra) + len(self.stuck) + bool(self.unavailable)


def check(target, progress=lambda n: None):
    """Compare the backend's documents with what the database says is published now."""
    report = CheckReport(target)
    try:
        indexed = get_backend(target).digests()
    except SearchUnavailable as exc:
        report.unavailable = str(exc)
        return report
    fresh = {}
    for documents in published_batches():
        fresh.update({u: doc["digest"] for u, doc in documents.items()})
        progress(len(documents))
    report.missing = sorted(set(fresh) - set(indexed))
    report.extra = sorted(set(indexed) - set(fresh))
    report.stale = sorted(u for u in set(fresh) & set(indexed) if fresh[u] != indexed[u])
    report.pending = pending(target).count()
    stuck = IndexQueueEntry.objects.filter(target=target, done_at__isnull=True, attempts__gte=MAX_ATTEMPTS)
    report.stuck = [(uid(e.kind, e.object_id), e.attempts, e.last_error) for e in stuck.order_by("id")[:100]]
    return report


def repair(report):
    """Queue the records a check found missing, stale or extra."""
    return add_to_queue({split_uid(u) for u in [*report.missing, *report.stale, *report.extra]}, to=[report.target])

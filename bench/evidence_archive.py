"""Archiving cited pages and the weekly check of every cited address (issue 29), against a local HTTP server.

    DATABASE_URL=postgres://…/<a database of your own> .venv/bin/python bench/evidence_archive.py \
        [--archive 1000] [--sources 1000] [--workers 8]

The database named must be yours: the bench migrates it, and before each run deletes the archive's rows and
the sources it made before (addresses on 127.0.0.1). It uses the dev settings, with the local server's address
allowed (`ARCHIVE_ALLOW_PRIVATE_ADDRESSES`) and the copies kept in a temporary folder (FileSystemStorage),
deleted at the end.

1. **Archiving**: `--archive` sources cited by a published commitment, each a page of its own from a local
   `ThreadingHTTPServer` (http.server, in a thread of this process), sized at random between 30 and 300 kB
   (HTML, seeded: the same sizes every run). `archive_due()` (what the Celery task runs after a publish and
   on beat, here with a batch of all of them, in one process, one fetch at a time) fetches each through the
   safe fetcher, writes its WARC (gzipped) and updates its row. Reports the time, pages a second, the pages'
   bytes, the WARC files' bytes (what the storage holds) and the queries.
2. **The weekly check**: `--sources` cited addresses, all already archived (the rows point at one kept copy of
   a 40 kB page, so the check verifies a real WARC for each), checked by `check_sources()` with `--workers`
   fetches at a time. Reports the time, addresses a second and the queries (they must grow with N / 500, the
   chunk, not with N).

The cited rows are made behind the publishing service (one commitment is published through it; its other
sources are inserted straight into the part's table): what is measured is the archive, not publishing.

Figures on this 2-core machine (PostgreSQL 15, 2026-12-06, shared with other work: load average about 5):

| what | figure |
| --- | ---: |
| archiving 1,000 pages of 30-300 kB (163.8 MB of pages), one process | 40.0 s, 25 pages/s |
| storage the 1,000 WARC files take (gzipped) | 53.2 MB, 53 kB a page |
| queries of archiving 1,000 pages | 3,001 (claim, read, write: 3 a page) |
| the weekly check of 1,000 addresses, 8 fetches at a time | 10.8 s, 92 addresses/s, 10 queries |
| the weekly check of 100,000 addresses, 8 fetches at a time | 716 s (12 min), 140 addresses/s, 604 queries |

The check's queries are 4 to start with and 2 a chunk of 500 (one FETCH of the rows, one UPDATE of them all):
604 for 100,000, 10 for 1,000. Its time is the fetches' (here a 40 kB page from this machine, each re-hashed,
and each kept WARC file read back and checked): against real servers it is bound by their answers, and
`ARCHIVE_CHECK_WORKERS` sets how many wait at once. The first 100,000 run found the search for newly cited
addresses taking minutes (NOT IN over 100,000 rows); it is NOT EXISTS now, and the whole check takes the time
above.
"""

# ruff: noqa: S311, T201  (a benchmark that prints, with seeded page sizes)
import argparse
import os
import random
import shutil
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402

from tracker import publishing  # noqa: E402
from tracker.archive.archiving import add_new_citations, archive_due  # noqa: E402
from tracker.archive.checking import check_sources  # noqa: E402
from tracker.models import ArchivedCopy, CommitmentSource  # noqa: E402
from tracker.models.vocabulary import OwnershipRole  # noqa: E402

# Words drawn at random (seeded), so that the WARC files' gzip has text to compress, not a line repeated.
WORDS = [
    "notification",
    "department",
    "local",
    "government",
    "budget",
    "allocation",
    "scheme",
    "district",
    "council",
    "water",
    "supply",
    "school",
    "road",
    "health",
    "unit",
    "tender",
    "contract",
    "completion",
    "progress",
    "report",
    "audit",
    "para",
    "secretary",
    "deputy",
    "commissioner",
    "tehsil",
    "union",
    "council",
    "funds",
    "released",
    "utilised",
    "approved",
    "revised",
    "estimate",
    "quarter",
    "fiscal",
    "year",
    "rupees",
    "million",
]
_words = random.Random(29)
FILLER = " ".join(f"{_words.choice(WORDS)} {_words.randint(1, 99_999)}" for _ in range(40_000)).encode()[:400_000]
CHECKED_PAGE_BYTES = 40_000


def page_size(number):
    return random.Random(number).randint(30_000, 300_000)


class Pages(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):  # noqa: N802 (http.server's name)
        kind, _, number = self.path.strip("/").partition("/")
        size = page_size(int(number.split("?")[0])) if kind == "page" else CHECKED_PAGE_BYTES
        head = b"<!doctype html><html><head><title>Notification</title></head><body>\n"
        body = head + FILLER[: size - len(head) - 15] + b"</body></html>\n"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def serve():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def cited_by_one_commitment(urls):
    """A commitment published through the service citing urls[0]; its other sources inserted behind it."""
    from tests import factories, scenario

    office = factories.OfficeFactory()
    record = scenario.commitment(
        owners=[(office, OwnershipRole.ADMINISTRATIVE)],
        jurisdiction=office.organization.jurisdiction,
        live=False,
        sources=[{"url": urls[0], "title": "Notification"}],
    )
    publishing.publish(record, summary="Bench: cite the pages")
    CommitmentSource.objects.bulk_create(
        [
            CommitmentSource(commitment=record, url=url, title="Notification", sort_order=n)
            for n, url in enumerate(urls[1:], 1)
        ],
        batch_size=5000,
    )
    return record


def clean():
    """Forget what a run before made: the archive's rows and the sources on 127.0.0.1, in plain SQL (a
    queryset's delete would write a history row for each of 100,000 sources)."""
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM tracker_archivedcopy")
        cursor.execute("DELETE FROM tracker_commitmentsource WHERE url LIKE 'http://127.0.0.1:%%'")


def megabytes(count):
    return f"{count / 1e6:,.1f} MB"


def bench_archiving(server, count):
    base = f"http://127.0.0.1:{server.server_address[1]}"
    urls = [f"{base}/page/{n}" for n in range(count)]
    cited_by_one_commitment(urls)
    add_new_citations()
    connection.force_debug_cursor = True
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        kept, failed = archive_due(limit=count)
        seconds = time.perf_counter() - started
    copies = ArchivedCopy.objects.kept()
    pages = sum(copies.values_list("size", flat=True))
    warcs = sum(copies.values_list("warc_size", flat=True))
    print(
        f"Archiving {count:,} pages of 30-300 kB: {kept:,} kept, {failed} failed in {seconds:.1f} s "
        f"({kept / seconds:.1f} pages/s); pages {megabytes(pages)}, WARC files {megabytes(warcs)} "
        f"({warcs / max(kept, 1) / 1000:.1f} kB a page); {len(queries)} queries."
    )


def bench_check(server, count, workers):
    base = f"http://127.0.0.1:{server.server_address[1]}"
    urls = [f"{base}/checked/{n}" for n in range(count)]
    cited_by_one_commitment(urls)
    add_new_citations()
    archive_due(limit=1)  # one real copy, of the same 40 kB page every address answers with
    model = ArchivedCopy.objects.kept().filter(url__startswith=f"{base}/checked/").first()
    kept = {
        f: getattr(model, f)
        for f in ("warc", "sha256", "fetched_at", "http_status", "content_type", "size", "warc_size")
    }
    ArchivedCopy.objects.filter(url__startswith=f"{base}/checked/").update(next_attempt_at=None, **kept)
    connection.force_debug_cursor = True
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        tally = check_sources(workers=workers)
        seconds = time.perf_counter() - started
    print(
        f"The weekly check of {count:,} addresses ({workers} fetches at a time): {seconds:.1f} s "
        f"({tally.checked / seconds:.0f} addresses/s), {len(queries)} queries. {tally}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--archive", type=int, default=1000, help="pages to archive (0: skip)")
    parser.add_argument("--sources", type=int, default=1000, help="cited addresses to check (0: skip)")
    parser.add_argument("--workers", type=int, default=8, help="fetches at a time in the check")
    options = parser.parse_args()
    call_command("migrate", verbosity=0)
    folder = tempfile.mkdtemp(prefix="bench-archive-")
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": folder}},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    server = serve()
    try:
        with override_settings(
            STORAGES=storages, ARCHIVE_ALLOW_PRIVATE_ADDRESSES=["127.0.0.1/32"], ARCHIVE_SOURCES=False
        ):
            if options.archive:
                clean()
                bench_archiving(server, options.archive)
                used = sum(path.stat().st_size for path in Path(folder).rglob("*") if path.is_file())
                print(f"Storage used on disk: {megabytes(used)} in {folder}.")
            if options.sources:
                clean()
                bench_check(server, options.sources, options.workers)
            clean()
    finally:
        server.shutdown()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()

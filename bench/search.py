"""Search benchmark (not a test): full reindex throughput, and p50/p95 latency of a fixed set of
searches with every facet counted, on the database the settings name (SQLite FTS5 or PostgreSQL
full-text) and on osmem-server (an in-memory OpenSearch-compatible engine started here; its
figures are osmem-server's, not Elasticsearch's).

Point DATABASE_URL at a database loaded with `load_demo_data --scale 100000`, then:

    .venv/bin/python bench/search.py --backend database
    .venv/bin/python bench/search.py --backend osmem

Each run rebuilds that backend's index (timed), then runs every query once to warm up and
`--repeat` times measured, through the same service the search page calls (search.queries.search:
hits, highlights, total and the seven facets). Prints one Markdown table row.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from search import indexing, queries  # noqa: E402
from search.results import SearchRequest  # noqa: E402
from search.text import parse_query  # noqa: E402

# (words, filters): a visitor's searches, from an empty box to words with filters and sorting.
QUERIES = [
    ("", {}),
    ("school", {}),
    ("water supply", {}),
    ("quetta", {"status": "in_progress"}),
    ("hospital", {"sector": "health"}),
    ("", {"overdue": True, "sort": "deadline"}),
    ("road", {"office_kind": "appointed", "sort": "changed"}),
    ("", {"jurisdiction": "balochistan"}),
    ("کوئٹہ", {}),
    ('"file tracking" secretariat', {}),
    ("lahore schools", {"page": 3}),
    ("AND OR )(", {}),
]


def run_query(words, filters, today):
    request = SearchRequest(query=parse_query(words), today=today, **filters)
    return queries.search(request)


def percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", choices=["database", "osmem"], required=True)
    parser.add_argument("--repeat", type=int, default=10, help="measured runs of each query (default 10)")
    parser.add_argument("--no-reindex", action="store_true", help="use the index as it is")
    args = parser.parse_args()

    server = None
    target = "database"
    if args.backend == "osmem":
        from osmem_server import OsmemServer

        server = OsmemServer.start(japanese=False)
        settings.SEARCH = {**settings.SEARCH, "BACKEND": "elasticsearch", "ELASTICSEARCH_URL": server.url}
        settings.SEARCH["TIMEOUT"] = 60
        target = "elasticsearch"
    else:
        settings.SEARCH = {**settings.SEARCH, "BACKEND": "database", "ELASTICSEARCH_URL": ""}
    try:
        docs, seconds = 0, None
        if not args.no_reindex or server:
            started = time.perf_counter()
            docs = indexing.rebuild(target)
            seconds = time.perf_counter() - started
        today = timezone.localdate()
        totals = {}
        for words, filters in QUERIES:  # warm-up (and a check that each query answers)
            results = run_query(words, filters, today)
            assert not results.fallback, "the search server fell back to the database"
            totals[(words, str(filters))] = results.total
        samples = []
        for _ in range(args.repeat):
            for words, filters in QUERIES:
                started = time.perf_counter()
                run_query(words, filters, today)
                samples.append((time.perf_counter() - started) * 1000)
    finally:
        if server is not None:
            server.close()
    name = {"sqlite": "SQLite FTS5", "postgresql": "PostgreSQL full-text"}[connection.vendor]
    if server:
        from importlib.metadata import version

        name = f"osmem-server {version('osmem-server')} (documents read from {name.split()[0]})"
    reindex = f"{docs:,} docs in {seconds:.0f} s = {docs / seconds:,.0f} docs/s" if seconds else "not measured"
    p50, p95 = statistics.median(samples), percentile(samples, 0.95)
    print(f"| {name} | {len(samples)} | {p50:.0f} ms | {p95:.0f} ms | {reindex} |")
    for (words, filters), total in totals.items():
        print(f"    {words!r:32} {filters:48} {total:>8,} results", file=sys.stderr)


if __name__ == "__main__":
    main()

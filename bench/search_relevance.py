"""Search relevance benchmark (not a test): recall@10 and MRR of the labelled queries of
bench/search_queries.json, per kind of query (Roman Urdu, English, Urdu script, misspelt names,
abbreviations), on the database the settings name (SQLite FTS5 or PostgreSQL full-text, by DATABASE_URL)
or on osmem-server (the Elasticsearch path, an in-memory OpenSearch-compatible engine started here).

Point DATABASE_URL at a database loaded with `load_demo_data` (the curated demo, no --scale), then:

    .venv/bin/python bench/search_relevance.py --backend database
    .venv/bin/python bench/search_relevance.py --backend osmem

Each query names the records ("kind:slug") that must be among its first 10 results. recall@10 is the share
of them that are; MRR the mean of 1/rank of the first of them (0 when none is in the first 10). Each run
rebuilds that backend's index first. `--label` (re)fills the expected records of every query from the first
three results of its `canonical` form (the same words in English or Urdu script) on this backend, and
`--narrow` keeps only those that the canonical form also finds in the first 10 on this backend: the set was
labelled with `--label` on SQLite and narrowed on osmem-server, before the search understood Roman Urdu,
other spellings or abbreviations (bench/search_queries.py drafts the queries). Prints a Markdown table;
`--misses` lists the queries that missed.
"""

import argparse
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from search import indexing, queries  # noqa: E402
from search.results import SearchRequest  # noqa: E402
from search.text import parse_query  # noqa: E402

QUERIES = HERE / "search_queries.json"
KINDS = ("roman_urdu", "english", "urdu", "misspelt_name", "abbreviation")
TOP = 10


def first_ten(words, today):
    results = queries.search(SearchRequest(query=parse_query(words), today=today, per_page=TOP))
    assert not results.fallback, "the search server fell back to the database"
    return [f"{hit.document['kind']}:{hit.document['slug']}" for hit in results.hits[:TOP]]


def scores(expected, found):
    """(recall@10, reciprocal rank) of one query."""
    if not expected:
        return 1.0, 1.0
    recall = len(set(expected) & set(found)) / len(set(expected))
    rank = next((i + 1 for i, slug in enumerate(found) if slug in expected), None)
    return recall, (1 / rank if rank else 0.0)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", choices=["database", "osmem"], required=True)
    parser.add_argument("--queries", type=Path, default=QUERIES)
    parser.add_argument("--label", action="store_true", help="fill each query's expected records (see above)")
    parser.add_argument("--narrow", action="store_true", help="keep the expected records this backend finds too")
    parser.add_argument("--misses", action="store_true", help="list the queries that missed")
    args = parser.parse_args()
    labelled = json.loads(args.queries.read_text())

    server, target = None, "database"
    settings.SEARCH = {**settings.SEARCH, "BACKEND": "database", "ELASTICSEARCH_URL": "", "CACHE_ANSWERS": False}
    if args.backend == "osmem":
        from osmem_server import OsmemServer

        server = OsmemServer.start(japanese=False)
        settings.SEARCH.update(BACKEND="elasticsearch", ELASTICSEARCH_URL=server.url, TIMEOUT=60)
        target = "elasticsearch"
    try:
        indexing.rebuild(target)
        today = timezone.localdate()
        if args.label or args.narrow:
            kept = []
            for entry in labelled:
                found = first_ten(entry.get("canonical") or entry["q"], today)
                if args.label:
                    entry["expected"] = found[:3]
                else:
                    entry["expected"] = [slug for slug in entry["expected"] if slug in found]
                if entry["expected"]:
                    kept.append(entry)
            args.queries.write_text(json.dumps(kept, ensure_ascii=False, indent=1) + "\n")
            print(f"{len(kept)} of {len(labelled)} queries kept, labelled on {target}")
            return
        by_kind = defaultdict(list)
        misses = []
        for entry in labelled:
            found = first_ten(entry["q"], today)
            recall, reciprocal = scores(entry["expected"], found)
            by_kind[entry["kind"]].append((recall, reciprocal))
            if recall < 1:
                misses.append(
                    f"{entry['kind']:14} {recall:.2f} {entry['q']!r} -> {found[:3]} (want {entry['expected']})"
                )
    finally:
        if server is not None:
            server.close()
    name = {"sqlite": "SQLite FTS5", "postgresql": "PostgreSQL full-text"}[connection.vendor]
    if server:
        name = "osmem-server (Elasticsearch path)"
    print(f"| {name} | kind | queries | recall@10 | MRR |")
    print("| --- | --- | ---: | ---: | ---: |")
    for kind in [*KINDS, *sorted(set(by_kind) - set(KINDS))]:
        rows = by_kind.get(kind, [])
        if rows:
            recall = sum(r for r, _m in rows) / len(rows)
            mrr = sum(m for _r, m in rows) / len(rows)
            print(f"| | {kind} | {len(rows)} | {recall:.3f} | {mrr:.3f} |")
    if args.misses:
        print("\n".join(misses), file=sys.stderr)


if __name__ == "__main__":
    main()

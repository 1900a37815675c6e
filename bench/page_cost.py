"""What one uncached request of a public page costs the server (issue 31, "fast while editors work"):
each page rendered in this process by Django's test client, through every middleware, many times after a
warm-up, with the shared caches off (the test settings: no cached rows, reports or answers), so that every
request renders the whole page as the first one after a change of the public state does, unless
`--shared-caches`: then the reports, rows and daily digests are kept in the shared cache as production keeps
them (the changes feed reads its digests from it). The maintained summaries (rows in the database,
tracker/public/summaries.py) are read as production reads them, unless `--no-summaries`.

    .venv/bin/python bench/page_cost.py [--requests 40] [--only commitment] [--urdu] [--profile list]

On whatever database DATABASE_URL names (SQLite in the project by default: `manage.py migrate` and
`manage.py load_demo_data` first). Prints a Markdown table, per page: median and p95 wall time, median
CPU time (`time.process_time`, the process's own, so a busy machine inflates it less than the wall
time), and, counted during one more request: SQL queries, template nodes rendered, translation
lookups (gettext, ngettext, pgettext and npgettext as templates and code call them) and URL reversals
(`reverse()` and `{% url %}`, `get_absolute_url` included), with `get_absolute_url` calls apart.
`--profile NAME` prints cProfile's 30 costliest functions (cumulative) for that page instead.

Figures (issue 31): the curated demo (`load_demo_data`: 575 commitments) on SQLite, the test settings with
the summaries read from their rows, 40 requests per page after 5 warm-ups; before (14ccd93) and after
(this branch) run in turn three times on 2 CPUs shared with other jobs (load average 2.3 to 2.8), the
median of the three. Counts are of one request. "Reversals" are the reverse() calls actually made (a kept
page address is not reversed again); `get_absolute_url` calls stay as they were (39, 25, 32, 15).

| page | wall p50 ms | CPU p50 ms | queries | template nodes | translations | reversals |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
| commitment | 29.9 → 23.0 | 25.7 → 22.8 | 11 → 11 | 902 → 889 | 418 → 152 | 68 → 29 |
| commitment (Urdu) | 31.2 → 24.8 | 27.6 → 23.9 | 11 → 11 | 904 → 891 | 416 → 150 | 68 → 29 |
| commitment list | 47.5 → 21.0 | 41.9 → 20.1 | 4 → 4 | 1936 → 582 | 673 → 148 | 46 → 21 |
| commitment list (Urdu) | 39.4 → 20.9 | 35.6 → 20.6 | 4 → 4 | 1938 → 584 | 673 → 148 | 46 → 21 |
| office | 37.3 → 30.9 | 36.0 → 30.5 | 8 → 8 | 1281 → 993 | 848 → 285 | 92 → 28 |
| office (Urdu) | 39.1 → 32.3 | 35.4 → 32.1 | 8 → 8 | 1283 → 995 | 848 → 285 | 92 → 28 |
| person | 25.5 → 22.9 | 24.9 → 22.2 | 7 → 7 | 918 → 830 | 528 → 228 | 125 → 36 |
| person (Urdu) | 30.6 → 24.5 | 25.5 → 23.2 | 7 → 7 | 920 → 832 | 528 → 228 | 125 → 36 |

What it took, each with the same HTML byte for byte on 334 pages (every page type above and the dashboard,
search, places and the accountability report, in both languages): a choice's label is one translation
lookup, not one per choice (`get_<field>_display`, tracker/models/base.py); the list's 23 filter fields
are made once per language while none is filled in (a third of the list's time); the office kind badge
is made by its tag without a template; a record's page address and the list's are reversed once per
language; tables translate their column names once, not per row; days are written once per language
(the `day` filter: the date filter took about 30 µs a day, some 80 on a commitment's page); a table of
measures finds each group's share once. What is left on the commitment page is about half queries (the
owners, their offices' tenures, the last revision: each a ClusterableModel whose construction is costly)
and half the template engine's own cost per node.
"""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.template import base as template_base  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import resolvers  # noqa: E402
from django.utils import translation  # noqa: E402

from tracker.models import Commitment, Office, Person  # noqa: E402
from tracker.models.base import TrackerRecord  # noqa: E402

TRANSLATING = ("gettext", "ngettext", "pgettext", "npgettext")


def pages():
    """{name: URL} of the pages measured: the commitment with the most status changes and movements, the
    office that owns the most commitments, the person who held the most offices, the list and the site-wide
    changes feed."""
    from django.db.models import Count

    commitment = (
        Commitment.objects.published()
        .annotate(n=Count("status_changes", distinct=True) + Count("movements", distinct=True))
        .order_by("-n", "pk")
        .first()
    )
    office = Office.objects.published().annotate(n=Count("ownerships")).order_by("-n", "pk").first()
    person = Person.objects.published().annotate(n=Count("tenures")).order_by("-n", "pk").first()
    found = {
        "commitment": commitment and commitment.get_absolute_url(),
        "commitment list": "/commitments/",
        "office": office and office.get_absolute_url(),
        "person": person and person.get_absolute_url(),
        "changes feed": "/feeds/changes/",
    }
    return {name: url for name, url in found.items() if url}


@contextmanager
def counting():
    """Counts, while open, template nodes rendered, translation lookups, URL reversals and
    get_absolute_url calls, by wrapping the functions each of them goes through."""
    counts = dict.fromkeys(("nodes", "translations", "reversals", "get_absolute_url"), 0)
    patched = []

    def wrap(owner, name, key):
        original = owner.__dict__[name] if name in owner.__dict__ else getattr(owner, name)

        def counted(*args, **kwargs):
            counts[key] += 1
            return original(*args, **kwargs)

        patched.append((owner, name, original))
        setattr(owner, name, counted)

    wrap(template_base.Node, "render_annotated", "nodes")
    # django.utils.translation's functions call these attributes of its `_trans` object (each looked up
    # once, then kept on it), so wrapping them there counts every lookup, whoever imported the function.
    for name in TRANSLATING:
        getattr(translation._trans, name)
        wrap(translation._trans, name, "translations")
    wrap(resolvers.URLResolver, "_reverse_with_prefix", "reversals")
    wrap(TrackerRecord, "get_absolute_url", "get_absolute_url")
    try:
        yield counts
    finally:
        for owner, name, original in reversed(patched):
            setattr(owner, name, original)


def measure(client, url, requests, warmup):
    for _ in range(warmup):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    walls, cpus = [], []
    for _ in range(requests):
        wall, cpu = time.perf_counter(), time.process_time()
        client.get(url)
        cpus.append(1000 * (time.process_time() - cpu))
        walls.append(1000 * (time.perf_counter() - wall))
    # Django forgets the queries at the start of each request, so they are counted in this one too.
    with counting() as counts, CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return {
        "wall p50": statistics.median(walls),
        "wall p95": statistics.quantiles(walls, n=20)[-1],
        "cpu p50": statistics.median(cpus),
        "queries": len(queries),
        **counts,
    }


def profile(client, url, requests):
    client.get(url)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(requests):
        client.get(url)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--only", action="append", help="a page's name (repeatable): commitment, list, ...")
    parser.add_argument("--urdu", action="store_true", help="the pages' Urdu addresses (/ur/...) as well")
    parser.add_argument("--profile", metavar="NAME", help="print cProfile's costliest functions for one page")
    parser.add_argument(
        "--no-summaries", action="store_true", help="compute the pages' figures per request (as the tests do)"
    )
    parser.add_argument(
        "--shared-caches", action="store_true", help="keep reports, rows and digests in the shared cache, as production"
    )
    args = parser.parse_args()
    # The maintained summaries are rows in the database, read as production reads them (the first request
    # of a page stores its row), unless asked otherwise: the test settings switch them off.
    settings.PUBLIC_SUMMARIES = not args.no_summaries
    if args.shared_caches:
        # As production keeps them (config/settings/base.py); the test settings switch them off.
        from config.settings import base

        for name in ("ACCOUNTABILITY_CACHE_SECONDS", "API_CACHE_SECONDS", "PUBLIC_ROWS_CACHE_SECONDS"):
            setattr(settings, name, getattr(base, name))
        settings.HISTORY_DIGEST_CACHE_SECONDS = base.HISTORY_DIGEST_CACHE_SECONDS
    found = pages()
    if args.urdu:
        found |= {f"{name} (Urdu)": f"/ur{url}" for name, url in list(found.items())}
    if args.only:
        found = {name: url for name, url in found.items() if any(word in name for word in args.only)}
    client = Client(HTTP_HOST="127.0.0.1")
    if args.profile:
        name = next(name for name in found if args.profile in name)
        print(f"{name}: {found[name]}")
        profile(client, found[name], args.requests)
        return
    print(
        "| page | URL | wall p50 ms | wall p95 ms | CPU p50 ms | queries | nodes | translations | reversals "
        "| get_absolute_url |"
    )
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, url in found.items():
        m = measure(client, url, args.requests, args.warmup)
        print(
            f"| {name} | `{url}` | {m['wall p50']:.1f} | {m['wall p95']:.1f} | {m['cpu p50']:.1f} "
            f"| {m['queries']} | {m['nodes']} | {m['translations']} | {m['reversals']} "
            f"| {m['get_absolute_url']} |"
        )


if __name__ == "__main__":
    main()

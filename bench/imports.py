"""Time an import: dry run and apply for spreadsheets of 500 and 10,000 commitments (every 25th row
bad, as in the tests), then the dry run of the same file again (every row unchanged), on whatever
database the settings name. Generate the demo first, on a scratch database:

    DATABASE_URL=sqlite:////tmp/imp.sqlite3 .venv/bin/python manage.py migrate
    DATABASE_URL=sqlite:////tmp/imp.sqlite3 .venv/bin/python manage.py load_demo_data
    DATABASE_URL=sqlite:////tmp/imp.sqlite3 .venv/bin/python bench/imports.py [SIZE ...]

The files use the demo's offices and jurisdictions. External ids carry the time of the run, so each
run creates new commitments. Prints the first lines of the dry-run report of the first size, then a
Markdown table of timings.
"""

import csv
import io
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402

from tracker.models import Jurisdiction, Office  # noqa: E402
from tracker.models.vocabulary import OfficeKind, Sector  # noqa: E402
from tracker.publishing.imports import apply_plan  # noqa: E402
from tracker.spreadsheets.columns import COMMITMENT_COLUMNS  # noqa: E402
from tracker.spreadsheets.plan import make_plan  # noqa: E402
from tracker.spreadsheets.reading import read_table  # noqa: E402
from tracker.spreadsheets.report import problem_lines, summary_line  # noqa: E402

BAD_CELLS = [
    ("jurisdiction", "atlantis"),
    ("made_on", "31/02/2021"),
    ("deadline", "2001-01-01"),
    ("progress", "150"),
    ("sector", "space"),
    ("title", ""),
    ("administrative_owners", "dc-nowhere"),
    ("status", "finished"),
]


def spreadsheet(size, run):
    rnd = random.Random(size)  # noqa: S311 (sample data)
    places = list(Jurisdiction.objects.published().values_list("slug", flat=True))
    elected = list(Office.objects.published().filter(kind=OfficeKind.ELECTED).values_list("slug", flat=True))
    appointed = list(Office.objects.published().exclude(kind=OfficeKind.ELECTED).values_list("slug", flat=True))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[column.name for column in COMMITMENT_COLUMNS])
    writer.writeheader()
    for n in range(1, size + 1):
        row = {
            "external_id": f"bench-{run}-{size}-{n}",
            "title": f"Benchmark commitment {n} of run {run}",
            "text": "Generated for the import benchmark.",
            "sector": rnd.choice(Sector.values),
            "jurisdiction": rnd.choice(places),
            "made_by_office": rnd.choice(elected),
            "made_on": f"20{rnd.randint(18, 23)}-0{rnd.randint(1, 9)}-1{rnd.randint(0, 9)}",
            "deadline": "2025-12-31",
            "status": "not_started",
            "progress": "0",
            "political_owners": rnd.choice(elected),
            "administrative_owners": rnd.choice(appointed),
            "source_url": f"https://news.example.org/bench/{run}/{n}",
            "source_title": f"Announcement {n}",
        }
        if n % 25 == 0:
            column, value = BAD_CELLS[(n // 25) % len(BAD_CELLS)]
            row[column] = value
        writer.writerow(row)
    return out.getvalue().encode("utf-8")


def timed(function):
    started = time.perf_counter()
    result = function()
    return result, time.perf_counter() - started


def main(sizes):
    user = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    run = int(time.time())
    results = []
    for index, size in enumerate(sizes):
        data = spreadsheet(size, run)
        name = f"bench-{size}.csv"
        plan, dry = timed(lambda data=data, name=name: make_plan(read_table(name, data)))
        if index == 0:
            print("```")
            print(summary_line(plan))
            for line in list(problem_lines(plan))[:12]:
                print(line)
            print("```\n")
        applied, apply_seconds = timed(
            lambda plan=plan: apply_plan(plan, user=user, summary="Benchmark import", apply_valid_rows=True)
        )
        again, again_seconds = timed(lambda data=data, name=name: make_plan(read_table(name, data)))
        assert again.counts["unchanged"] == applied.created, again.counts
        results.append((size, len(plan.rejected), applied.created, dry, apply_seconds, again_seconds))
    print(f"Database: {connection.vendor}\n")
    print("| rows | rejected | created | dry run (s) | apply (s) | re-import dry run, all unchanged (s) |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for size, rejected, created, dry, apply_seconds, again_seconds in results:
        print(f"| {size:,} | {rejected} | {created:,} | {dry:.1f} | {apply_seconds:.1f} | {again_seconds:.1f} |")


if __name__ == "__main__":
    main([int(size) for size in sys.argv[1:]] or [500, 10_000])

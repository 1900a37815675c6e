"""Queries and time of the accountability page (/accountability/), measured on whatever database the
settings name: the demo (`make demo`) or one loaded with `load_demo_data --scale N`.

    DATABASE_URL=... .venv/bin/python bench/accountability.py [--repeat 5]

Prints a Markdown table: address, then for `--repeat` cold requests (the public state's version bumped
and every page summary marked stale before each, so the report is computed, as on the first request after a
publish) and `--repeat` warm ones (the report read from its summary or the shared cache,
tracker/public/shared_cache.py) the SQL queries and the median and slowest time, and the bytes. A
measurement, not a test: nothing is asserted.

The tables of every office's and every person's comparison with their peers (`table=people`,
`table=offices`; issue 25, item 11), before (each person's or office's summary row read, and computed
when stale) and after (every comparison computed together, then cached like the report): `--repeat 3` on
PostgreSQL, 2 CPUs shared with other work (load average 2 to 3), the demo's 314 people and 112 offices.

Each cell is queries / median ms; cold: after every summary was marked stale; warm: the requests after it.

| commitments | table | before, cold | before, warm | after, cold | after, warm |
| ---: | --- | ---: | ---: | ---: | ---: |
| 75 (demo) | people | 3,561 / 11,292 | 315 / 692 | 4 / 88 | 0 / 2 |
| 75 (demo) | offices | 1,457 / 2,412 | 113 / 144 | 7 / 44 | 0 / 1 |
| 20,075 (`--scale 20000`) | people | 3,769 / 160,094 | 315 / 2,033 | 4 / 1,346 | 0 / 2 |
| 20,075 (`--scale 20000`) | offices | 1,457 / 22,159 | 113 / 104 | 7 / 752 | 0 / 1 |
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

from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402

from tracker.models import Commitment, CommitmentOwner, Jurisdiction, Office, Person, PublicSummary  # noqa: E402
from tracker.public import public_state  # noqa: E402


class Counted:
    """Counts the queries run (Django's own query log keeps only the last 9,000)."""

    queries = 0

    def __call__(self, execute, *args):
        self.queries += 1
        return execute(*args)


def measure(client, address, repeat, cold):
    times, queries = [], 0
    for _ in range(repeat):
        if cold:
            public_state.bump()
            PublicSummary.objects.all().mark_stale()
        counted = Counted()
        with connection.execute_wrapper(counted):
            start = time.perf_counter()
            response = client.get(address)
            times.append((time.perf_counter() - start) * 1000)
        queries = counted.queries
    return queries, statistics.median(times), max(times), len(response.content)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    province = Jurisdiction.objects.published().filter(tier="province").order_by("pk").first()
    district = Jurisdiction.objects.published().filter(tier="district").order_by("pk").first()
    addresses = ["/accountability/", "/accountability/?sector=water_sanitation", "/ur/accountability/"]
    addresses += [f"/accountability/csv/?table={table}" for table in ("owners", "like", "survival", "curves")]
    addresses += ["/accountability/csv/?table=people", "/accountability/csv/?table=offices"]
    if province:
        addresses.append(f"/accountability/?province={province.slug}")
    if district:
        addresses.append(f"/accountability/?district={district.slug}&due_from=2020-01-01")
    # The office owning the most commitments, and a holder of it: their pages compare them with their
    # peers (tracker/public/peers.py), computed on every request.
    busiest = CommitmentOwner.objects.values("office_id").annotate(n=Count("pk")).order_by("-n").values("office_id")[:1]
    office = Office.objects.published().filter(pk__in=busiest).first()
    if office:
        addresses.append(f"/offices/{office.slug}/")
        holder = Person.objects.published().filter(tenures__office=office).first()
        if holder:
            addresses.append(f"/people/{holder.slug}/")
    client = Client(HTTP_HOST="127.0.0.1")
    print(f"{Commitment.objects.published().count():,} published commitments\n")
    print("| address | cold queries | cold median ms | cold slowest ms | warm queries | warm median ms | bytes |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for address in addresses:
        client.get(address)  # warm-up (imports, templates, the site's settings)
        cold = measure(client, address, args.repeat, cold=True)
        warm = measure(client, address, args.repeat, cold=False)
        print(f"| `{address}` | {cold[0]} | {cold[1]:.0f} | {cold[2]:.0f} | {warm[0]} | {warm[1]:.0f} | {warm[3]:,} |")


if __name__ == "__main__":
    main()

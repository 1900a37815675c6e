"""Queries and time of the accountability page (/accountability/), measured on whatever database the
settings name: the demo (`make demo`) or one loaded with `load_demo_data --scale N`.

    DATABASE_URL=... .venv/bin/python bench/accountability.py [--repeat 5]

Prints a Markdown table: address, published commitments, SQL queries, median and slowest time of
`--repeat` requests after one warm-up, and HTML bytes. A measurement, not a test: nothing is asserted.
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
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from tracker.models import Commitment, Jurisdiction  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    province = Jurisdiction.objects.published().filter(tier="province").order_by("pk").first()
    district = Jurisdiction.objects.published().filter(tier="district").order_by("pk").first()
    addresses = ["/accountability/", "/accountability/csv/?table=owners"]
    if province:
        addresses.append(f"/accountability/?province={province.slug}")
    if district:
        addresses.append(f"/accountability/?district={district.slug}&due_from=2020-01-01")
    client = Client(HTTP_HOST="127.0.0.1")
    print(f"{Commitment.objects.published().count():,} published commitments\n")
    print("| address | queries | median ms | slowest ms | bytes |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for address in addresses:
        client.get(address)  # warm-up
        times = []
        for _ in range(args.repeat):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get(address)
                times.append((time.perf_counter() - start) * 1000)
        print(
            f"| `{address}` | {len(queries)} | {statistics.median(times):.0f} | {max(times):.0f} "
            f"| {len(response.content):,} |"
        )


if __name__ == "__main__":
    main()

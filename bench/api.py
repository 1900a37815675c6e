"""Open data: requests per second of the API's commitment list and detail against the HTML commitment page in
the same run, and the time and peak memory of building the bulk downloads, on whatever database the settings
name (point DATABASE_URL at a database loaded with `load_demo_data --scale N`).

    DATABASE_URL=postgres://... .venv/bin/python bench/api.py [--requests 100] [--no-downloads]

Requests go through the whole Django stack in this process (the test client: middleware, views, templates,
renderers; no network, no server), one at a time, after a warm-up. Throttling is switched off for the run.
The downloads are built in a child process (`manage.py build_downloads --to <temporary folder>`), whose peak
resident memory is read from the operating system, beside that of a child that only starts Django.

Prints Markdown tables for bench/README.md.
"""

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ["API_THROTTLE_RATE"] = ""  # measure the API, not the limit
os.environ.setdefault("DEBUG", "false")  # DEBUG keeps every query in memory

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402

from tracker.models import Commitment, Decision, Jurisdiction, Office, Person, PublicRevision  # noqa: E402


def rate(client, url, count, **headers):
    """(requests per second, mean milliseconds, status, bytes) of `count` GETs of `url` after one warm-up."""
    first = client.get(url, **headers)
    start = time.perf_counter()
    for _ in range(count):
        response = client.get(url, **headers)
    elapsed = time.perf_counter() - start
    size = len(response.content) if not response.streaming else 0
    return count / elapsed, 1000 * elapsed / count, first.status_code, size


def requests_table(count):
    commitment = (
        Commitment.objects.published().filter(movements__isnull=False, status_changes__isnull=False).order_by("pk")
    ).first() or Commitment.objects.published().order_by("pk").first()
    slug = commitment.slug
    client = Client(HTTP_HOST="127.0.0.1")
    endpoints = [
        ("HTML commitment page", f"/commitments/{slug}/", {}),
        ("API commitment detail (JSON)", f"/api/v1/commitments/{slug}/", {}),
        ("API commitment detail, owners on a date", f"/api/v1/commitments/{slug}/?on=2021-01-01", {}),
        ("API commitment list, 50 a page (JSON)", "/api/v1/commitments/", {}),
        ("API commitment list, 50 a page (CSV)", "/api/v1/commitments/?format=csv", {}),
        (
            "API commitment list, filtered (overdue, appointed owners)",
            "/api/v1/commitments/?overdue=1&office_kind=appointed",
            {},
        ),
        ("API commitment list, 500 a page (JSON)", "/api/v1/commitments/?page_size=500", {}),
        ("HTML commitment list (25 a page)", "/commitments/", {}),
    ]
    etag = client.get(f"/api/v1/commitments/{slug}/")["ETag"]
    endpoints.append(
        ("API commitment detail, 304 (If-None-Match)", f"/api/v1/commitments/{slug}/", {"HTTP_IF_NONE_MATCH": etag})
    )
    print("| endpoint | URL | status | bytes | requests/s | mean ms |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for name, url, headers in endpoints:
        per_second, mean, status, size = rate(
            client, url, count if "500" not in name else max(3, count // 10), **headers
        )
        print(f"| {name} | `{url}` | {status} | {size:,} | {per_second:.1f} | {mean:.1f} |")


def child_peak(arguments):
    """(seconds, peak resident MiB) of a child Python process running `arguments`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run([sys.executable, *arguments], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)  # noqa: S603
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before) / 1024


def downloads_table():
    _, baseline = child_peak(
        [
            "-c",
            "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', "
            "'config.settings.dev'); django.setup(); from tracker.api.downloads import build",
        ]
    )
    with tempfile.TemporaryDirectory() as folder:
        seconds, peak = child_peak(["manage.py", "build_downloads", "--to", folder])
        sizes = {path.name: path.stat().st_size for path in Path(folder).iterdir() if path.suffix == ".zip"}
    print("| records | seconds | peak resident memory | Django alone | files |")
    print("| --- | ---: | ---: | ---: | --- |")
    counts = (
        f"{Commitment.objects.published().count():,} commitments, {Decision.objects.published().count():,} decisions, "
        f"{Person.objects.published().count():,} people, {Office.objects.published().count():,} offices, "
        f"{Jurisdiction.objects.published().count():,} jurisdictions, {PublicRevision.objects.count():,} revisions"
    )
    files = ", ".join(f"{name} {size / 2**20:.1f} MiB" for name, size in sorted(sizes.items()))
    print(f"| {counts} | {seconds:.0f} | {peak:.0f} MiB | {baseline:.0f} MiB | {files} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100, help="Measured requests per endpoint.")
    parser.add_argument("--no-downloads", action="store_true", help="Only the requests.")
    options = parser.parse_args()
    requests_table(options.requests)
    if not options.no_downloads:
        print()
        downloads_table()


if __name__ == "__main__":
    main()

"""Query count and weight of the public history pages, measured on whatever database the settings name
(run `make demo` first, or point DATABASE_URL at a database loaded with `load_demo_data --scale N`).

    .venv/bin/python bench/history.py

Uses the published commitment with the most public revisions. Prints a Markdown table: page, example URL,
SQL queries, HTML bytes, HTML + CSS bytes (CSS only for HTML pages).
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.contrib.staticfiles import finders  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from tracker.models import Commitment, PublicRevision  # noqa: E402


def busiest_commitment():
    """(commitment, number of revisions) for the published commitment with the longest history."""
    published = Commitment.objects.published().values_list("pk", flat=True)
    row = (
        PublicRevision.objects.filter(
            content_type=ContentType.objects.get_for_model(Commitment), object_id__in=[str(pk) for pk in published]
        )
        .values("object_id")
        .annotate(n=Count("pk"))
        .order_by("-n", "object_id")
        .first()
    )
    return (Commitment.objects.get(pk=row["object_id"]), row["n"]) if row else (None, 0)


def main():
    commitment, latest = busiest_commitment()
    if commitment is None:
        sys.exit("No published commitment: run `make demo` or load_demo_data first.")
    base = commitment.get_absolute_url()
    middle = max(1, latest // 2)
    pages = {
        "history list": f"{base}history/",
        "revision": f"{base}history/{middle}/",
        "compare": f"{base}history/compare/1/{latest}/",
        "cite (all formats)": f"{base}cite/{middle}/",
        "cite, BibTeX": f"{base}cite/{middle}/?format=bibtex",
        "commitment feed": f"{base}feed/",
        "changes feed": "/feeds/changes/",
    }
    with open(finders.find("css/site.css"), "rb") as stylesheet:
        css = len(stylesheet.read())
    client = Client(HTTP_HOST="127.0.0.1")
    client.get("/")  # warm caches and one-off settings rows
    client.get(pages["cite (all formats)"])  # parse the CSL styles once, as a running server has
    print(f"{commitment.title} ({latest} revisions), {PublicRevision.objects.count():,} revisions on the site\n")
    print("| page | URL | queries | bytes | HTML + CSS bytes |")
    print("| --- | --- | ---: | ---: | ---: |")
    for name, url in pages.items():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        size = len(response.content)
        html = response["Content-Type"].startswith("text/html")
        print(f"| {name} | `{url}` | {len(queries)} | {size:,} | {f'{size + css:,}' if html else '—'} |")


if __name__ == "__main__":
    main()

"""Query count and weight of each public page type, measured on whatever database the settings name
(run `make demo` first, or point DATABASE_URL at a database loaded with `load_demo_data --scale N`).

    .venv/bin/python bench/pages.py

Prints a Markdown table: page type, example URL, SQL queries, HTML bytes, HTML + CSS bytes.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from django.contrib.staticfiles import finders  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from tracker.models import Commitment, Decision, Jurisdiction, Office, Person  # noqa: E402


def example(model, **filters):
    record = model.objects.published().filter(**filters).order_by("pk").first()
    return record.get_absolute_url() if record else None


def main():
    busiest_office = Office.objects.published().order_by("-tenures__start_date").first()
    pages = {
        "dashboard": "/",
        "commitment list": "/commitments/",
        "commitment list, filtered": "/commitments/?overdue=1&office_kind=appointed",
        "commitment": example(Commitment, movements__isnull=False),
        "commitment on a date": (example(Commitment, movements__isnull=False) or "") + "?on=2021-01-01",
        "person": example(Person, tenures__isnull=False),
        "office": busiest_office.get_absolute_url() if busiest_office else None,
        "jurisdiction (province)": example(Jurisdiction, tier="province"),
        "decision list": "/decisions/",
        "decision": example(Decision),
        "methodology": "/methodology/",
    }
    with open(finders.find("css/site.css"), "rb") as stylesheet:
        css = len(stylesheet.read())
    client = Client(HTTP_HOST="127.0.0.1")
    client.get("/")  # warm caches and one-off settings rows
    print("| page | URL | queries | HTML bytes | HTML + CSS bytes |")
    print("| --- | --- | ---: | ---: | ---: |")
    for name, url in pages.items():
        if not url:
            continue
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        size = len(response.content)
        print(f"| {name} | `{url}` | {len(queries)} | {size:,} | {size + css:,} |")


if __name__ == "__main__":
    main()

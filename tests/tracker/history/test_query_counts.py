"""The history list, a revision, a compare, a citation and a record feed each use the same number of SQL
queries for a record with 5 revisions and one with 1,000."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import CommitmentFactory
from tests.scenario import add_revisions

pytestmark = pytest.mark.django_db


def progress(content, i):
    content["fields"]["progress"] = i % 100
    content["fields"]["text"] = f"Step {i}: the promise as worded in revision {i}."


@pytest.fixture
def records(db):
    start = timezone.now() - datetime.timedelta(days=30)
    short, long = CommitmentFactory(title="Short history"), CommitmentFactory(title="Long history")
    add_revisions(short, 5, start=start, change=progress)
    add_revisions(long, 1000, start=start, step=datetime.timedelta(minutes=1), change=progress)
    return short, long


def pages(record, latest):
    base = f"/commitments/{record.slug}/"
    return {
        "history": base + "history/",
        "history, last page": base + f"history/?page={(latest + 49) // 50}",
        "revision": base + f"history/{latest - 1}/",
        "compare": base + f"history/compare/1/{latest}/",
        "cite": base + f"cite/{latest}/",
        "cite bibtex": base + f"cite/{latest}/?format=bibtex",
        "feed": base + "feed/",
    }


def count(client, address):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200, address
    return len(queries), response


def test_query_count_does_not_grow_with_the_history(client, records):
    short, long = records
    client.get("/")  # one-off settings and site rows
    counts = {}
    for (name, few), many in zip(pages(short, 5).items(), pages(long, 1000).values(), strict=True):
        counts[name] = (count(client, few)[0], count(client, many)[0])
    assert all(a == b for a, b in counts.values()), counts
    _, response = count(client, pages(long, 1000)["history"])
    assert response.content.decode().count('class="revision-title"') == 50

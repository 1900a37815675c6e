"""The accountability report of a period (due from, due until: filters without a maintained summary,
tracker/public/summaries.py) is served from the shared cache until the public state changes
(tracker/public/shared_cache.py): a second request does not recompute it, and every publish, unpublish,
takedown, restore, bulk publish or deletion is seen by the next request."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories, scenario
from tracker import publishing
from tracker.models import Commitment
from tracker.publishing import signals
from tracker.publishing.takedown import restore, take_down

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def cached(settings):
    settings.ACCOUNTABILITY_CACHE_SECONDS = 3600
    cache.clear()
    yield
    cache.clear()


PERIOD = "/accountability/?due_from=1900-01-01"


def matches(client, url=PERIOD):
    """(commitments the page counts, SQL queries the request took)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    found = re.search(r"(\d+) published commitments? match", response.content.decode())
    return int(found.group(1)), len(captured)


def appointed_commitment():
    return scenario.published_commitment(owner_office=factories.OfficeFactory(kind="appointed"))


def test_a_second_request_reads_the_report_without_recomputing_it(client):
    for _ in range(3):
        appointed_commitment()
    matches(client)  # the first request of a test also reads the site's settings
    cache.clear()
    count, cold = matches(client)
    count_again, warm = matches(client)
    assert count == count_again == 3
    assert warm <= 3 < cold  # the report's own queries (facts, owners, changes, councils...) are not run
    # A row written behind the publishing service sends no signal: the cached report does not see it, which
    # shows the report is read, not recomputed (nothing published goes this way).
    factories.CommitmentFactory()
    assert matches(client)[0] == 3
    # Other filters have their own entry, computed from the state now.
    assert (
        matches(client, "/accountability/?due_to=2999-12-31")[0]
        == Commitment.objects.filter(deadline__isnull=False).count()
    )


def test_every_change_of_the_public_state_is_seen_by_the_next_request(client):
    first = appointed_commitment()
    assert matches(client)[0] == 1
    second = appointed_commitment()  # Wagtail's `published`
    assert matches(client)[0] == 2
    publishing.unpublish(second, reason="Wrong place")  # `unpublished`
    assert matches(client)[0] == 1
    take_down(first, notice="A court order")
    assert matches(client)[0] == 0
    restore(first, reason="Order lifted")
    assert matches(client)[0] == 1
    bulk = factories.CommitmentFactory()  # what a bulk publish writes, then its signal
    signals.records_published_in_bulk.send(sender=Commitment, records=[bulk])
    assert matches(client)[0] == 2
    Commitment.objects.filter(pk=bulk.pk).delete()
    assert matches(client)[0] == 1


def test_the_csv_and_each_filter_and_day_have_their_own_entry(client, settings):
    appointed_commitment()
    assert matches(client)[0] == 1
    assert client.get("/accountability/csv/?table=owners&due_from=1900-01-01").status_code == 200
    second = appointed_commitment()
    rows = client.get("/accountability/csv/?table=owners&due_from=1900-01-01").content.decode().splitlines()
    assert "administrative-appointed,delivered,0,2,0.0,0.0,65.8,no" in rows, rows
    settings.ACCOUNTABILITY_CACHE_SECONDS = 0  # off: every request computes
    factories.CommitmentFactory()
    assert matches(client)[0] == 3
    assert second.live


def test_the_version_changes_again_when_the_change_commits(django_capture_on_commit_callbacks):
    from tracker.public import public_state

    before = public_state.version()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        appointed_commitment()  # a publish saves several rows: the commit bumps the version once
        during = public_state.version()
    assert before != during != public_state.version()
    assert callbacks.count(public_state._new_version) == 1


def test_the_kept_tables_are_rendered_again_for_the_other_language_and_each_filter(client):
    appointed_commitment()
    english = client.get(PERIOD).content.decode()
    urdu = client.get("/ur" + PERIOD).content.decode()
    assert "published commitment matches" in english
    assert "published commitment matches" not in urdu and 'href="/ur/commitments/?' in urdu
    assert 'href="/commitments/?' not in urdu.split("<main", 1)[1]
    assert matches(client, "/accountability/?due_to=1900-01-01")[0] == 0  # another filter: its own tables
    assert matches(client)[0] == 1


def test_a_progress_publish_keeps_the_report_and_a_status_change_does_not(client):
    """The report counts statuses, deadlines, owners...: a publish of a new progress figure leaves it as it
    was, so the next request reads it (its tables too) instead of computing it again; a status change is
    counted by the next request."""
    commitment = appointed_commitment()
    appointed_commitment()
    count, cold = matches(client)
    commitment.progress = 60
    scenario.publish(commitment, summary="Progress: 60%")
    count_after, warm = matches(client)
    assert count == count_after == 2
    assert warm < cold
    delivered = client.get("/accountability/csv/?table=owners&due_from=1900-01-01").content.decode()
    scenario.record_status_change(commitment, "delivered", on=commitment.made_on, summary="Delivered")
    assert client.get("/accountability/csv/?table=owners&due_from=1900-01-01").content.decode() != delivered

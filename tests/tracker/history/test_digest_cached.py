"""The changes feed keeps each daily digest until a revision is added to its day: reading the feed again
reads no listing, and a revision published with a past date (as the demo and imports do) changes that
day's digest at once."""

import datetime

import feedparser
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import CommitmentFactory
from tests.scenario import add_revisions
from tracker.history.digest import digest_for


@pytest.fixture
def keeping(settings):
    settings.HISTORY_DIGEST_CACHE_SECONDS = 600
    cache.clear()


def feed_digests(client):
    with CaptureQueriesContext(connection) as captured:
        feed = feedparser.parse(client.get("/feeds/changes/").content)
    listings = sum("NOT (EXISTS" in q["sql"] for q in captured.captured_queries)
    found = {e.title.split(": ")[0]: e.title.split(": ")[1] for e in feed.entries if e.title.startswith("Daily")}
    return found, listings


def test_a_daily_digest_is_kept_until_a_revision_is_added_to_its_day(client, db, keeping):
    start = timezone.now() - datetime.timedelta(days=3)
    add_revisions(CommitmentFactory(title="Solar pumps for Pishin"), 2, start=start, step=datetime.timedelta(hours=20))
    day = timezone.localdate(start + datetime.timedelta(hours=20))
    title = f"Daily digest for {day.day} {day:%B %Y}"

    first, listed = feed_digests(client)
    assert listed >= 1 and first[title] == digest_for(day).sha256
    again, listed = feed_digests(client)
    assert again == first and listed == 0

    add_revisions(CommitmentFactory(title="Girls' school in Zhob"), 1, start=start, step=datetime.timedelta(hours=1))
    after, listed = feed_digests(client)
    assert listed >= 1
    assert after[title] == digest_for(day).sha256 != first[title]

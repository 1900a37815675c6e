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


def test_reading_the_feed_again_writes_nothing_to_the_cache(client, db, keeping, monkeypatch):
    start = timezone.now() - datetime.timedelta(days=3)
    add_revisions(CommitmentFactory(title="Solar pumps for Pishin"), 2, start=start, step=datetime.timedelta(hours=20))
    feed_digests(client)
    writes = []
    monkeypatch.setattr(cache, "set_many", lambda *args, **kwargs: writes.append(args) or [])
    feed_digests(client)
    assert writes == []

    add_revisions(CommitmentFactory(title="Girls' school in Zhob"), 1, start=start, step=datetime.timedelta(hours=1))
    feed_digests(client)
    assert writes  # a revision added since: the days are checked again and written with it


def test_the_recent_days_are_the_last_days_with_a_revision(db):
    """`recent_days` walks back a day at a time; the same days as every revision's day, distinct."""
    from django.db.models.functions import TruncDate

    from tracker.history.digest import end_of, recent_days
    from tracker.models import PublicRevision

    today = timezone.localdate()
    midnight = end_of(today - datetime.timedelta(days=6))  # the first moment of five days ago
    record = CommitmentFactory(title="Solar pumps for Pishin")
    add_revisions(record, 3, start=midnight, step=datetime.timedelta(microseconds=1))
    add_revisions(record, 2, start=midnight - datetime.timedelta(microseconds=1), step=datetime.timedelta(days=-3))
    add_revisions(record, 30, start=end_of(today - datetime.timedelta(days=60)), step=datetime.timedelta(hours=31))
    add_revisions(record, 2, start=timezone.now(), step=datetime.timedelta(seconds=1))  # today's: not complete

    every_day = list(
        PublicRevision.objects.filter(published_at__lt=end_of(today - datetime.timedelta(days=1)))
        .annotate(day=TruncDate("published_at"))
        .order_by("-day")
        .values_list("day", flat=True)
        .distinct()
    )
    assert len(every_day) > 10
    for limit in (1, 2, 7, 10, 100):
        assert recent_days(limit) == every_day[:limit]
    assert recent_days()[0] == today - datetime.timedelta(days=5)


def test_the_feeds_days_are_kept_until_a_revision_is_added(client, db, keeping):
    start = timezone.now() - datetime.timedelta(days=3)
    add_revisions(CommitmentFactory(title="Solar pumps for Pishin"), 1, start=start)
    first, _ = feed_digests(client)
    with CaptureQueriesContext(connection) as captured:
        again, _ = feed_digests(client)
    assert again == first
    assert not any('MAX("tracker_publicrevision"."published_at")' in q["sql"] for q in captured.captured_queries)

    earlier = timezone.now() - datetime.timedelta(days=5)
    add_revisions(CommitmentFactory(title="Girls' school in Zhob"), 1, start=earlier)
    after, _ = feed_digests(client)
    day = timezone.localdate(earlier)
    assert f"Daily digest for {day.day} {day:%B %Y}" in set(after) - set(first)

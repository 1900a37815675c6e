"""Stale while revalidating (issue 31; issue 26's first request after a publish): after a change, the readers
of a page whose summary it made stale are served the figures from before it for SUMMARY_STALE_SECONDS while
the refresh that follows the change computes them again, instead of each computing them (seconds at 100,000
commitments). Never once something left the public site, never without a refresh to come (no broker), and
not past that time: then the reader computes them, as before."""

import datetime

import pytest
from django.utils import timezone

from tests.tracker.public.test_summaries import World
from tracker.models import PublicSummary
from tracker.public import summaries
from tracker.publishing.takedown import take_down

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def stale_for_a_minute(settings):
    from django.core.cache import cache

    settings.PUBLIC_SUMMARIES = True
    settings.SUMMARY_STALE_SECONDS = 60
    settings.CELERY_TASK_ALWAYS_EAGER = False
    cache.delete(summaries.AT_WORK_KEY)  # no refresh at work but where a test says so
    yield
    cache.delete(summaries.AT_WORK_KEY)


def province(world):
    """The key of the world's province page: a row every publish of its commitments marks stale (the
    dashboard's the publish adjusts, tracker/public/dashboard_tally.py)."""
    return summaries.key_of("place", world.province.pk)


def computed_when_asked(key, today):
    """The figures of `key` as a reader gets them, and whether that reader computed them."""
    computed = []

    def compute():
        computed.append(key)
        return summaries.compute_key(key, today)

    return summaries.figures(key, today, compute), bool(computed)


def test_just_after_a_publish_readers_get_the_figures_before_it_while_the_refresh_computes():
    today = timezone.localdate()
    world = World()
    world.publish()
    assert computed_when_asked(province(world), today)[1] is True  # the first reader computes the row
    world.publish()  # marks the row stale; the refresh after the commit computes it again
    figures, computed = computed_when_asked(province(world), today)
    assert (figures["commitment_count"], computed) == (1, False)  # the figures from before the publish, at once
    summaries.refresh()
    assert computed_when_asked(province(world), today)[0]["commitment_count"] == 2
    assert PublicSummary.objects.get(key=province(world)).stale_since is None


def test_past_the_time_a_stale_row_allows_the_reader_computes_it():
    today = timezone.localdate()
    world = World()
    world.publish()
    computed_when_asked(province(world), today)
    world.publish()
    first = PublicSummary.objects.get(key=province(world)).stale_since
    world.publish()  # a second change keeps the moment the row first went stale
    assert PublicSummary.objects.get(key=province(world)).stale_since == first
    PublicSummary.objects.update(stale_since=timezone.now() - datetime.timedelta(seconds=61))
    figures, computed = computed_when_asked(province(world), today)
    assert (figures["commitment_count"], computed) == (3, True)


def test_after_a_takedown_figures_from_before_it_are_never_served():
    today = timezone.localdate()
    world = World()
    world.publish()
    world.publish()
    computed_when_asked(province(world), today)
    take_down(world.commitments[0], notice="A court order")
    assert computed_when_asked(province(world), today)[0]["commitment_count"] == 1
    # Nor are figures computed before the takedown stored as the newest stale ones by a slower computation.
    world.publish()
    a_while_ago = timezone.now() - datetime.timedelta(seconds=61)  # past serving: the next reader computes
    PublicSummary.objects.update(computed_at=a_while_ago, stale_since=a_while_ago)

    def compute_before_a_takedown():
        figures = summaries.compute_key(province(world), today)
        take_down(world.commitments[-1], notice="A court order")
        return figures

    summaries.figures(province(world), today, compute_before_a_takedown)
    figures, computed = computed_when_asked(province(world), today)
    assert (figures["commitment_count"], computed) == (1, True)


def test_without_a_broker_no_refresh_comes_so_the_reader_computes(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    today = timezone.localdate()
    world = World()
    world.publish()
    computed_when_asked(province(world), today)
    world.publish()
    assert computed_when_asked(province(world), today)[0]["commitment_count"] == 2


def test_a_computation_overtaken_by_a_publish_still_moves_the_row_on():
    """While editors publish every few seconds, a report that takes longer to compute would otherwise never be
    stored: its newer figures are kept as stale ones, and served, instead of the older ones."""
    today = timezone.localdate()
    world = World()
    world.publish()
    computed_when_asked(province(world), today)
    world.publish()

    def compute_while_someone_publishes():
        figures = summaries.compute_key(province(world), today)
        world.publish()  # commits while this computation is still running
        return figures

    PublicSummary.objects.update(stale_since=timezone.now() - datetime.timedelta(seconds=61))
    assert summaries.figures(province(world), today, compute_while_someone_publishes)["commitment_count"] == 2
    row = PublicSummary.objects.get(key=province(world))
    assert not row.fresh and row.stale_since is not None
    figures, computed = computed_when_asked(province(world), today)
    # Newer than the row's figures before, if not the newest.
    assert (figures["commitment_count"], computed) == (2, False)


@pytest.fixture
def scheduled(monkeypatch):
    """The refreshes asked of the worker, with their delays."""
    from django.core.cache import cache

    cache.delete("tracker:summaries:refresh-scheduled")
    asked = []
    monkeypatch.setattr(summaries.refresh_public_summaries, "apply_async", lambda **kw: asked.append(kw))
    return asked


def test_a_costly_summary_is_computed_at_most_once_in_a_while(settings, scheduled):
    settings.SUMMARY_REFRESH_SECONDS = 30
    today = timezone.localdate()
    world = World()
    world.publish()
    computed_when_asked(province(world), today)
    PublicSummary.objects.update(cost=2.0)  # as at national scale: 60 times that is past the 30 s bound
    settings.SUMMARY_COST_RATIO = 60
    for _ in range(3):  # three publishes in a row, each followed by its refresh
        world.publish()
        summaries.refresh(today)
    row = PublicSummary.objects.get(key=province(world))
    assert not row.fresh and summaries.figures(province(world), today)["commitment_count"] == 1  # served meanwhile
    assert len(scheduled) == 1 and 28 <= scheduled[0]["countdown"] <= 30  # one refresh, when the time is up
    PublicSummary.objects.update(computed_at=timezone.now() - datetime.timedelta(seconds=31))
    summaries.refresh(today)
    row = PublicSummary.objects.get(key=province(world))
    assert row.fresh and summaries.figures(province(world), today)["commitment_count"] == 4  # every publish meanwhile
    assert 0 < row.cost < 2.0  # what this computation took, for the next wait


def test_a_summary_waits_in_proportion_to_what_its_last_computation_took(settings, scheduled):
    """The refresh spends at most 1/SUMMARY_COST_RATIO of a CPU on a row: with a ratio of 30, one of
    milliseconds is computed again after every publish, one of a second waits about thirty seconds."""
    settings.SUMMARY_REFRESH_SECONDS, settings.SUMMARY_COST_RATIO = 120, 30
    today = timezone.localdate()
    world = World()
    world.publish()
    computed_when_asked(province(world), today)
    PublicSummary.objects.update(cost=0.0001, computed_at=timezone.now())  # 3 ms of wait: past by now
    world.publish()
    assert summaries.refresh(today) == 1 and not scheduled
    assert summaries.figures(province(world), today)["commitment_count"] == 2
    PublicSummary.objects.update(cost=1.0, computed_at=timezone.now())
    world.publish()
    assert summaries.refresh(today) == 0
    # The figures before that publish, meanwhile.
    assert summaries.figures(province(world), today)["commitment_count"] == 2
    assert len(scheduled) == 1 and 28 <= scheduled[0]["countdown"] <= 30


def test_the_accountability_tables_are_made_again_when_the_report_changes_not_at_each_publish(client, settings):
    """The page's tables are kept under a digest of the report's figures: while its summary is served stale
    after a publish, every reader reads the same tables (none renders them again); once the refresh stores
    the new figures, the next reader gets tables made from them."""
    from django.core.cache import cache
    from django.core.cache.utils import make_template_fragment_key

    settings.ACCOUNTABILITY_CACHE_SECONDS = 3600
    cache.clear()
    today = timezone.localdate()
    world = World()
    world.publish()
    key = summaries.accountability_key({})

    def tables_kept(digest):
        parts = [digest, "en", today.isoformat(), ""]
        return cache.get(make_template_fragment_key("accountability-report", parts)) is not None

    assert "1 published commitment matches" in client.get("/accountability/").content.decode()
    _figures, before = summaries.figures_and_digest(key, today)
    assert tables_kept(before)
    world.publish()
    assert summaries.figures_and_digest(key, today)[1] == before  # served stale: the same figures
    assert "1 published commitment matches" in client.get("/accountability/").content.decode()
    summaries.refresh()
    _figures, after = summaries.figures_and_digest(key, today)
    assert after != before and not tables_kept(after)
    assert "2 published commitments match" in client.get("/accountability/").content.decode()
    assert tables_kept(after)
    cache.clear()


def test_while_a_refresh_is_at_work_readers_wait_for_it_past_the_time_a_stale_row_allows():
    """A worker below the web's priority may take minutes to reach every stale row while readers keep the
    machine busy: while it is computing rows, a reader keeps getting the figures before the change instead
    of computing them in its place; once it has been silent that long (a worker down), the reader computes."""
    from django.core.cache import cache

    today = timezone.localdate()
    world = World()
    world.publish()
    computed_when_asked(province(world), today)
    world.publish()
    PublicSummary.objects.update(stale_since=timezone.now() - datetime.timedelta(seconds=61))
    summaries._at_work()  # the refresh computed another row just now
    figures, computed = computed_when_asked(province(world), today)
    assert (figures["commitment_count"], computed) == (1, False)
    cache.delete(summaries.AT_WORK_KEY)  # silent for SUMMARY_STALE_SECONDS
    figures, computed = computed_when_asked(province(world), today)
    assert (figures["commitment_count"], computed) == (2, True)
    summaries._at_work()
    take_down(world.commitments[0], notice="A court order")  # never served stale, at work or not
    figures, computed = computed_when_asked(province(world), today)
    assert (figures["commitment_count"], computed) == (1, True)
    cache.delete(summaries.AT_WORK_KEY)

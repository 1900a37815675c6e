"""The database backend counts the results and all seven facets in one query (search/backends/facets.py),
and gives what counting each facet on its own gives: the matches with every other active filter applied."""

import itertools
import threading
import time

import pytest
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from search.backends.database import _overdue, apply_filters
from search.backends.facets import count_facets
from search.fulltext import strategy
from search.models import SearchEntry, SearchEntryOwner, SearchEntryPlace
from search.text import parse_query as parse

pytestmark = pytest.mark.parametrize("backend", ["database"], indirect=True)

FILTERS = {
    "kind": ["commitment", "office"],
    "status": ["in_progress"],
    "sector": ["education"],
    "jurisdiction": ["balochistan"],
    "office_kind": ["appointed"],
    "owner": ["deputy-commissioner-quetta"],
    "overdue": [True],
}


def one_by_one(matched, filters, today):
    """Each facet counted on its own, the simple way."""

    def scope(facet, commitments=True):
        entries = apply_filters(matched, {k: v for k, v in filters.items() if k != facet}, today)
        return entries.filter(kind="commitment") if commitments else entries

    counts = {}
    for facet in ("kind", "status", "sector"):
        rows = scope(facet, facet != "kind").order_by().values(facet).annotate(n=Count("id"))
        counts[facet] = {row[facet]: row["n"] for row in rows if row[facet]}
    owners = SearchEntryOwner.objects.filter(entry__in=scope("office_kind").values("id"))
    counts["office_kind"] = dict(owners.values_list("office_kind").annotate(n=Count("entry_id", distinct=True)))
    owners = SearchEntryOwner.objects.filter(entry__in=scope("owner").values("id"))
    counts["owner"] = dict(owners.values_list("office_slug").annotate(n=Count("entry_id", distinct=True)))
    places = SearchEntryPlace.objects.filter(entry__in=scope("jurisdiction").values("id"))
    counts["jurisdiction"] = dict(places.values_list("jurisdiction_slug").annotate(n=Count("entry_id")))
    counts["overdue"] = {"1": scope("overdue").filter(_overdue(today)).count()}
    return apply_filters(matched, filters, today).count(), counts


def without_zeros(counts):
    return {facet: {k: n for k, n in values.items() if n} for facet, values in counts.items()}


def combinations():
    names = list(FILTERS)
    for size in (0, 1, 2, 3):
        for chosen in itertools.combinations(names, size):
            for values in itertools.product(*(FILTERS[name] for name in chosen)):
                yield dict(zip(chosen, values, strict=True))


@pytest.mark.parametrize("words", ["", "school", "quetta water"])
def test_one_query_counts_what_each_facet_counted_alone_gives(corpus, words):
    today = timezone.localdate()
    query = parse(words)
    matched = SearchEntry.objects.all() if query.is_empty else strategy().match(SearchEntry.objects.all(), query)
    for filters in combinations():
        with CaptureQueriesContext(connection) as captured:
            total, counts = count_facets(matched, filters, today)
        assert len(captured) == 1
        expected_total, expected = one_by_one(matched, filters, today)
        assert (total, without_zeros(counts)) == (expected_total, without_zeros(expected)), filters


def test_a_search_with_every_filter_takes_a_fixed_few_queries(client, corpus):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(
            "/search/?q=water&status=in_progress&sector=water_sanitation&jurisdiction=balochistan"
            "&office_kind=appointed&owner=dc-quetta&overdue=1"
        )
    assert response.status_code == 200
    search_queries = [q for q in captured.captured_queries if "search_searchentry" in q["sql"]]
    assert len(search_queries) <= 3, [q["sql"][:120] for q in search_queries]  # counts, the page, highlights


@pytest.mark.parametrize("address", ["/search/", "/search/?q=water&status=in_progress", "/search/?q=water&page=2"])
def test_a_search_reads_its_cached_answer_until_the_index_changes(client, corpus, settings, address, monkeypatch):
    from django.core.cache import cache

    from search import indexing
    from search.backends import facets

    settings.SEARCH = {**settings.SEARCH, "CACHE_ANSWERS": True}
    monkeypatch.setattr(facets, "COST_RATIO", 0)  # due again at once after a change (the next test: later)
    cache.delete("search:database-index-version")

    def search():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(address)
        counted = any("WITH f AS MATERIALIZED" in q["sql"] for q in captured.captured_queries)
        results = response.context["results"]
        return results.total, [hit.url for hit in results.hits], counted

    total, hits, counted = search()
    assert counted and total > 0
    assert search() == (total, hits, False)  # read, not counted or ranked again
    with CaptureQueriesContext(connection) as captured:  # a parameter that search does not read
        client.get(address + ("&" if "?" in address else "?") + "utm_source=news")
    assert not any("WITH f AS MATERIALIZED" in q["sql"] for q in captured.captured_queries)
    SearchEntry.objects.filter(kind="person").delete()  # behind the index's back: still the kept answer
    assert search()[0] == total
    indexing.rebuild("database")  # every write to the index moves its version on
    after, hits_after, counted = search()
    assert counted and after == total and hits_after == hits
    other = client.get("/search/?q=school").context["results"]  # another question is its own answer
    assert other.total != total or [h.url for h in other.hits] != hits


def test_while_another_reader_counts_again_after_a_change_the_answer_before_it_is_served(
    client, corpus, settings, monkeypatch
):
    """Single flight: after a write to the index one process counts and ranks again while the others get
    the answer from before the write. Its entries are read as indexed now: a commitment renamed since shows
    its new title, and an entry removed since (a takedown) is never shown."""
    from django.core.cache import cache, caches

    from search import indexing
    from search.backends import facets
    from search.documents import uid
    from tracker.models import Commitment

    settings.SEARCH = {**settings.SEARCH, "CACHE_ANSWERS": True}
    cache.delete(facets.VERSION_KEY)
    monkeypatch.setattr(facets, "COST_RATIO", 0)  # every answer is due again after a change (see below)

    def search():
        with CaptureQueriesContext(connection) as captured:
            results = client.get("/search/?q=quetta").context["results"]
        counted = any("WITH f AS MATERIALIZED" in q["sql"] for q in captured.captured_queries)
        return results.total, [(hit.url, str(hit.title_html)) for hit in results.hits], counted

    total, hits, counted = search()
    assert counted and len(hits) >= 2
    renamed = Commitment.objects.get(slug=hits[0][0].rstrip("/").rsplit("/", 1)[-1])
    Commitment.objects.filter(pk=renamed.pk).update(title="Water meters for Zhob, renamed")
    indexing.rebuild("database")  # every entry written again: new rows, a new version of the index
    claims = []
    backend = caches["default"]  # the cache object itself, not the proxy that names it
    real_add = backend.add

    def another_reader_is_counting(key, *args, **kwargs):
        if key.startswith("search:answer:") and key.endswith(":computing"):
            claims.append(key)
            return False
        return real_add(key, *args, **kwargs)

    monkeypatch.setattr(backend, "add", another_reader_is_counting)
    served, served_hits, counted = search()
    assert claims and not counted and served == total  # the answer before the write, at once
    assert [url for url, _title in served_hits] == [url for url, _title in hits]
    assert "renamed" in served_hits[0][1] and "renamed" not in hits[0][1]  # as indexed now
    SearchEntry.objects.filter(uid=uid("commitment", renamed.pk)).delete()
    facets.index_changed()
    assert hits[0][0] not in [url for url, _title in search()[1]]  # removed since: never shown
    monkeypatch.setattr(backend, "add", real_add)
    after, _hits_after, counted = search()
    assert counted and after == total - 1  # the next reader with no one counting counts again


def test_after_a_change_a_costly_answer_is_counted_again_only_once_its_time_is_up(
    client, corpus, settings, monkeypatch
):
    """While editors publish every second, a search that takes long to count is counted again at most once
    in COST_RATIO times what it took (STALE_SECONDS at most); readers get the last answer meanwhile."""
    from django.core.cache import cache

    from search.backends import facets

    settings.SEARCH = {**settings.SEARCH, "CACHE_ANSWERS": True}
    cache.delete(facets.VERSION_KEY)
    monkeypatch.setattr(facets, "COST_RATIO", 10**6)  # as if it took seconds: due again in STALE_SECONDS
    now = [time.time() + 10**6]  # long after any answer an earlier test or run kept

    def clock():  # a millisecond passes at each reading, so counting takes some time
        now[0] += 0.001
        return now[0]

    monkeypatch.setattr(facets.time, "time", clock)

    def counted():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/search/?q=quetta&sort=deadline").status_code == 200  # this test's own question
        return any("WITH f AS MATERIALIZED" in q["sql"] for q in captured.captured_queries)

    assert counted()
    facets.index_changed()  # a publish wrote the index
    now[0] += facets.STALE_SECONDS - 1
    assert not counted()  # not yet due: the last answer
    now[0] += 2
    assert counted()  # due: counted again, for the index as it is now
    assert not counted()  # and kept for this version of the index


@pytest.mark.django_db(transaction=True)  # committed, so that the counting thread's own connection sees it
def test_once_due_an_answer_is_counted_in_a_thread_while_its_reader_gets_the_last_one(
    client, corpus, settings, monkeypatch
):
    """No reader waits for a search to be counted again after a change: the one who claims the counting
    gets the last answer like the others, and a thread of its process counts it for the next readers."""
    from django.core.cache import cache

    from search.backends import facets

    settings.SEARCH = {**settings.SEARCH, "CACHE_ANSWERS": True, "RECOUNT_IN_BACKGROUND": True}
    cache.delete(facets.VERSION_KEY)
    monkeypatch.setattr(facets, "COST_RATIO", 0)  # due again at once after a change
    started = []

    class Recorded(threading.Thread):
        def start(self):
            started.append(self)
            super().start()

    monkeypatch.setattr(facets.threading, "Thread", Recorded)

    def search():
        with CaptureQueriesContext(connection) as captured:
            total = client.get("/search/?q=council").context["results"].total  # this test's own question
        return total, any("WITH f AS MATERIALIZED" in q["sql"] for q in captured.captured_queries)

    total, counted = search()
    assert counted and not started  # nothing to serve yet: the first reader counts it
    SearchEntry.objects.all().delete()  # everything left the index
    facets.index_changed()
    assert search() == (total, False) and len(started) == 1  # the last answer, at once; counted apart
    started[0].join(timeout=30)
    after, counted = search()
    assert total > 0 and not counted and after == 0  # what the thread counted: the index as it is now

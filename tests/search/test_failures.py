"""When the outside pieces fail: the search server (osmem-server here, standing in for
Elasticsearch) stops answering, or the task broker does. Searches still answer, publishing still
succeeds, and no update is lost once they are back."""

import pytest

from search import tasks
from search.models import IndexQueueEntry
from tests.search.conftest import use_backend, wait_for
from tests.search.corpus import build_corpus, index_everything, retitle, search_page, titles

ELASTICSEARCH = pytest.mark.parametrize("backend", ["elasticsearch"], indirect=True)


def text_of(response):
    import html
    import re

    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def pending(target):
    return IndexQueueEntry.objects.filter(target=target, done_at__isnull=True).count()


@ELASTICSEARCH
@pytest.mark.django_db
def test_search_server_down_at_query_time_answers_from_the_database(client, corpus, search_server):
    search_server.stop()
    response = search_page(client, q="quetta", status="in_progress")
    assert response.status_code == 200
    assert "The search server is not answering, so these results come from the tracker's database." in text_of(response)
    assert titles(response) == ["Clean drinking water for Quetta"]
    assert response.context["results"].fallback
    assert {f.name for f in response.context["facets"]} >= {"status", "owner", "jurisdiction"}
    names = client.get("/search/autocomplete/", {"q": "quet"}).json()["results"]
    assert "Quetta District" in {n["label"] for n in names}
    for malformed in ('"unbalanced', "AND OR", "x" * 10_000):
        assert search_page(client, q=malformed).status_code == 200


@ELASTICSEARCH
@pytest.mark.django_db
def test_a_publish_while_the_search_server_is_down_is_indexed_when_it_returns(
    client, corpus, search_server, django_capture_on_commit_callbacks
):
    search_server.stop()
    with django_capture_on_commit_callbacks(execute=True):
        revision = retitle(corpus.water, "Desalination plants for Quetta")
    assert revision.number == 1  # the publish went through
    assert pending("elasticsearch") == 1 and pending("database") == 0
    during = search_page(client, q="desalination")
    assert titles(during) == ["Desalination plants for Quetta"] and during.context["results"].fallback

    search_server.start()  # a new, empty server: the drain fills it from the database
    tasks.drain_index_queue.apply()  # what the beat job runs every minute
    assert pending("elasticsearch") == 0
    after = search_page(client, q="desalination")
    assert titles(after) == ["Desalination plants for Quetta"] and not after.context["results"].fallback
    everything = search_page(client)
    assert everything.context["results"].total == 20 and not everything.context["results"].fallback


@pytest.mark.django_db
def test_a_publish_while_the_broker_is_down_succeeds_and_is_indexed_later(
    client, corpus, backend, dispatch_to, django_capture_on_commit_callbacks
):
    dispatch_to.stop()
    with django_capture_on_commit_callbacks(execute=True):
        revision = retitle(corpus.roads, "Rebuild the flood bridges of Quetta")
    assert revision.number == 1
    assert pending(backend) == 1  # waiting for a worker
    assert titles(search_page(client, q="bridges")) == []

    dispatch_to.start()
    tasks.drain_index_queue.apply()  # the beat job, once the broker is back
    assert pending("database") == pending(backend) == 0
    assert titles(search_page(client, q="bridges")) == ["Rebuild the flood bridges of Quetta"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_worker_drains_the_queue_and_loses_nothing_when_broker_and_server_stop(
    client, worker, dispatch_to, search_server, settings
):
    corpus = build_corpus()
    index_everything()
    use_backend(settings, "elasticsearch", search_server)

    retitle(corpus.water, "Desalination plants for Quetta")  # committed: the worker gets the task
    wait_for(
        lambda: titles(search_page(client, q="desalination")),
        timeout=60,
        what="the worker to index",
        log=worker.last_lines,
    )
    assert "drain_index_queue" in worker.output()

    search_server.stop()
    # The next beat drain finds the server gone and schedules a retry: the worker now holds that
    # message unacknowledged when the broker goes away, which must not bring the worker down.
    wait_for(lambda: "retrying the drain" in worker.output(), timeout=30, what="a retry", log=worker.last_lines)
    dispatch_to.stop()
    retitle(corpus.roads, "Rebuild the flood bridges of Quetta")
    retitle(corpus.water, "Desalination plants for Quetta and Pishin")
    assert pending("elasticsearch") == 2

    dispatch_to.start()
    search_server.start()  # empty again: the worker's drain refills it from the database

    def all_indexed():
        assert worker.process.poll() is None, f"The worker died:\n{worker.last_lines()}"
        response = search_page(client, q="quetta")
        return not response.context["results"].fallback and pending("elasticsearch") == 0

    wait_for(all_indexed, timeout=90, what="the worker's beat job to drain the queue", log=worker.last_lines)
    for query, title in [
        ("bridges", "Rebuild the flood bridges of Quetta"),
        ("desalination", "Desalination plants for Quetta and Pishin"),
    ]:
        response = search_page(client, q=query)
        assert titles(response) == [title] and not response.context["results"].fallback
    assert search_page(client).context["results"].total == 20
    assert worker.process.poll() is None

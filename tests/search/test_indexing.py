"""Indexing that loses nothing, the same tests on every backend: publishing queues the record in its
own transaction, a drain after the commit indexes it, a transfer re-indexes the office's
commitments, and `search_index` rebuilds and checks the index."""

import datetime

import pytest
from django.core.management import CommandError, call_command

from search import indexing
from search.backends import get_backend
from search.documents import build_documents, uid
from search.models import IndexQueueEntry
from tests import scenario
from tests.factories import PersonFactory
from tests.search.corpus import retitle, search_page, titles
from tracker import publishing
from tracker.models import Commitment, Office, Person, Tenure
from tracker.publishing.takedown import take_down

pytestmark = pytest.mark.django_db


def search_callbacks(callbacks):
    """The on-commit callbacks search registered."""
    return [c for c in callbacks if c.__module__.split(".")[0] == "search"]


def test_a_publish_is_queued_in_its_transaction_and_found_after_the_commit(
    client, corpus, backend, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        revision = retitle(corpus.water, "Desalination plants for Quetta")
        # Before the commit: the queue has the record for every backend, the index has the old title.
        queued = IndexQueueEntry.objects.filter(kind="commitment", object_id=corpus.water.pk, done_at__isnull=True)
        assert sorted(queued.values_list("target", flat=True)) == sorted({"database", backend})
    # One drain, however many entries (tracker's own callbacks, such as the accountability cache's, aside).
    assert revision.number == 1 and len(search_callbacks(callbacks)) == 1
    assert titles(search_page(client, q="desalination")) == []
    search_callbacks(callbacks)[0]()
    response = search_page(client, q="desalination")
    assert titles(response) == ["Desalination plants for Quetta"]
    assert not response.context["results"].fallback
    assert titles(search_page(client, q="drinking")) == []  # the old title is gone
    assert not IndexQueueEntry.objects.filter(done_at__isnull=True).exists()


def test_an_unpublished_record_leaves_the_index(client, corpus, backend, django_capture_on_commit_callbacks):
    assert "Repair roads in Quetta after the floods" in titles(search_page(client, q="roads"))
    with django_capture_on_commit_callbacks(execute=True):
        Commitment.objects.get(pk=corpus.roads.pk).unpublish()
    assert titles(search_page(client, q="roads")) == []


def test_a_taken_down_record_is_never_listed_while_the_index_catches_up(
    client, corpus, backend, django_capture_on_commit_callbacks
):
    """A takedown reaches the index seconds later, when a worker drains the queue; search checks its hits
    against the public record meanwhile, so a court's order is obeyed at once and not a drain later."""
    before = search_page(client, q="roads").context["results"]
    assert "Repair roads in Quetta after the floods" in titles(search_page(client, q="roads"))
    assert "Ayesha Baloch" in [n["label"] for n in client.get("/search/autocomplete/", {"q": "ayes"}).json()["results"]]
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        take_down(Commitment.objects.get(pk=corpus.roads.pk), notice="Court order 7/2026")
        take_down(Person.objects.get(pk=corpus.ayesha.pk), notice="Court order 8/2026")
    assert search_callbacks(callbacks)  # the drain waits: the index still holds both records
    assert IndexQueueEntry.objects.filter(object_id=corpus.roads.pk, done_at__isnull=True).exists()

    after = search_page(client, q="roads").context["results"]
    assert "Repair roads in Quetta after the floods" not in titles(search_page(client, q="roads"))
    assert after.total == before.total - 1 and len(after.hits) == len(before.hits) - 1
    page = search_page(client, q="ayesha").content.decode()
    assert "Ayesha Baloch" not in page and corpus.ayesha.slug not in page
    names = client.get("/search/autocomplete/", {"q": "ayes"}).json()["results"]
    assert "Ayesha Baloch" not in [n["label"] for n in names]
    api = client.get("/api/v1/search/", {"q": "roads"}).json()  # the open data answers the same
    assert api["total"] == after.total
    assert ("commitment", corpus.roads.pk) not in [(hit["kind"], hit["id"]) for hit in api["results"]]

    for drain in search_callbacks(callbacks):
        drain()
    assert "Repair roads in Quetta after the floods" not in titles(search_page(client, q="roads"))
    assert search_page(client, q="roads").context["results"].total == after.total


def test_an_officer_transfer_reindexes_the_commitments_of_the_office(
    client, corpus, backend, django_capture_on_commit_callbacks
):
    kamran = PersonFactory(name="Kamran Kakar", slug="kamran-kakar")
    office = Office.objects.get(pk=corpus.dc.pk)
    tenures = list(office.tenures.all())
    for tenure in tenures:
        if tenure.person_id == corpus.sana.pk:
            tenure.end_date, tenure.end_reason = datetime.date(2025, 6, 30), "transferred"
    tenures.append(Tenure(person=kamran, start_date=datetime.date(2025, 7, 1), how="transferred"))
    office.tenures = tenures
    with django_capture_on_commit_callbacks(execute=True):
        publishing.publish(office, summary="Sana Mir transferred; Kamran Kakar posted as deputy commissioner")

    response = search_page(client, q="kakar")
    found = set(titles(response))
    assert {"Clean drinking water for Quetta", "Repair roads in Quetta after the floods"} <= found
    water = next(hit for hit in response.context["results"].hits if hit.title == "Clean drinking water for Quetta")
    assert [(o["title"], o["holders"]) for o in water.owners] == [
        ("Deputy Commissioner Quetta", ["Kamran Kakar"]),
        ("Chief Minister Balochistan", ["Ayesha Baloch"]),
    ]
    # Sana Mir is still found (as a person), but no longer as the holder of the commitments' office.
    by_sana = set(titles(search_page(client, q="sana")))
    assert "Sana Mir" in by_sana and "Clean drinking water for Quetta" not in by_sana


def test_records_published_in_bulk_are_queued_once_per_batch(
    client, corpus, backend, admin_user, django_capture_on_commit_callbacks
):
    from tracker.publishing.bulk import publish_new_records

    def new(n):
        return scenario.commitment(
            title=f"Solar tube well number {n} in Pishin",
            slug=f"solar-tube-well-{n}",
            text="A solar pump for a village tube well.",
            made_on=datetime.date(2024, 1, 1),
            sector="water_sanitation",
            jurisdiction=corpus.quetta,
            made_by_office=corpus.cm,
            deadline=None,
            owners=[(corpus.dc, "administrative")],
        )

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        publish_new_records(Commitment, [new(n) for n in range(30)], user=admin_user, summary="Bulk import")
    assert IndexQueueEntry.objects.filter(done_at__isnull=True).count() == 30 * len({"database", backend})
    drains = search_callbacks(callbacks)
    assert len(drains) == 1
    drains[0]()
    response = search_page(client, q="tube well pishin")
    assert response.context["results"].total == 30
    assert "Solar tube well number 7 in Pishin" in [h.title for h in response.context["results"].hits] + titles(
        search_page(client, q="tube well pishin", page="2")
    )


def spoil_the_index(corpus, backend):
    """One document missing (water), one stale (roads), one extra (a record that does not exist)."""
    index = get_backend(backend)
    roads = build_documents("commitment", [corpus.roads.pk])[uid("commitment", corpus.roads.pk)]
    ghost = {**roads, "uid": "commitment-999999", "object_id": 999999, "title": "A record that never was"}
    index.write(
        {roads["uid"]: {**roads, "digest": "0" * 40}, ghost["uid"]: ghost}, [uid("commitment", corpus.water.pk)]
    )


def test_check_reports_missing_stale_and_extra_documents_and_repairs_them(corpus, backend, capsys):
    call_command("search_index", "--check", "--backend", backend, "--no-progress")
    assert f"{backend}: 0 missing, 0 stale, 0 extra; 0 waiting in the queue" in capsys.readouterr().out

    spoil_the_index(corpus, backend)
    with pytest.raises(CommandError, match="3 problem"):
        call_command("search_index", "--check", "--backend", backend, "--no-progress")
    out = capsys.readouterr().out
    assert f"{backend}: 1 missing, 1 stale, 1 extra" in out
    assert f"missing: commitment-{corpus.water.pk}" in out and f"stale: commitment-{corpus.roads.pk}" in out
    assert "extra: commitment-999999" in out

    call_command("search_index", "--check", "--repair", "--backend", backend, "--no-progress")
    assert "queued 3 entries for re-indexing" in capsys.readouterr().out
    call_command("search_index", "--check", "--backend", backend, "--no-progress")
    assert f"{backend}: 0 missing, 0 stale, 0 extra" in capsys.readouterr().out


def test_rebuild_swaps_in_a_new_index_and_searches_answer_throughout(client, corpus, backend, capsys):
    spoil_the_index(corpus, backend)
    answers = []

    def searched_meanwhile(_count):
        answers.append(search_page(client, q="quetta").context["results"].total)

    written = indexing.rebuild(backend, progress=searched_meanwhile, batch_size=3)
    assert written == 20  # 5 commitments, 1 decision, 4 people, 5 offices, 5 places
    assert len(answers) > 5 and min(answers) > 0  # never a moment without results
    if backend == "elasticsearch":
        from search.backends.elasticsearch import alias
        from search.backends.elasticsearch import client as es_client

        live = list(es_client().indices.get_alias(name=alias()))
        assert len(live) == 1 and list(es_client().indices.get(index=f"{alias()}-*")) == live
    call_command("search_index", "--rebuild", "--backend", backend)
    captured = capsys.readouterr()
    assert f"{backend}: indexed 20 published records into a new index and made it live." in captured.out
    assert f"Indexing {backend}: 100%" in captured.err  # the progress bar
    call_command("search_index", "--check", "--backend", backend, "--no-progress")
    assert f"{backend}: 0 missing, 0 stale, 0 extra" in capsys.readouterr().out
    assert "A record that never was" not in search_page(client, q="record never").content.decode()

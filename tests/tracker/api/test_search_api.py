"""/api/v1/search/: the search of /search/ in JSON, with the same filters, and each hit's identifiers and links."""

import pytest

from tests.tracker.test_hostile_input import index_for_search

pytestmark = pytest.mark.django_db


def test_search_finds_records_with_their_ids_and_links(client, quetta):
    index_for_search()
    answer = client.get("/api/v1/search/", {"q": "file tracking", "kind": "commitment"})
    assert answer.status_code == 200
    data = answer.json()
    assert data["total"] >= 1 and data["page"] == 1
    hit = next(hit for hit in data["results"] if hit["slug"] == quetta.files.slug)
    assert (hit["kind"], hit["id"], hit["status"]) == ("commitment", quetta.files.pk, "stalled")
    assert hit["html_url"] == f"http://testserver{quetta.files.get_absolute_url()}"
    assert client.get(hit["api_url"]).json()["id"] == quetta.files.pk
    assert {owner["slug"] for owner in hit["owners"]} == {quetta.cm.slug, quetta.dc.slug}
    assert "<mark>" not in hit["snippet"]


def test_search_filters_and_their_errors(client, quetta):
    index_for_search()
    delivered = client.get("/api/v1/search/", {"status": "delivered"}).json()
    assert [hit["slug"] for hit in delivered["results"]] == [quetta.water.slug]
    places = client.get("/api/v1/search/", {"q": "Quetta", "kind": "place"}).json()["results"]
    assert quetta.quetta.slug in {hit["slug"] for hit in places}
    assert all(hit["api_url"].startswith("http://testserver/api/v1/jurisdictions/") for hit in places)
    wrong = client.get("/api/v1/search/", {"status": "finished"})
    assert wrong.status_code == 400 and "status" in wrong.json()

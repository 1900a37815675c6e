"""Places and owners chosen by the names readers know, in search as on the commitment list
(tracker/public/names.py): the same words find the same commitments, a near miss offers the closest
names, and nothing silently finds nothing. On every backend."""

import pytest

from tests.search.corpus import search_page, titles
from tests.search.test_search_page import text_of

pytestmark = pytest.mark.django_db

IN_QUETTA = {"Clean drinking water for Quetta", "Repair roads in Quetta after the floods"}


@pytest.mark.parametrize("place", ["quetta", "Quetta", "QUETTA", "Quetta District", "quetta district"])
def test_a_place_is_found_by_its_name_or_slug_in_any_case(client, corpus, place):
    response = search_page(client, jurisdiction=place)
    assert response.status_code == 200
    assert set(titles(response)) == IN_QUETTA


def test_search_and_the_commitment_list_find_the_same_commitments_for_the_same_words(client, corpus):
    searched = set(titles(search_page(client, jurisdiction="Quetta District", owner="Deputy Commissioner Quetta")))
    listed = client.get("/commitments/", {"jurisdiction": "Quetta District", "owner": "Deputy Commissioner Quetta"})
    assert listed.status_code == 200
    assert searched == {c.title for c in listed.context["page"].object_list} == IN_QUETTA


def test_a_near_miss_is_not_searched_silently_but_answered_with_did_you_mean(client, corpus):
    response = search_page(client, q="water", jurisdiction="Queta District", owner="Deputy Comissioner")
    assert response.status_code == 400
    text = " ".join(text_of(response).replace(" ,", ",").split()).replace(" ?", "?")
    assert "No place called “Queta District” is tracked. This filter was left out." in text
    assert "No office called “Deputy Comissioner” is tracked." in text
    assert "Place: did you mean Quetta District" in text
    assert "Owner office: did you mean Deputy Commissioner Quetta" in text
    (_place, places), (_owner, offices) = response.context["did_you_mean"]
    assert places[0] == ("Quetta District", "?q=water&jurisdiction=quetta")
    assert offices[0] == ("Deputy Commissioner Quetta", "?q=water&owner=dc-quetta")
    assert set(titles(search_page(client, q="water", jurisdiction="quetta"))) == {"Clean drinking water for Quetta"}

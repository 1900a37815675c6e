"""Search as Pakistan types, on every backend: Roman Urdu, other spellings of names, abbreviations and
typos find the records the same words in English or Urdu script find, and nothing typed is replaced."""

import pytest

from search import suggestions
from tests import scenario
from tests.search.corpus import index_everything, search_page, titles
from tracker.models import Jurisdiction

pytestmark = pytest.mark.django_db

WATER = "Clean drinking water for Quetta"
ROADS = "Repair roads in Quetta after the floods"
SCHOOLS = "Upgrade primary schools in Lahore"


@pytest.mark.parametrize(
    ("q", "title"),
    [
        ("pani", WATER),  # پانی in its Urdu title, water in its English one
        ("paani", WATER),
        ("saaf pani", WATER),
        ("sarak", ROADS),  # road: the English words of the row
        ("sadkon", ROADS),
        ("taleem", SCHOOLS),  # its sector's label, تعلیم and Education
        ("pani quetta", WATER),
    ],
)
def test_roman_urdu_finds_what_its_urdu_and_english_words_find(client, corpus, q, title):
    response = search_page(client, q=q)
    assert response.status_code == 200
    assert title in titles(response)[:3]


def test_a_roman_urdu_word_is_highlighted_where_its_urdu_matched(client, corpus):
    hit = next(h for h in search_page(client, q="pani").context["results"].hits if h.title == WATER)
    assert "<mark>پانی</mark>" in str(hit.title_ur_html)


def test_other_names_of_a_place_find_it_and_its_commitments(client, corpus):
    Jurisdiction.objects.filter(pk=corpus.quetta.pk).update(other_names="Kwetta\nKoita, Qetta")
    index_everything()
    for q in ("Kwetta", "koita", "Qetta"):
        found = titles(search_page(client, q=q))
        assert {WATER, ROADS} <= set(found), q
        assert "Quetta District" in titles(search_page(client, q=q, kind="place")), q


@pytest.mark.parametrize("q", ["Imraan Qureshy", "imran qureshi", "Imraan"])
def test_spellings_of_a_name_meet_by_their_sound(client, corpus, q):
    assert titles(search_page(client, q=q, kind="person")) == ["Imran Qureshi"]


@pytest.mark.parametrize(
    ("q", "kind", "title"),
    [
        ("DC Quetta", "office", "Deputy Commissioner Quetta"),
        ("dc quetta", "office", "Deputy Commissioner Quetta"),
        ("CM Balochistan", "office", "Chief Minister Balochistan"),
        ("CS Balochistan", "office", "Chief Secretary Balochistan"),
    ],
)
def test_abbreviations_find_what_their_long_form_finds(client, corpus, q, kind, title):
    assert titles(search_page(client, q=q, kind=kind))[0] == title
    assert titles(search_page(client, q=title))[0] in titles(search_page(client, q=q))[:3]


def test_the_autocomplete_completes_an_abbreviation(client, corpus):
    names = client.get("/search/autocomplete/", {"q": "DC Que"}).json()["results"]
    assert names[0]["label"] == "Deputy Commissioner Quetta"


def test_a_typo_is_offered_as_a_link_and_never_searched_instead(client, corpus):
    response = search_page(client, q="filtraton plants")
    results = response.context["results"]
    assert results.suggestion == "filtration plants"
    assert response.context["suggestion_url"] == "?q=filtration+plants"
    assert "Did you mean" in response.content.decode()
    assert results.request.query.raw == "filtraton plants"  # the search was for what was typed
    api = client.get("/api/v1/search/", {"q": "filtraton plants"}).json()
    assert api["did_you_mean"] == "filtration plants"


def test_the_did_you_mean_is_in_urdu_on_urdu_pages(client, corpus):
    response = client.get("/ur/search/", {"q": "filtraton"})
    assert response.status_code == 200
    assert "کیا آپ کا مطلب" in response.content.decode()


def test_no_suggestion_when_enough_was_found_or_every_word_is_known(client, corpus):
    assert search_page(client, q="Quetta").context["results"].suggestion == ""
    assert suggestions.suggest("water quetta") == ""


def test_a_status_in_roman_urdu_finds_that_status_before_texts_that_repeat_its_english(client, corpus):
    """ "mukammal" is مکمل, the label of delivered commitments. On PostgreSQL a long text saying "completed"
    again and again ranked first (ts_rank counts repeats and knows no rarity; ranks are now divided by the
    log of the document's length, as bm25 does on SQLite)."""
    scenario.published_commitment(
        title="Road works in Lahore",
        text=" ".join(
            ["The first phase was completed in March.", "Drains were completed in May.", "Lighting completed later."]
            + ["The contractor reported on every phase of the works along the main boulevard."] * 6
        ),
        jurisdiction=corpus.lahore,
    )
    index_everything()
    assert titles(search_page(client, q="mukammal"))[0] == SCHOOLS

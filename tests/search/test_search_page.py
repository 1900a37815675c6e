"""The search page as a visitor sees it, the same tests on every backend: the database one (SQLite
FTS5 or PostgreSQL full-text) and the Elasticsearch one (run against osmem-server)."""

import html
import re

import pytest

from tests.search.corpus import search_page, titles

pytestmark = pytest.mark.django_db


def facet(response, name):
    """{label: count} of one facet as the page lists it."""
    for shown in response.context["facets"]:
        if shown.name == name:
            return {bucket.label: bucket.count for bucket in shown.buckets}
    return {}


def text_of(response):
    return html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"</?bdi>", "", response.content.decode())))


def test_finds_a_commitment_by_its_words_and_highlights_them(client, corpus):
    response = search_page(client, q="file tracking")
    assert response.status_code == 200
    assert set(titles(response)) == {
        "File tracking system for the Balochistan secretariat",
        "Committee to introduce file tracking",
    }
    page = response.content.decode()
    assert "<mark>File</mark> <mark>tracking</mark> system for the Balochistan secretariat" in page
    assert "2 results" in text_of(response)


def test_english_words_match_their_other_forms(client, corpus):
    response = search_page(client, q="school")
    assert "Upgrade primary schools in Lahore" in titles(response)


def test_drafts_and_unpublished_records_are_never_found(client, corpus):
    assert titles(search_page(client, q="secret draft promise")) == []
    assert "Secret draft" not in search_page(client, q="quetta").content.decode()


def test_facets_count_every_published_commitment(client, corpus):
    response = search_page(client)
    assert facet(response, "kind") == {"Commitment": 5, "Decision": 1, "Person": 4, "Office": 5, "Place": 5}
    assert facet(response, "status") == {
        "Not started": 1,
        "In progress": 1,
        "Stalled": 1,
        "Delivered": 1,
        "Broken": 1,
    }
    assert facet(response, "overdue") == {"Overdue": 2}
    assert facet(response, "office_kind") == {"Elected": 2, "Appointed": 4, "Administrator": 2}
    assert facet(response, "owner") == {
        "Administrator Lahore": 2,
        "Chief Minister Balochistan": 2,
        "Deputy Commissioner Quetta": 2,
        "Chief Secretary Balochistan": 1,
        "Secretary Schools Punjab": 1,
    }
    assert facet(response, "jurisdiction") == {
        "Pakistan": 5,
        "Balochistan": 3,
        "Lahore District": 2,
        "Punjab": 2,
        "Quetta District": 2,
    }
    assert facet(response, "sector")["Water and sanitation"] == 1


def test_a_place_includes_the_places_under_it(client, corpus):
    response = search_page(client, jurisdiction="balochistan")
    assert set(titles(response)) == {
        "File tracking system for the Balochistan secretariat",
        "Clean drinking water for Quetta",
        "Repair roads in Quetta after the floods",
    }
    # Each facet counts under the other filters, so the other places stay visible to switch to.
    assert facet(response, "jurisdiction")["Punjab"] == 2
    assert facet(response, "status") == {"Not started": 1, "In progress": 1, "Stalled": 1}
    link = next(b for f in response.context["facets"] if f.name == "jurisdiction" for b in f.buckets if b.selected)
    assert link.label == "Balochistan" and "jurisdiction" not in link.url


def test_who_owns_it_filters(client, corpus):
    by_owner = search_page(client, owner="dc-quetta")
    assert set(titles(by_owner)) == {"Clean drinking water for Quetta", "Repair roads in Quetta after the floods"}
    by_kind = search_page(client, office_kind="administrator")
    assert set(titles(by_kind)) == {"Upgrade primary schools in Lahore", "Solid waste collection in Lahore"}
    overdue = search_page(client, overdue="1")
    assert set(titles(overdue)) == {
        "File tracking system for the Balochistan secretariat",
        "Repair roads in Quetta after the floods",
    }
    both = search_page(client, q="quetta", status="in_progress", sector="water_sanitation")
    assert titles(both) == ["Clean drinking water for Quetta"]


def test_a_holders_name_finds_the_commitments_their_office_owns(client, corpus):
    response = search_page(client, q="Sana Mir")
    assert {"Sana Mir", "Clean drinking water for Quetta", "Repair roads in Quetta after the floods"} <= set(
        titles(response)
    )
    assert "Deputy Commissioner Quetta: Sana Mir" in " ".join(text_of(response).split())
    # Imran Qureshi was transferred out: he is not named as a holder now.
    assert "Imran Qureshi" not in [
        h for hit in response.context["results"].hits for o in hit.owners for h in o["holders"]
    ]


@pytest.mark.parametrize("spelling", ["کوئٹہ", "كوئٹه"])  # Urdu letters, and the same word typed with Arabic ones
def test_urdu_names_find_their_records(client, corpus, spelling):
    response = search_page(client, q=spelling)
    found = set(titles(response))
    assert {"Quetta District", "Clean drinking water for Quetta", "Deputy Commissioner Quetta"} <= found
    assert "<mark>" in response.content.decode()


def test_an_urdu_name_of_a_person_finds_them(client, corpus):
    assert "Sana Mir" in titles(search_page(client, q="ثنا"))


def test_sorting_by_deadline_and_by_recent_change(client, corpus):
    expected = {
        "deadline": [
            "Solid waste collection in Lahore",
            "File tracking system for the Balochistan secretariat",
            "Upgrade primary schools in Lahore",
            "Repair roads in Quetta after the floods",
            "Clean drinking water for Quetta",
        ],
        "changed": [
            "File tracking system for the Balochistan secretariat",
            "Upgrade primary schools in Lahore",
            "Clean drinking water for Quetta",
            "Repair roads in Quetta after the floods",
            "Solid waste collection in Lahore",
        ],
    }
    for sort, order in expected.items():
        assert titles(search_page(client, kind="commitment", sort=sort)) == order, sort


def test_relevance_puts_title_matches_first(client, corpus):
    response = search_page(client, q="water")
    assert titles(response)[0] == "Clean drinking water for Quetta"


def test_pages_of_results(client, corpus):
    from tests.factories import CommitmentFactory, CommitmentOwnerFactory
    from tests.search.corpus import index_everything

    for n in range(25):
        CommitmentOwnerFactory(commitment=CommitmentFactory(title=f"Borehole number {n} in Zhob"), office=corpus.dc)
    index_everything()
    first = search_page(client, q="borehole")
    assert first.context["results"].total == 25 and len(titles(first)) == 20
    assert "Page 1 of 2" in text_of(first)
    second = search_page(client, q="borehole", page="2")
    assert len(titles(second)) == 5 and not set(titles(first)) & set(titles(second))
    assert 'rel="prev"' in second.content.decode()
    beyond = search_page(client, q="borehole", page="99")
    assert titles(beyond) == titles(second)


def test_autocomplete_offers_names_of_people_offices_and_places(client, corpus):
    names = client.get("/search/autocomplete/", {"q": "quet"}).json()["results"]
    assert {"Quetta District", "Deputy Commissioner Quetta"} <= {n["label"] for n in names}
    assert {n["kind"] for n in names} <= {"person", "office", "place"}
    quetta = next(n for n in names if n["label"] == "Quetta District")
    assert quetta == {
        "label": "Quetta District",
        "label_ur": "کوئٹہ",
        "kind": "place",
        "kind_label": "Place",
        "url": "/jurisdictions/quetta/",
    }
    assert [n["label"] for n in client.get("/search/autocomplete/", {"q": "ثنا"}).json()["results"]] == ["Sana Mir"]
    assert client.get("/search/autocomplete/", {"q": "q"}).json()["results"] == []


def test_matched_text_is_escaped_and_only_mark_is_added(client, corpus):
    response = search_page(client, q="waste collected street")
    assert "<script>alert" not in response.content.decode()
    snippet = response.context["results"].hits[0].snippet_html
    assert "<mark>" in snippet and "alert(" in html.unescape(snippet)
    assert "<" not in re.sub(r"</?mark>", "", snippet)  # no markup but the highlight


def test_the_page_is_accessible_without_javascript(client, corpus):
    page = search_page(client, q="quetta").content.decode()
    assert '<label for="id_q">' in page and 'id="id_q"' in page
    assert '<label for="id_sort">' in page
    assert re.search(r"<h1>Search</h1>", page)
    assert 'role="search"' in page
    # Facets are plain links: they work without JavaScript.
    assert 'href="?q=quetta&amp;kind=commitment"' in page


def test_typing_mistakes(client, corpus, backend):
    """A spelling that sounds the same finds the place on every backend (search/phonetic.py); a typo the
    sound key does not fold is forgiven by Elasticsearch, and the database backend says nothing matches."""
    assert "Quetta District" in titles(search_page(client, q="qetta"))
    response = search_page(client, q="qeutta")
    if backend == "elasticsearch":
        assert "Quetta District" in titles(response)
    else:
        assert titles(response) == []
        assert "Nothing matches" in text_of(response)


MALFORMED = [
    ('"file tracking', None),  # unbalanced quote: searched as words
    ("AND OR", "has no words or names to search for"),
    ("NOT", "has no words or names to search for"),
    ("-", "has no words or names to search for"),
    ("***", "has no words or names to search for"),
    ("title:(file AND tracking) OR secretariat~2 [a TO z] \\", None),
    ("x" * 10_000, "Searches use the first 200 characters"),
    ("\x00\u202e\ufeff\U0001f600 ﷽ quetta \u200c", None),
    ("؟؟؟ \u0600", "has no words or names to search for"),
    (" ".join(["quetta"] * 40), None),
    (" ".join(f"w{n}" for n in range(30)), "Searches use the first 12 words"),
]


def test_malformed_queries_get_results_or_a_clear_message(client, corpus):
    # One test for all of them: each case would otherwise pay for the whole corpus and index again.
    for query, message in MALFORMED:
        response = search_page(client, q=query)
        assert response.status_code == 200, query[:80]
        if message:
            assert message in text_of(response), query[:80]
        else:
            assert response.context["results"].total > 0, query[:80]


def test_bad_filter_values_are_reported_and_left_out(client, corpus):
    response = search_page(client, q="quetta", status="finished", owner="not a slug!", page="abc")
    assert response.status_code == 400
    text = text_of(response)
    assert "Status: Select a valid choice" in text and "This filter was left out." in text
    assert "Clean drinking water for Quetta" in titles(response)

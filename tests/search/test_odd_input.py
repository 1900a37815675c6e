"""Whatever is typed, the search page and /api/v1/search/ answer plainly, never with a server error:
long Latin text, mixed scripts, only punctuation, only common words in either script, joiners inside a
Roman Urdu word, and whatever Hypothesis makes up. On every backend."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.search.corpus import search_page

pytestmark = pytest.mark.django_db

ODD = [
    "a" * 1000,
    "pani " * 200,
    "paani پانی water کوئٹہ Quetta",
    "DC کوئٹہ pani",
    "!!! ??? ... ;;; ---",
    "،۔؟",
    "the of and to in",
    "کا کی کے میں اور",
    "pa\u200dni",
    "sa\u200cfai bij\u200dli",
    "C&W && || ()",
    '"deputy commissioner" DC "',
]


def answers(client, q):
    page = search_page(client, q=q)
    api = client.get("/api/v1/search/", {"q": q})
    assert page.status_code == 200, q
    assert api.status_code == 200, q
    return page, api.json()


@pytest.mark.parametrize("q", ODD)
def test_odd_queries_are_answered_plainly(client, corpus, q):
    page, api = answers(client, q)
    assert page.context["results"].total == api["total"]


def test_a_joiner_inside_a_roman_urdu_word_is_the_word(client, corpus):
    _page, api = answers(client, "pa\u200dni")
    assert "Clean drinking water for Quetta" in [hit["title"] for hit in api["results"]]


TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8", exclude_categories=["Cs"]),
        st.sampled_from("abcdefghijklmnopqrstuvwxyz &\"'()-:*~^پانیکوئٹہسڑک\u200c\u200d"),
    ),
    max_size=300,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=TEXT)
def test_whatever_is_typed_no_server_error(client, corpus, q):
    answers(client, q)

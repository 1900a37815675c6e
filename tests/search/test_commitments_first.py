"""Readers search for promises: for "schools" or "Quetta" the commitments come before the offices,
people and places that share the word, and tabs by kind say how many of each there are. On every
backend."""

import pytest

from tests.search.corpus import search_page

pytestmark = pytest.mark.django_db


def kinds(response):
    return [hit.kind for hit in response.context["results"].hits]


@pytest.mark.parametrize("words", ["schools", "Quetta", "quetta deputy"])
def test_commitments_come_first(client, corpus, words):
    found = kinds(search_page(client, q=words))
    assert "commitment" in found and set(found) - {"commitment"}, found  # both kinds match these words
    first_other = next(i for i, kind in enumerate(found) if kind != "commitment")
    assert all(kind == "commitment" for kind in found[:first_other])
    assert "commitment" not in found[first_other:], found


def test_tabs_by_kind_with_counts_lead_to_each_kind(client, corpus):
    response = search_page(client, q="quetta")
    tabs = response.context["kind_tabs"]
    labels = [label for label, _count, _url, _chosen in tabs]
    assert labels[:2] == ["All", "Commitment"]
    counts = {label: count for label, count, _url, _chosen in tabs}
    assert counts["All"] == response.context["results"].total == sum(c for label, c in counts.items() if label != "All")
    html = response.content.decode()
    assert '<nav class="kind-tabs" aria-label="Kinds of result">' in html
    office_url = next(url for label, _count, url, _chosen in tabs if label == "Office")
    offices = client.get("/search/" + office_url)
    assert set(kinds(offices)) == {"office"} and offices.context["results"].total == counts["Office"]
    chosen = [label for label, _count, _url, chosen in offices.context["kind_tabs"] if chosen]
    assert chosen == ["Office"]

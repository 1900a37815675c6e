"""The commitment list shows its results first: the filters are one line until opened, the four a reader
looks for first (place, status, sector, owner) and the rest under "More filters", in plain words, dates
as date pickers. A filtered list says each filter in use with a link that removes it; a list reached from
a figure (Who delivers, a scorecard, a comparison) says which figure it explains and links back."""

import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.pages import parsed as soup
from tests.pages import words

pytestmark = pytest.mark.django_db


def test_the_results_come_before_the_filter_fields(client, quetta):
    page = soup(client, "/commitments/")
    filters = page.select_one("details.filters")
    assert filters is not None and not filters.has_attr("open")
    assert words(filters.find("summary")) == "Filter the list"
    common = [p.find(["input", "select"])["name"] for p in filters.select("form > p")]
    assert common == ["jurisdiction", "status", "sector", "owner"]
    more = filters.select_one("details.more-filters")
    assert not more.has_attr("open") and words(more.find("summary")) == "More filters"
    assert more.select_one("input[name=due_from]")["type"] == "date"
    assert more.select_one("input[name=due_to]")["type"] == "date"
    labels = [words(label) for label in filters.find_all("label")]
    assert not [label for label in labels if "(with the owner kind" in label or label == "Scorecard column:"]
    assert page.select("ul.rows .commitment-row")  # the results, with no filter in use
    assert page.select_one("ul.in-use") is None and page.select_one(".drill-down") is None


def test_each_filter_in_use_is_said_in_words_and_can_be_removed(client, quetta):
    page = soup(client, "/commitments/?status=stalled&jurisdiction=quetta&page=1")
    in_use = page.select("ul.in-use li")
    assert [words(li) for li in in_use] == [
        "Place: Quetta remove Place",
        "Status: Stalled remove Status",
        "Clear all filters",
    ]
    remove_place = in_use[0].find("a")["href"]
    assert remove_place == "?status=stalled"
    without_place = soup(client, "/commitments/" + remove_place)
    assert words(without_place.select_one("ul.in-use")) == "Status: Stalled remove Status"
    assert in_use[2].find("a")["href"] == "/commitments/"
    assert words(page.select_one("details.filters > summary")) == "Change the filters (2 in use)"
    # The common filters are in use: "More filters" stays closed; a filter from under it opens it.
    assert not page.select_one("details.more-filters").has_attr("open")
    assert soup(client, "/commitments/?due_from=2020-01-01").select_one("details.more-filters").has_attr("open")


def test_a_figure_of_who_delivers_is_explained_with_a_way_back(client, quetta):
    accountability = soup(client, "/accountability/?sector=e_governance")
    links = [a["href"] for a in accountability.select("main a[href^='/commitments/?']")]
    figure_link = next(link for link in links if "owner_role=" in link)
    page = soup(client, figure_link)
    note = page.select_one(".drill-down")
    assert words(note.find("p")) == "These are the commitments behind a figure of Who delivers."
    back = note.find("a")
    assert words(back) == "Back to Who delivers"
    assert back["href"] == "/accountability/?sector=e_governance"
    assert any(words(li).startswith("Role of that owner: ") for li in page.select("ul.in-use li"))


def test_a_scorecard_figure_links_back_to_the_scorecard(client, quetta):
    person = soup(client, quetta.people.e.get_absolute_url())
    owned = person.select_one("#score-h").find_parent("section").select_one("tbody a")["href"]
    page = soup(client, owned)
    note = page.select_one(".drill-down")
    assert words(note) == (
        "These are the commitments behind a figure of Erum Baloch's scorecard. Back to Erum Baloch's scorecard"
    )
    assert note.find("a")["href"] == quetta.people.e.get_absolute_url() + "#score-h"


def test_a_list_a_reader_filtered_explains_no_figure(client, quetta):
    assert soup(client, "/commitments/?status=stalled&overdue=on").select_one(".drill-down") is None


def test_a_wrong_filter_opens_the_filters_with_the_error_and_no_results(client, quetta):
    response = client.get("/commitments/?jurisdiction=Queta")
    assert response.status_code == 400
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one("details.filters").has_attr("open")
    assert "No place called “Queta” is tracked." in words(page.select_one("[role=alert]"))
    assert page.select_one("ul.in-use") is None


def test_the_urdu_list_says_its_filters_in_urdu(client, quetta):
    page = soup(client, "/ur/commitments/?status=stalled&due_from=2020-01-01")
    english = re.compile(r"\b(Filter|filters|More|Status|Due|remove|Clear)\b")
    for node in (page.select_one("details.filters > summary"), page.select_one("ul.in-use")):
        assert not english.search(words(node)), words(node)
    assert urlsplit(page.select_one("ul.in-use a")["href"]).path == ""

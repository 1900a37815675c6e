"""The home page leads with a tally a reader can quote (delivered, partially delivered, broken, stalled,
still open, withdrawn: counts and shares of every commitment tracked, each linked to exactly its
commitments), and a page in both languages explains how devolved local government works, linked from the
home page and from Who delivers."""

import re

import pytest

from tests.pages import parsed as soup
from tests.pages import words

pytestmark = pytest.mark.django_db


def test_the_home_page_leads_with_a_tally_of_every_commitment(client, quetta):
    page = soup(client, "/")
    tally = page.select_one("section.tally")
    assert page.find("h1").find_next("section") is tally
    assert words(tally.find("h2")) == "Of the 2 commitments tracked"
    lines = [(words(a), a["href"]) for a in tally.select("ul li > a:first-child")]
    assert [text for text, _href in lines] == [
        "1 (50%) Delivered",
        "0 (0%) Partially delivered",
        "0 (0%) Broken",
        "1 (50%) Stalled",
        "0 (0%) Still open (not started or in progress)",
        "0 (0%) Withdrawn",
    ]
    for text, href in lines:
        listed = soup(client, href).select(".commitment-row")
        assert len(listed) == int(text.split()[0]), (text, href)
    assert "/local-government/" in [a["href"] for a in tally.select("a")]
    # Every status has its count: the two the open line adds up, each linked to its own list.
    parts = [(words(a), a["href"]) for a in tally.select("ul li a + a, ul li a ~ a")]
    assert parts == [
        ("Not started 0", "/commitments/?status=not_started"),
        ("In progress 0", "/commitments/?status=in_progress"),
    ]


def test_the_urdu_tally_is_urdu_with_its_shares_the_right_way_round(client, quetta):
    tally = soup(client, "/ur/").select_one("section.tally")
    assert words(tally.find("h2")) == "زیرِ نگرانی 2 وعدوں میں سے"
    # A share reads left to right in an Urdu line too: "(50%)", never "%50".
    shares = tally.select(".share")
    assert [words(s) for s in shares[:1]] == ["(50%)"] and all(s["dir"] == "ltr" for s in shares)
    assert [words(a.find("strong")) for a in tally.select("ul li > a:first-child")] == ["1", "0", "0", "1", "0", "0"]


def test_the_explainer_says_who_answers_to_voters_and_what_an_administrator_is(client):
    page = soup(client, "/local-government/")
    assert words(page.find("h1")) == "How local government works in Pakistan"
    assert [words(h) for h in page.select("article h2")] == [
        "Who answers to voters",
        "Who carries it out",
        "Administrators",
        "Why councils lapse",
        "What this tracker shows",
    ]
    assert "Article 140-A" in words(page.select_one("article"))
    assert "the provincial government appoints an administrator" in words(page.select_one("article"))


def test_the_urdu_explainer_is_all_urdu(client):
    article = soup(client, "/ur/local-government/").select_one("article")
    assert words(article.find("h1")) == "پاکستان میں مقامی حکومت کیسے کام کرتی ہے"
    latin = re.findall(r"[A-Za-z]{2,}", words(article))
    assert latin == [], latin


def test_who_delivers_links_to_the_explainer(client, quetta):
    links = [a["href"] for a in soup(client, "/accountability/").select("main a")]
    assert "/local-government/" in links
    assert "/ur/local-government/" in [a["href"] for a in soup(client, "/ur/accountability/").select("main a")]


def badge(office, language):
    from django.template import Context, Template
    from django.utils import translation

    with translation.override(language):
        return Template("{% load tracker_tags %}{% office_kind office %}").render(Context({"office": office}))


def test_the_kind_of_an_administrator_office_is_said_once_in_either_language():
    from tracker.models import Office

    multan = Office(
        kind="administrator",
        title="Administrator Municipal Corporation Multan",
        title_ur="ایڈمنسٹریٹر میونسپل کارپوریشن ملتان",
    )
    assert badge(multan, "en").strip() == "" and badge(multan, "ur").strip() == ""
    # An office whose Urdu title does not begin with the word keeps its badge on Urdu pages.
    dc = Office(kind="appointed", title="Deputy Commissioner Quetta", title_ur="ڈپٹی کمشنر کوئٹہ")
    assert "Appointed" in badge(dc, "en")
    assert "kind-appointed" in badge(dc, "ur") and "Appointed" not in badge(dc, "ur")


def test_every_administrator_office_links_to_the_explainer(client, quetta):
    for prefix in ("", "/ur"):
        administrator = soup(client, prefix + quetta.administrator.get_absolute_url())
        link = administrator.select_one(".explainer-link a")
        assert link["href"] == f"{prefix}/local-government/#administrators"
    assert soup(client, quetta.dc.get_absolute_url()).select_one(".explainer-link") is None

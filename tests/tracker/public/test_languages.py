"""The two languages of the public site (tracker/public/languages.py): English at the addresses of
docs/reference.md, Urdu at the same addresses under /ur/. The address decides the language; a browser's
Accept-Language only suggests Urdu on the front page."""

import re

import pytest
from django.core.cache import cache

from tests import factories, scenario

pytestmark = pytest.mark.django_db


def html_tag(response):
    return re.search(r"<html[^>]*>", response.content.decode()).group(0)


def links(response, cls):
    return re.findall(rf'<a class="{cls}" href="([^"]+)"', response.content.decode())


def test_a_record_reads_in_urdu_under_ur_and_in_english_at_its_own_address(client):
    promise = scenario.published_commitment(title="Clean water for Quetta")
    english = client.get(f"/commitments/{promise.slug}/")
    urdu = client.get(f"/ur/commitments/{promise.slug}/")
    assert english.status_code == urdu.status_code == 200
    assert 'lang="en"' in html_tag(english) and 'dir="ltr"' in html_tag(english)
    assert 'lang="ur"' in html_tag(urdu) and 'dir="rtl"' in html_tag(urdu)
    assert english["Content-Language"] == "en" and urdu["Content-Language"] == "ur"
    # The switcher leads to the same record in the other language, both ways.
    assert links(english, "language-switch") == [f"/ur/commitments/{promise.slug}/"]
    assert links(urdu, "language-switch") == [f"/commitments/{promise.slug}/"]


def test_every_page_names_both_addresses_for_search_engines(client):
    promise = scenario.published_commitment()
    page = client.get(f"/ur/commitments/{promise.slug}/").content.decode()
    assert f'hreflang="en" href="http://testserver/commitments/{promise.slug}/"' in page
    assert f'hreflang="ur" href="http://testserver/ur/commitments/{promise.slug}/"' in page
    assert f'hreflang="x-default" href="http://testserver/commitments/{promise.slug}/"' in page
    assert f'rel="canonical" href="http://testserver/ur/commitments/{promise.slug}/"' in page


def test_the_urdu_pages_link_to_urdu_pages(client):
    page = client.get("/ur/").content.decode()
    for address in ("/ur/commitments/", "/ur/decisions/", "/ur/search/", "/ur/methodology/", "/ur/tips/"):
        assert f'href="{address}"' in page, address
    assert 'action="/ur/search/"' in page


def test_the_switcher_keeps_the_search_the_reader_typed(client):
    response = client.get("/search/?q=water&sector=water")
    assert links(response, "language-switch") == ["/ur/search/?q=water&amp;sector=water"]


def test_a_browser_asking_for_urdu_never_changes_a_permanent_link(client):
    promise = scenario.published_commitment()
    response = client.get(f"/commitments/{promise.slug}/", HTTP_ACCEPT_LANGUAGE="ur,en;q=0.5")
    assert response.status_code == 200
    assert 'lang="en"' in html_tag(response)
    assert "language-suggestion" not in response.content.decode()
    # Its language is in its address, so a shared cache keeps one copy of it.
    assert "accept-language" not in response.get("Vary", "").lower()


def test_the_front_page_suggests_urdu_to_a_browser_that_asks_for_it(client):
    asked = client.get("/", HTTP_ACCEPT_LANGUAGE="ur-PK,ur;q=0.9,en;q=0.8")
    assert asked.status_code == 200 and 'lang="en"' in html_tag(asked)
    suggestion = re.search(r'<p class="notice language-suggestion"[^>]*><a href="([^"]+)"', asked.content.decode())
    assert suggestion and suggestion.group(1) == "/ur/"
    assert "accept-language" in asked["Vary"].lower()
    assert "language-suggestion" not in client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB").content.decode()
    assert "language-suggestion" not in client.get("/ur/", HTTP_ACCEPT_LANGUAGE="ur").content.decode()


def test_machine_addresses_have_one_language(client):
    assert client.get("/api/v1/commitments/").status_code == 200
    assert client.get("/ur/api/v1/commitments/").status_code == 404
    assert client.get("/ur/admin/").status_code == 404


def test_figures_kept_for_english_readers_link_urdu_readers_to_urdu_lists(client, settings):
    """The accountability report and the summaries are kept and read in both languages: the addresses of
    the lists behind their figures are made in the reader's language."""
    settings.ACCOUNTABILITY_CACHE_SECONDS = 3600
    cache.clear()
    for _ in range(2):
        scenario.published_commitment(owner_office=factories.OfficeFactory(kind="appointed"))
    english = client.get("/accountability/?due_from=1900-01-01").content.decode()
    urdu = client.get("/ur/accountability/?due_from=1900-01-01").content.decode()
    assert 'href="/commitments/?' in english and 'href="/ur/commitments/?' not in english
    assert 'href="/ur/commitments/?' in urdu and 'href="/commitments/?' not in urdu
    cache.clear()


def test_the_sitemap_lists_every_page_in_both_languages(client):
    promise = scenario.published_commitment()
    xml = client.get("/sitemap-commitments.xml").content.decode()
    assert f"<loc>http://testserver/commitments/{promise.slug}/</loc>" in xml
    assert f"<loc>http://testserver/ur/commitments/{promise.slug}/</loc>" in xml
    assert f'hreflang="ur" href="http://testserver/ur/commitments/{promise.slug}/"' in xml

"""Every page reaches the site's sections from its header and footer, in English and in Urdu, and each of
those links answers; the 404 page searches; the site has an icon; the open data's page reads in Urdu."""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.staticfiles import finders

from tracker.api.downloads import build

pytestmark = pytest.mark.django_db

FILES = "/commitments/file-tracking-system-for-the-secretariat/"
PAGES = [
    "/",
    "/commitments/",
    FILES,
    FILES + "history/",
    FILES + "history/1/",
    "/decisions/",
    "/decisions/funds-for-the-file-tracking-system/",
    "/people/camran-achakzai/",
    "/offices/deputy-commissioner-quetta/",
    "/jurisdictions/quetta/",
    "/accountability/",
    "/search/?q=water",
    "/people/",
    "/offices/",
    "/jurisdictions/",
    "/my-district/",
    "/my-district/quetta/",
    "/changes/",
    "/data/",
    "/tips/",
    "/methodology/",
    "/history/digests/",
    "/no-such-page/",
]
HEADER = [
    "/commitments/",
    "/decisions/",
    "/accountability/",
    "/my-district/",
    "/people/",
    "/offices/",
    "/jurisdictions/",
    "/search/",
]
FOOTER = ["/data/", "/changes/", "/changes/#follow", "/methodology/", "/tips/"]


def links(html, start, end):
    part = html.split(start, 1)[1].split(end, 1)[0]
    return [href.replace("&amp;", "&") for href in re.findall(r'href="([^"]+)"', part)]


@pytest.mark.parametrize("language", ["", "/ur"])
def test_every_page_type_reaches_the_sections_from_its_header_and_footer(client, quetta, language):
    reached = set()
    for path in PAGES:
        response = client.get(language + path)
        assert response.status_code == (404 if path == "/no-such-page/" else 200), path
        html = response.content.decode()
        header = links(html.split('<header class="site-header">', 1)[1], "<nav", "</nav>")
        footer = links(html, '<footer class="site-footer">', "</footer>")
        assert header == [language + p for p in HEADER], path
        assert all(language + p in footer for p in FOOTER), (path, footer)
        assert "/api/docs/" in footer, path
        assert build.LICENCE["url"] in footer and 'rel="license">CC BY 4.0</a>' in html, path
        reached |= {h for h in header + footer if h.startswith("/")}
    for href in sorted(reached):
        answer = client.get(urlsplit(href).path)
        assert answer.status_code == 200, href


def test_the_header_says_browse_and_opens_without_a_script(client, quetta):
    html = client.get("/").content.decode()
    header = html.split('<header class="site-header">', 1)[1].split("</header>", 1)[0]
    assert '<details class="browse"><summary>Browse</summary>' in header
    assert "<script" not in html
    urdu = client.get("/ur/").content.decode()
    assert '<details class="browse"><summary>فہرستیں</summary>' in urdu


@pytest.mark.parametrize("language", ["", "/ur"])
def test_the_404_page_searches(client, quetta, language):
    from search import indexing
    from search.backends import targets

    for target in targets():
        indexing.rebuild(target)
        indexing.drain(target)
    missing = client.get(f"{language}/commitments/no-such-promise/")
    assert missing.status_code == 404
    html = missing.content.decode()
    form = re.search(r'<form method="get" action="([^"]+)"[^>]*role="search"[^>]*>(.*?)</form>', html, re.S)
    assert form, html
    assert form.group(1) == f"{language}/search/"
    field = re.search(r'<input type="search" id="([^"]+)" name="(\w+)"', form.group(2))
    assert f'<label for="{field.group(1)}">' in form.group(2)  # the box is labelled
    found = client.get(form.group(1), {field.group(2): "drinking water"})
    assert found.status_code == 200
    said = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", found.content.decode()))
    assert "Clean drinking water for Quetta" in said  # its words highlighted in the title
    for section in ("/commitments/", "/my-district/", "/people/", "/changes/"):
        assert f'href="{language}{section}"' in html.split("<main", 1)[1]


def test_the_site_has_an_icon_at_every_address_browsers_ask(client, db):
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200 and icon["Content-Type"] == "image/x-icon"
    assert b"".join(icon.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO file
    html = client.get("/").content.decode()
    assert '<link rel="icon" href="/favicon.ico" sizes="32x32">' in html
    svg = re.search(r'<link rel="icon" href="/static/(favicon[^"]*\.svg)" type="image/svg\+xml">', html)
    assert svg and finders.find(svg.group(1)).endswith("static/favicon.svg")  # served as every static file
    # (tests/tracker/public/test_browse_browser.py fetches it from a running server)


def test_the_open_datas_page_reads_in_urdu(client, db):
    response = client.get("/ur/data/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ur" dir="rtl">' in html
    assert "<h1>اوپن ڈیٹا</h1>" in html
    assert 'hreflang="en" href="http://testserver/data/"' in html
    assert client.get("/data/").status_code == 200
    assert client.get("/ur/data/manifest.json").status_code == 404  # not built yet, at both addresses

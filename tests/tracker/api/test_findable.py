"""Findable pages: sitemap.xml lists every published record page with its last-modified date (and nothing a
reader may not see), every record page carries Open Graph and Twitter card tags and a link to its API object,
and the commitment, person, office and jurisdiction pages carry schema.org JSON-LD."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from tracker import publishing
from tracker.publishing.takedown import take_down

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_entries(client):
    index = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 - our own sitemap
    entries = {}
    for section in index.findall("s:sitemap/s:loc", NS):
        answer = client.get(section.text.replace("http://testserver", ""))
        assert answer.status_code == 200
        for url in ET.fromstring(answer.content).findall("s:url", NS):  # noqa: S314
            lastmod = url.find("s:lastmod", NS)
            entries[url.find("s:loc", NS).text] = lastmod.text if lastmod is not None else None
    return entries


def test_the_sitemap_lists_published_record_pages_with_their_last_modified_date(client, quetta):
    entries = sitemap_entries(client)
    page = f"http://testserver{quetta.files.get_absolute_url()}"
    # The day in the site's time zone (Asia/Karachi), as the sitemap writes it: after 19:00 UTC that is
    # already the next day.
    assert entries[page].startswith(timezone.localtime(quetta.files.last_published_at).date().isoformat())
    for record in (quetta.decision, quetta.people.b, quetta.dc, quetta.quetta, quetta.water):
        assert f"http://testserver{record.get_absolute_url()}" in entries
    assert "http://testserver/commitments/" in entries


def test_the_sitemap_leaves_out_drafts_unpublished_and_taken_down_records(client, quetta, moderator):
    take_down(quetta.files, notice="Court order.", user=moderator)
    publishing.unpublish(quetta.water, user=moderator, reason="Duplicate")
    entries = sitemap_entries(client)
    assert f"http://testserver{quetta.files.get_absolute_url()}" not in entries
    assert f"http://testserver{quetta.water.get_absolute_url()}" not in entries


def meta(content, key):
    found = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)"', content)
    return found.group(1) if found else None


@pytest.mark.parametrize("record", ["files", "decision", "dc", "quetta", "person"])
def test_every_record_page_has_open_graph_and_twitter_tags(client, quetta, record):
    found = quetta.people.b if record == "person" else getattr(quetta, record)
    content = client.get(found.get_absolute_url()).content.decode()
    assert meta(content, "og:title") == str(found).replace("'", "&#x27;")
    assert meta(content, "og:url") == f"http://testserver{found.get_absolute_url()}"
    assert meta(content, "og:description")
    assert meta(content, "twitter:card") == "summary" and meta(content, "twitter:title")
    api = re.search(r'<link rel="alternate" type="application/json" href="([^"]+)"', content).group(1)
    assert client.get(api).json()["id"] == found.pk


@pytest.mark.parametrize(
    ("record", "kind"),
    [("files", "Action"), ("dc", "GovernmentOrganization"), ("quetta", "AdministrativeArea"), ("person", "Person")],
)
def test_commitment_person_office_and_jurisdiction_pages_have_schema_org_json_ld(client, quetta, record, kind):
    found = quetta.people.b if record == "person" else getattr(quetta, record)
    content = client.get(found.get_absolute_url()).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S).group(1)
    data = json.loads(block)
    assert data["@context"] == "https://schema.org" and data["@type"] == kind
    assert data["url"] == f"http://testserver{found.get_absolute_url()}"

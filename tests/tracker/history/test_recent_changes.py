"""/changes/: the latest published revisions of the whole site as a page, newest first, in both languages, each
with what it changed and its permanent revision; never a record the public may not see."""

import datetime
import re

import pytest
from django.utils import timezone

from tests import scenario
from tests.factories import CommitmentFactory
from tracker.history import recent
from tracker.publishing import takedown

pytestmark = pytest.mark.django_db


def entries(response):
    """(kind, name, revision address) of each change listed, in order."""
    html = response.content.decode()
    found = []
    for item in re.findall(r"<li>(.*?)</li>", html.split('<ol class="changes-list">', 1)[1].split("</ol>")[0], re.S):
        kind = re.search(r'<span class="meta">([^<]+)</span>', item).group(1)
        name = re.sub(r"<[^>]+>", "", re.search(r"<bdi>(.*?)</bdi></a>", item, re.S).group(1)).strip()
        revision = re.search(r'<a href="([^"]+/history/\d+/)">', item).group(1)
        found.append((kind, name, revision))
    return found


def said(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", response.content.decode()))


def test_the_newest_changes_come_first_with_what_they_changed(client, file_tracking_history):
    gwadar = scenario.published_commitment(title="Water supply for Gwadar", summary="Add the Gwadar promise")
    response = client.get("/changes/")
    assert response.status_code == 200
    listed = entries(response)
    slug = file_tracking_history.commitment.slug
    assert listed[0] == ("Commitment", "Water supply for Gwadar", f"/commitments/{gwadar.slug}/history/1/")
    mine = [e for e in listed if e[1] == "File tracking system for the secretariat"]
    assert [e[2] for e in mine] == [f"/commitments/{slug}/history/{n}/" for n in (3, 2, 1)]
    text = said(response)
    # The edit summary, and what the revision changed in words, with its compare.
    assert "“Stalled: no funds released” What changed: What was promised edited; Status: In progress → Stalled" in text
    assert f'href="/commitments/{slug}/history/compare/2/3/"' in response.content.decode()
    assert "“Add the Gwadar promise” What changed: First published" in text
    assert 'href="/feeds/changes/"' in response.content.decode()  # the feed of the same changes


def test_a_record_the_public_may_not_see_is_not_listed(client, file_tracking_history):
    hidden = scenario.published_commitment(title="Sewerage for Sariab", summary="Add")
    assert "Sewerage for Sariab" in said(client.get("/changes/"))
    takedown.take_down(hidden, notice="Removed on a court's order.")
    assert "Sewerage for Sariab" not in said(client.get("/changes/"))
    draft = CommitmentFactory(title="A draft never published", live=False)
    scenario.add_revisions(draft, 1, start=timezone.now())  # even with a revision in the log
    assert "A draft never published" not in said(client.get("/changes/"))
    assert [e[1] for e in entries(client.get("/changes/"))].count("File tracking system for the secretariat") == 3


def test_changes_are_paged_newest_first(client, file_tracking_history):
    busy = CommitmentFactory(title="Busy promise")
    start = timezone.now() + datetime.timedelta(minutes=1)
    scenario.add_revisions(busy, 30, start=start, step=datetime.timedelta(minutes=1))
    first = client.get("/changes/")
    numbers = [int(e[2].rstrip("/").rsplit("/", 1)[1]) for e in entries(first) if e[1] == "Busy promise"]
    assert numbers == list(range(30, 30 - recent.PER_PAGE, -1))
    assert 'rel="next" href="?page=2"' in first.content.decode()
    second = client.get("/changes/?page=2")
    listed = entries(second)
    assert [e[2].rstrip("/").rsplit("/", 1)[1] for e in listed[:5]] == ["5", "4", "3", "2", "1"]
    assert listed[5][1] == "File tracking system for the secretariat"
    assert 'rel="prev"' in second.content.decode()


def test_recent_changes_read_in_urdu(client, file_tracking_history):
    response = client.get("/ur/changes/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ur" dir="rtl">' in html
    assert "<h1>حالیہ تبدیلیاں</h1>" in html
    assert f'href="/ur/commitments/{file_tracking_history.commitment.slug}/history/3/"' in html
    assert "What changed" not in html and "Revision 3" not in html

"""Atom feeds of published changes, read by a real feed parser: entries link to the revision and to
what changed, and name the publishing organisation, never an editor."""

import feedparser
import pytest

pytestmark = pytest.mark.django_db


def parse(client, address):
    response = client.get(address)
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def links(entry):
    return {link.rel: link.href for link in entry.links}


def test_commitment_feed(client, file_tracking_history):
    slug = file_tracking_history.commitment.slug
    feed = parse(client, f"/commitments/{slug}/feed/")

    assert feed.version == "atom10"
    assert feed.feed.title == "Commitment “File tracking system for the secretariat”: published changes"
    assert [e.title.rsplit(": ", 1)[1] for e in feed.entries] == ["revision 3", "revision 2", "revision 1"]
    newest = feed.entries[0]
    base = f"http://testserver/commitments/{slug}/history/"
    assert links(newest) == {"alternate": f"{base}3/", "related": f"{base}compare/2/3/"}
    assert newest.author == "Accountability Tracker editors"
    assert "“Stalled: no funds released”" in newest.summary
    assert "Status: In progress → Stalled" in newest.summary
    assert file_tracking_history.revisions[2].hash in newest.summary
    assert newest.published_parsed[:6] == file_tracking_history.revisions[2].published_at.utctimetuple()[:6]
    assert "related" not in links(feed.entries[2])  # the first revision has nothing to compare with


def test_site_wide_changes_feed(client, file_tracking_history):
    from tests import scenario

    scenario.published_commitment(title="Water supply for Gwadar", summary="Add the Gwadar promise")

    feed = parse(client, "/feeds/changes/")
    titles = [e.title for e in feed.entries]
    assert titles[0] == "Commitment “Water supply for Gwadar”: revision 1"
    assert "Commitment “File tracking system for the secretariat”: revision 3" in titles
    assert len([t for t in titles if "File tracking" in t]) == 3
    assert all(e.author == "Accountability Tracker editors" for e in feed.entries)
    body = client.get("/feeds/changes/").content.decode().lower()
    assert "zubaida" not in body


def test_feed_of_unknown_record_is_404(client, db):
    assert client.get("/commitments/nothing-here/feed/").status_code == 404


NOTICE = "Removed on the order of the Balochistan High Court."


@pytest.mark.parametrize("address", ["/feeds/changes/", "record feed"])
def test_a_takedown_after_the_feed_was_read_shows_its_notice_on_the_next_read(
    client, file_tracking_history, offices, address
):
    """Feeds keep their rendered entries (tracker/history/feeds.py): a takedown of a record that a kept
    entry names, or its restore, must show on the very next read."""
    from tracker.publishing import takedown

    record, dc = file_tracking_history.commitment, offices.dc.title
    if address == "record feed":
        address = f"/commitments/{record.slug}/feed/"

    def third_revision():
        feed = parse(client, address)
        return next(e.summary for e in feed.entries if e.title.endswith(f"“{record.title}”: revision 3"))

    first = third_revision()
    assert dc in first and NOTICE not in first
    assert third_revision() == first  # read again, from the kept entries

    takedown.take_down(offices.dc, notice=NOTICE)
    withheld = third_revision()
    assert dc not in withheld and offices.dc.slug not in withheld
    assert NOTICE in withheld
    assert dc not in client.get(address).content.decode()

    takedown.restore(offices.dc, reason="The order was set aside on appeal.")
    assert third_revision() == first


def test_kept_entries_follow_the_address_and_language_asked(client, file_tracking_history):
    record = file_tracking_history.commitment
    address = f"/commitments/{record.slug}/feed/"
    parse(client, address)
    other_host = feedparser.parse(client.get(address, headers={"host": "tracker.example.org"}).content)
    assert other_host.entries[0].link.startswith("http://tracker.example.org/")
    assert "tracker.example.org" in other_host.entries[0].summary
    urdu = feedparser.parse(client.get("/ur" + address).content)
    assert urdu.entries[0].link.startswith("http://testserver/ur/")
    assert urdu.entries[0].summary != parse(client, address).entries[0].summary

"""Who is told of a change: followers of the commitment, of its old and new owner offices, of the people
holding them, of its place and the places above, of a search that takes it in; in a fixed number of
queries however many follow; digests once per period; the feeds of what one follows say the same."""

import datetime

import feedparser
import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests import factories, scenario
from tracker.following import fanout
from tracker.following.targets import changes_of, search_matches
from tracker.models import Commitment, Follow, Follower, PublicRevision
from tracker.models.following import Frequency

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def followed_records(committed):
    province = factories.JurisdictionFactory(name="Balochistan", tier="province")
    district = factories.JurisdictionFactory(name="Quetta", parent=province)
    old_owner = factories.OfficeFactory(title="Chief Secretary", organization__jurisdiction=province)
    new_owner = factories.OfficeFactory(title="Deputy Commissioner Quetta", kind="appointed")
    holder = factories.PersonFactory(name="Ayesha Khan")
    factories.TenureFactory(office=new_owner, person=holder, start_date=D(2020, 1, 1))
    with committed():
        promise = scenario.published_commitment(
            title="Clean water for Quetta", owner_office=old_owner, jurisdiction=district, summary="Add"
        )
    promise = Commitment.objects.get(pk=promise.pk)
    promise.owners.all().delete()
    promise = Commitment.objects.get(pk=promise.pk)
    promise.owners.add(
        factories.CommitmentOwnerFactory.build(commitment=promise, office=new_owner, role="administrative")
    )
    return {
        "promise": promise,
        "province": province,
        "district": district,
        "old_owner": old_owner,
        "new_owner": new_owner,
        "holder": holder,
    }


def transfer(followed_records, committed):
    with committed():
        return scenario.publish(followed_records["promise"], summary="Moved to the deputy commissioner")


def test_a_transfer_concerns_both_owners_their_holder_and_the_places_above(followed_records, committed):
    transfer(followed_records, committed)
    [change] = changes_of([PublicRevision.objects.order_by("-sequence").first()])
    expected = {
        ("commitments", followed_records["promise"].pk),
        ("offices", followed_records["old_owner"].pk),
        ("offices", followed_records["new_owner"].pk),
        ("people", followed_records["holder"].pk),
        ("jurisdictions", followed_records["district"].pk),
        ("jurisdictions", followed_records["province"].pk),
    }
    assert expected <= change.targets


@pytest.mark.parametrize(
    ("search", "matches"),
    [
        ({"q": "clean WATER"}, True),
        ({"q": "water electricity"}, False),
        ({"q": "water", "status": "stalled"}, False),
        ({"q": "water", "status": "not_started"}, True),
        ({"kind": "commitment", "jurisdiction": "balochistan"}, True),
        ({"kind": "office"}, False),
        ({"owner": "deputy-commissioner-quetta"}, True),
        ({"office_kind": "elected"}, False),
        ({"overdue": "1"}, True),
    ],
)
def test_a_search_takes_in_what_its_words_and_filters_say(followed_records, committed, search, matches):
    transfer(followed_records, committed)
    followed_records["province"].slug, followed_records["new_owner"].slug = "balochistan", "deputy-commissioner-quetta"
    type(followed_records["province"]).objects.filter(pk=followed_records["province"].pk).update(slug="balochistan")
    type(followed_records["new_owner"]).objects.filter(pk=followed_records["new_owner"].pk).update(
        slug="deputy-commissioner-quetta"
    )
    [change] = changes_of([PublicRevision.objects.order_by("-sequence").first()])
    assert search_matches(search, change, today=D(2025, 1, 1)) is matches


def follow(email, kind, object_id=None, search=None, frequency=Frequency.AT_ONCE):
    follower, _ = Follower.objects.get_or_create(email=email, defaults={"frequency": frequency})
    Follow.objects.create(
        follower=follower, kind=kind, object_id=object_id, search=search or {}, confirmed_at=timezone.now()
    )


def test_each_address_gets_one_mail_with_every_change_it_follows(followed_records, committed):
    follow("office@example.org", "offices", followed_records["old_owner"].pk)
    follow("person@example.org", "people", followed_records["holder"].pk)
    follow("place@example.org", "jurisdictions", followed_records["province"].pk)
    follow("place@example.org", "commitments", followed_records["promise"].pk)
    follow("search@example.org", "search", search={"q": "water"})
    follow("elsewhere@example.org", "jurisdictions", factories.JurisdictionFactory().pk)
    transfer(followed_records, committed)
    assert sorted(m.to[0] for m in mail.outbox) == [
        "office@example.org",
        "person@example.org",
        "place@example.org",
        "search@example.org",
    ]


def queries_to_send(count, followed_records, committed):
    Follower.objects.all().delete()
    for n in range(count):
        follow(f"reader{n}@example.org", "commitments", followed_records["promise"].pk)
    follow("searcher@example.org", "search", search={"q": "water"})
    PublicRevision.objects.order_by("-sequence").first()
    from tracker.models import SendCursor

    SendCursor.objects.filter(name="alerts").update(sequence=0)
    mail.outbox.clear()
    with CaptureQueriesContext(connection) as queries:
        fanout.send_new_alerts()
    assert len(mail.outbox) == count + 1
    return len(queries)


def test_fan_out_takes_the_same_number_of_queries_for_5_or_60_followers(followed_records, committed):
    transfer(followed_records, committed)
    assert queries_to_send(5, followed_records, committed) == queries_to_send(60, followed_records, committed)


def test_a_daily_digest_is_sent_once_with_the_days_changes(followed_records, committed):
    follow("daily@example.org", "commitments", followed_records["promise"].pk, frequency=Frequency.DAILY)
    transfer(followed_records, committed)
    assert mail.outbox == []  # not at once
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    assert fanout.send_digests(Frequency.DAILY, now=tomorrow) == 1
    [digest] = mail.outbox
    assert "daily digest" in digest.subject and "Moved to the deputy commissioner" in digest.body
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert fanout.send_digests(Frequency.DAILY, now=tomorrow) == 0
    assert fanout.send_digests(Frequency.WEEKLY, now=tomorrow + datetime.timedelta(days=7)) == 0  # nobody weekly


def test_the_feeds_of_what_one_follows(client, followed_records, committed):
    transfer(followed_records, committed)
    office = feedparser.parse(client.get(f"/offices/{followed_records['new_owner'].slug}/follow/feed/").content)
    assert any("Clean water for Quetta" in entry.title for entry in office.entries)
    person = feedparser.parse(client.get(f"/people/{followed_records['holder'].slug}/follow/feed/").content)
    assert any("Clean water for Quetta" in entry.title for entry in person.entries)
    place = feedparser.parse(client.get(f"/jurisdictions/{followed_records['province'].slug}/follow/feed/").content)
    assert [e.title for e in place.entries if "Clean water" in e.title] == [
        "Commitment “Clean water for Quetta”: revision 2",
        "Commitment “Clean water for Quetta”: revision 1",
    ]
    found = feedparser.parse(client.get("/follow/search/feed/", {"q": "water", "status": "not_started"}).content)
    assert found.feed.title == "Accountability Tracker: Search for “water” (status: not_started)"
    assert len(found.entries) == 2
    assert client.get("/follow/search/feed/", {"status": "made-up"}).status_code == 404
    assert client.get("/commitments/x/follow/feed/").status_code == 404


@pytest.mark.parametrize(
    ("q", "matches"),
    [
        ("کوئٹہ پانی", True),
        ("كوئٹه پانى", True),  # typed on an Arabic keyboard: Arabic kaf, heh and alef maksura
        ("پا\u200cنی", True),  # a zero-width non-joiner inside the word
        ("بجلی", False),
    ],
)
def test_a_followed_urdu_search_reads_words_as_the_search_page_does(followed_records, committed, q, matches):
    followed_records["promise"].title_ur = "کوئٹہ کے لیے صاف پانی"
    transfer(followed_records, committed)
    [change] = changes_of([PublicRevision.objects.order_by("-sequence").first()])
    assert search_matches({"q": q}, change, today=D(2025, 1, 1)) is matches

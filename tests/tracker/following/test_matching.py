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
def world(committed):
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


def transfer(world, committed):
    with committed():
        return scenario.publish(world["promise"], summary="Moved to the deputy commissioner")


def test_a_transfer_concerns_both_owners_their_holder_and_the_places_above(world, committed):
    transfer(world, committed)
    [change] = changes_of([PublicRevision.objects.order_by("-sequence").first()])
    expected = {
        ("commitments", world["promise"].pk),
        ("offices", world["old_owner"].pk),
        ("offices", world["new_owner"].pk),
        ("people", world["holder"].pk),
        ("jurisdictions", world["district"].pk),
        ("jurisdictions", world["province"].pk),
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
def test_a_search_takes_in_what_its_words_and_filters_say(world, committed, search, matches):
    transfer(world, committed)
    world["province"].slug, world["new_owner"].slug = "balochistan", "deputy-commissioner-quetta"
    type(world["province"]).objects.filter(pk=world["province"].pk).update(slug="balochistan")
    type(world["new_owner"]).objects.filter(pk=world["new_owner"].pk).update(slug="deputy-commissioner-quetta")
    [change] = changes_of([PublicRevision.objects.order_by("-sequence").first()])
    assert search_matches(search, change, today=D(2025, 1, 1)) is matches


def follow(email, kind, object_id=None, search=None, frequency=Frequency.AT_ONCE):
    follower, _ = Follower.objects.get_or_create(email=email, defaults={"frequency": frequency})
    Follow.objects.create(
        follower=follower, kind=kind, object_id=object_id, search=search or {}, confirmed_at=timezone.now()
    )


def test_each_address_gets_one_mail_with_every_change_it_follows(world, committed):
    follow("office@example.org", "offices", world["old_owner"].pk)
    follow("person@example.org", "people", world["holder"].pk)
    follow("place@example.org", "jurisdictions", world["province"].pk)
    follow("place@example.org", "commitments", world["promise"].pk)
    follow("search@example.org", "search", search={"q": "water"})
    follow("elsewhere@example.org", "jurisdictions", factories.JurisdictionFactory().pk)
    transfer(world, committed)
    assert sorted(m.to[0] for m in mail.outbox) == [
        "office@example.org",
        "person@example.org",
        "place@example.org",
        "search@example.org",
    ]


def queries_to_send(count, world, committed):
    Follower.objects.all().delete()
    for n in range(count):
        follow(f"reader{n}@example.org", "commitments", world["promise"].pk)
    follow("searcher@example.org", "search", search={"q": "water"})
    PublicRevision.objects.order_by("-sequence").first()
    from tracker.models import SendCursor

    SendCursor.objects.filter(name="alerts").update(sequence=0)
    mail.outbox.clear()
    with CaptureQueriesContext(connection) as queries:
        fanout.send_new_alerts()
    assert len(mail.outbox) == count + 1
    return len(queries)


def test_fan_out_takes_the_same_number_of_queries_for_5_or_60_followers(world, committed):
    transfer(world, committed)
    assert queries_to_send(5, world, committed) == queries_to_send(60, world, committed)


def test_a_daily_digest_is_sent_once_with_the_days_changes(world, committed):
    follow("daily@example.org", "commitments", world["promise"].pk, frequency=Frequency.DAILY)
    transfer(world, committed)
    assert mail.outbox == []  # not at once
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    assert fanout.send_digests(Frequency.DAILY, now=tomorrow) == 1
    [digest] = mail.outbox
    assert "daily digest" in digest.subject and "Moved to the deputy commissioner" in digest.body
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert fanout.send_digests(Frequency.DAILY, now=tomorrow) == 0
    assert fanout.send_digests(Frequency.WEEKLY, now=tomorrow + datetime.timedelta(days=7)) == 0  # nobody weekly


def test_the_feeds_of_what_one_follows(client, world, committed):
    transfer(world, committed)
    office = feedparser.parse(client.get(f"/offices/{world['new_owner'].slug}/follow/feed/").content)
    assert any("Clean water for Quetta" in entry.title for entry in office.entries)
    person = feedparser.parse(client.get(f"/people/{world['holder'].slug}/follow/feed/").content)
    assert any("Clean water for Quetta" in entry.title for entry in person.entries)
    place = feedparser.parse(client.get(f"/jurisdictions/{world['province'].slug}/follow/feed/").content)
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
def test_a_followed_urdu_search_reads_words_as_the_search_page_does(world, committed, q, matches):
    world["promise"].title_ur = "کوئٹہ کے لیے صاف پانی"
    transfer(world, committed)
    [change] = changes_of([PublicRevision.objects.order_by("-sequence").first()])
    assert search_matches({"q": q}, change, today=D(2025, 1, 1)) is matches

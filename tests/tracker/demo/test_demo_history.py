"""The demo's history spans the years its sample data describes: every public revision is stamped when
what it records happened or became known (places and offices when the tracker began, each holder when
posted, each promise, status change and decision as it was published), the chains and the site-wide log
still verify, and a signed digest exists for every hour in which something was published."""

import datetime
import hashlib
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from tracker.demo import tracker_began
from tracker.history.digest import signed_listing
from tracker.models import Commitment, Office, PublicRevision, SignedDigest, Tenure

pytestmark = pytest.mark.django_db
FILE_TRACKING = "file-tracking-system-for-the-balochistan-secretariat"


def local_day(moment):
    return timezone.localtime(moment).date()


def test_revisions_are_stamped_across_the_years_they_describe(demo):
    years = {local_day(r.published_at).year for r in PublicRevision.objects.all()}
    assert len(years) >= 5, years
    assert min(years) < timezone.localdate().year - 5
    promise = Commitment.objects.get(slug=FILE_TRACKING)
    revisions = list(PublicRevision.objects.for_record(promise).order_by("number"))
    days = [local_day(r.published_at) for r in revisions]
    # Added a week after it was made (14 March 2019); each status change published two days after it.
    assert days == [datetime.date(2019, 3, 21), datetime.date(2019, 9, 12), datetime.date(2021, 2, 17)]
    assert local_day(promise.first_published_at) == days[0] and local_day(promise.last_published_at) == days[-1]
    assert all(r.edit_summary.startswith("Sample data") for r in PublicRevision.objects.filter(number=1))


def test_places_and_offices_were_entered_when_the_tracker_began(demo):
    quetta = PublicRevision.objects.filter(content__slug="quetta-district").get()
    assert quetta.published_at == tracker_began()
    assert not PublicRevision.objects.filter(published_at__lt=tracker_began()).exists()
    assert not PublicRevision.objects.filter(published_at__gt=timezone.now()).exists()


def test_the_chains_and_the_site_wide_log_still_verify(demo):
    out = StringIO()
    call_command("verify_history", stdout=out)
    assert "every chain is intact" in out.getvalue()


def test_a_signed_digest_covers_every_publishing_hour(demo):
    hours = {r.published_at.replace(minute=0, second=0, microsecond=0) for r in PublicRevision.objects.all()}
    digests = list(SignedDigest.objects.order_by("ends_at"))
    ends = {d.ends_at for d in digests}
    assert {hour + datetime.timedelta(hours=1) for hour in hours} <= ends | {max(ends)}
    assert local_day(digests[0].ends_at).year < timezone.localdate().year - 5
    for digest in digests[:: max(1, len(digests) // 10)] + digests[-1:]:
        assert hashlib.sha256(signed_listing(digest).encode()).hexdigest() == digest.sha256
    assert f"the latest {digests[-1].sha256}" in demo


def test_the_history_page_shows_the_promise_evolving_over_the_years(demo, client):
    html = client.get(f"/commitments/{FILE_TRACKING}/history/").content.decode()
    for day in ("21 March 2019", "12 September 2019", "17 February 2021"):
        assert day in html


def tenures_named(revision):
    return revision.content.get("parts", {}).get("tenures", [])


def test_no_revision_names_a_holder_before_they_were_posted_or_an_end_before_it_came(demo):
    """Each fact is published when it became known: no revision of an office names a tenure that began
    after the revision was published, or an end that had not come."""
    offices = PublicRevision.objects.filter(content__type="tracker.office")
    assert offices.count() > Office.objects.count()  # offices were published again as holders changed
    for revision in offices:
        day = local_day(revision.published_at)
        for tenure in tenures_named(revision):
            assert datetime.date.fromisoformat(tenure["start_date"]) <= day, (revision.content["slug"], tenure)
            if tenure["end_date"]:
                assert datetime.date.fromisoformat(tenure["end_date"]) <= day, (revision.content["slug"], tenure)


def test_a_chief_minister_appears_in_the_record_when_she_took_office(demo):
    office = Office.objects.get(slug="chief-minister-balochistan")
    current = office.tenures.get(end_date=None)
    revisions = list(PublicRevision.objects.for_record(office).order_by("number"))
    first = revisions[0]
    assert first.published_at == tracker_began()
    # When the tracker began, only the chief minister elected in 2013 was in office, his end not yet come.
    assert [(t["start_date"], t["end_date"]) for t in tenures_named(first)] == [("2013-06-07", None)]
    naming_her = [r for r in revisions if current.person.name in {t["person"]["name"] for t in tenures_named(r)}]
    assert local_day(naming_her[0].published_at) == current.start_date == datetime.date(2024, 3, 2)
    # The caretaker's charge ended the day before: the same revision says so.
    caretaker = {t["start_date"]: t for t in tenures_named(naming_her[0])}["2023-08-18"]
    assert caretaker["end_date"] == "2024-03-01"
    assert [local_day(r.published_at) for r in revisions] == sorted(local_day(r.published_at) for r in revisions)


def test_people_are_published_on_their_first_posting(demo):
    first_posted = {}
    for tenure in Tenure.objects.select_related("person"):
        person = tenure.person
        first_posted[person] = min(first_posted.get(person, tenure.start_date), tenure.start_date)
    began = local_day(tracker_began())
    for person, posted in first_posted.items():
        published = local_day(PublicRevision.objects.for_record(person).get(number=1).published_at)
        assert published == max(posted, began), person.name

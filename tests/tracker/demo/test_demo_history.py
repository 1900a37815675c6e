"""The demo's history spans the years its sample data describes: every public revision is stamped when
what it records happened (places, offices and people when the tracker began, each promise, status change
and decision as it was published), the chains and the site-wide log still verify, and a signed digest
exists for every hour in which something was published."""

import datetime
import hashlib
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from tracker.demo import tracker_began
from tracker.history.digest import signed_listing
from tracker.models import Commitment, PublicRevision, SignedDigest

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

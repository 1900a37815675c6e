"""What the caching proxy is told after a change of the public state (tracker/public/frontend_cache.py):
exactly the pages the change touched, purged after the commit (and once more by a worker), and, for a
record that leaves the public site or comes back, every address under its own."""

import contextlib
import datetime

import pytest
from django.db import connection

from tests import factories, scenario
from tests.deploy import recording
from tracker.models import Office, vocabulary
from tracker.public import frontend_cache
from tracker.publishing.takedown import restore, take_down

pytestmark = pytest.mark.django_db
SITE_WIDE = {"/", "/commitments/", "/feeds/changes/", "/accountability/", "/search/"}


@pytest.fixture(autouse=True)
def proxy(settings):
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {"BACKEND": "tests.deploy.recording.RecordingBackend", "LOCATION": "http://127.0.0.1:9"}
    }
    recording.clear()
    yield recording
    recording.clear()


@contextlib.contextmanager
def committed():
    """Run what waits for a commit at the end of the block, as a commit would, and forget it (the test's
    own transaction never commits; work asked for once per transaction must be asked for again)."""
    waiting = len(connection.run_on_commit)
    yield
    while len(connection.run_on_commit) > waiting:
        _savepoints, callback, _robust = connection.run_on_commit.pop(waiting)
        callback()


@pytest.fixture
def owned_commitment():
    """A commitment owned by an office held by a person, for a place inside a province."""
    with committed():
        return _world()


def _world():
    province = factories.JurisdictionFactory(name="Balochistan", tier=vocabulary.JurisdictionTier.PROVINCE)
    district = factories.JurisdictionFactory(name="Quetta", parent=province)
    holder = factories.PersonFactory(name="Ayesha Khan")
    organization = factories.OrganizationFactory(jurisdiction=district)
    office = scenario.office(
        title="DC Quetta", organization=organization, tenures=[(holder, datetime.date(2020, 1, 1))]
    )
    scenario.publish(office)
    promise = scenario.published_commitment(title="Clean water", owner_office=office, jurisdiction=district)
    other = scenario.published_commitment(title="Unrelated promise")
    return {
        "province": province,
        "district": district,
        "holder": holder,
        "office": office,
        "promise": promise,
        "other": other,
    }


def publish_change(record, summary="Update"):
    recording.clear()
    with committed():
        scenario.publish(record, summary=summary)
    return set(recording.PURGED)


def test_a_status_change_purges_the_record_its_lists_and_its_owners_pages(owned_commitment):
    promise = owned_commitment["promise"]
    scenario.add_status_change(promise, "in_progress", on=datetime.date(2022, 1, 5))
    purged = publish_change(promise)
    slug = promise.slug
    own = {f"/commitments/{slug}/", f"/commitments/{slug}/history/", f"/commitments/{slug}/feed/"}
    owners = {
        f"/offices/{owned_commitment['office'].slug}/",
        f"/people/{owned_commitment['holder'].slug}/",
        f"/jurisdictions/{owned_commitment['district'].slug}/",
        f"/jurisdictions/{owned_commitment['province'].slug}/",
    }
    assert own | owners | SITE_WIDE <= purged
    # Nothing else: not the permanent revision pages, not a promise the change does not touch.
    assert not any("/history/1/" in path or "/cite/" in path for path in purged)
    assert f"/commitments/{owned_commitment['other'].slug}/" not in purged
    # The feeds of the followed owners, and every followed search's feed (one address per query).
    assert {
        f"/offices/{owned_commitment['office'].slug}/follow/feed/",
        f"/people/{owned_commitment['holder'].slug}/follow/feed/",
    } <= purged
    assert f"/jurisdictions/{owned_commitment['district'].slug}/follow/feed/" in purged
    # Every address of the open data (API lists, cursors and filters; the sitemap) and followed searches.
    assert sorted(recording.BANNED) == sorted(frontend_cache.ALWAYS_BANNED * 2)  # at commit, then by the task
    assert {"^/api/", "^/sitemap", frontend_cache.SEARCH_FOLLOW_FEEDS} == set(frontend_cache.ALWAYS_BANNED)


def test_every_purge_is_repeated_once_by_a_worker(owned_commitment):
    promise = owned_commitment["promise"]
    promise.summary = "Now with a summary"
    publish_change(promise)
    assert recording.PURGED.count(f"/commitments/{promise.slug}/") == 2  # at commit, then by the task


def test_nothing_is_purged_before_the_commit(owned_commitment):
    recording.clear()
    scenario.publish(owned_commitment["promise"], summary="Not committed yet")
    assert recording.PURGED == []
    assert any(callback is frontend_cache._purge_pending for _s, callback, _r in connection.run_on_commit)


def test_a_tenure_change_purges_the_office_both_holders_and_the_commitments_it_owns(owned_commitment):
    office, newcomer = owned_commitment["office"], factories.PersonFactory(name="Bilal Ahmed")
    office = scenario.add_tenures(
        Office.objects.get(pk=office.pk), (newcomer, datetime.date(2024, 1, 2), None, vocabulary.TenureStart.ACTING)
    )
    purged = publish_change(office, summary="Transfer")
    expected = {
        f"/offices/{office.slug}/",
        f"/offices/{office.slug}/history/",
        f"/people/{owned_commitment['holder'].slug}/",
        f"/people/{newcomer.slug}/",
        f"/commitments/{owned_commitment['promise'].slug}/",
        f"/jurisdictions/{office.organization.jurisdiction.slug}/",
    }
    assert expected <= purged
    assert f"/commitments/{owned_commitment['other'].slug}/" not in purged


def test_a_takedown_bans_every_address_under_the_record_and_a_restore_again(owned_commitment):
    promise = owned_commitment["promise"]
    recording.clear()
    with committed():
        take_down(promise, notice="Court order")
    assert recording.BANNED.count(f"^/commitments/{promise.slug}/") == 2  # at commit, then by the task
    assert {f"/offices/{owned_commitment['office'].slug}/", *SITE_WIDE} <= set(recording.PURGED)
    recording.clear()
    with committed():
        restore(promise, reason="Order lifted")
    assert f"^/commitments/{promise.slug}/" in recording.BANNED


def test_a_takedown_bans_other_records_revisions_which_now_withhold_it(owned_commitment):
    """Issue 25, item 7: the commitment's revisions name its owner office, and a takedown of the office
    changes them (withheld), though they are cached as immutable."""
    import re

    office, slug = owned_commitment["office"], owned_commitment["promise"].slug
    for change in (lambda: take_down(office, notice="Court order"), lambda: restore(office, reason="Lifted")):
        recording.clear()
        with committed():
            change()
        history = [pattern for pattern in recording.BANNED if re.match(pattern, f"/commitments/{slug}/history/1/")]
        assert history and all(re.match(p, f"/ur/commitments/{slug}/cite/1/") for p in history)
        assert not any(re.match(p, f"/commitments/{slug}/") for p in history)  # the pages are purged, not banned


def test_the_ban_pattern_matches_the_record_and_nothing_else(owned_commitment):
    import re

    _paths, bans = frontend_cache.addresses_touched(owned_commitment["promise"], gone=True)
    english, urdu = sorted(bans - set(frontend_cache.ALWAYS_BANNED))
    slug = owned_commitment["promise"].slug
    for prefix, pattern in (("", english), ("/ur", urdu)):
        assert re.match(pattern, f"{prefix}/commitments/{slug}/history/compare/1/2/")
        assert re.match(pattern, f"{prefix}/commitments/{slug}/cite/1/")
        assert not re.match(pattern, f"{prefix}/commitments/{slug}-2/")
        assert not re.match(pattern, f"{prefix}/commitments/{owned_commitment['other'].slug}/")


def test_without_a_proxy_nothing_is_computed_or_sent(owned_commitment, settings):
    del settings.WAGTAILFRONTENDCACHE
    recording.clear()
    scenario.publish(owned_commitment["promise"], summary="No proxy")
    assert not any(callback is frontend_cache._purge_pending for _s, callback, _r in connection.run_on_commit)
    assert recording.PURGED == []


def test_a_bulk_publish_bans_every_address(owned_commitment):
    from tracker.models import Commitment
    from tracker.publishing.bulk import publish_new_records

    new = scenario.commitment(
        title="Generated promise 1",
        slug="generated-promise-1",
        jurisdiction=owned_commitment["district"],
        owners=[(owned_commitment["office"], vocabulary.OwnershipRole.ADMINISTRATIVE)],
        live=False,
    )
    recording.clear()
    with committed():
        publish_new_records(Commitment, [new], summary="Generated for a load test")
    assert recording.BANNED == [frontend_cache.EVERYTHING, frontend_cache.EVERYTHING]  # at commit, then again


def test_a_purge_the_proxy_did_not_answer_is_sent_by_beat_once_it_answers(owned_commitment, settings):
    """Issue 25, the outbox: the proxy was down when a change committed, and its purges (at once, and again
    by a worker) were lost for good. They are kept with the change; beat sends them once the proxy is back."""
    from tests.beat import run_every_minute_tasks

    settings.HTTP_CACHE_REPURGE_SECONDS = 0  # beat takes what was due a moment ago
    proxy = recording.RecordingProxy()
    settings.WAGTAILFRONTENDCACHE = proxy.backend_settings()
    try:
        proxy.stop()
        promise = owned_commitment["promise"]
        promise.summary = "Changed while the proxy was down"
        with committed():
            scenario.publish(promise, summary="Changed while the proxy was down")
        proxy.start()
        assert proxy.purged == [] and proxy.banned == []
        run_every_minute_tasks()
        page, office = f"/commitments/{promise.slug}/", f"/offices/{owned_commitment['office'].slug}/"
        assert proxy.purged.count(page) == 2 and proxy.purged.count(office) == 2  # at once, and again
        assert sorted(proxy.banned) == sorted(frontend_cache.ALWAYS_BANNED * 2)
        run_every_minute_tasks()  # nothing is left to send
        assert proxy.purged.count(page) == 2
    finally:
        proxy.stop()

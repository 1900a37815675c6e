"""HTTP caching of the public pages (tracker/public/http_caching.py): permanent pages say so, every other
public page carries validators tied to the version of the public state and answers 304 while the client's
copy is still the page, and a change of the public state (a publish, a takedown) is never answered 304.
Forms, the admin and signed-in visitors are never cached shared."""

import datetime
import time
from email.utils import formatdate
from types import SimpleNamespace

import pytest
from django.core.cache import cache

from tests import hostile, scenario
from tracker.history.transparency import make_checkpoint
from tracker.public import http_caching, public_state
from tracker.publishing.takedown import take_down

IMMUTABLE = "public, max-age=31536000, immutable"
pytestmark = pytest.mark.django_db


def settle():
    """Let the current version of the public state be a few seconds old, as it is between publishes
    (Last-Modified is only sent once the second of the latest change has passed)."""
    stamp = time.time_ns() - 5_000_000_000
    cache.set(public_state.VERSION_KEY, f"{stamp}-settled", None)


@pytest.fixture
def promise():
    record = scenario.published_commitment(title="Clean water for Sariab")
    settle()
    return record


def test_revision_compare_and_citation_pages_are_permanent(client, promise):
    scenario.add_status_change(promise, "in_progress", on=datetime.date(2022, 1, 5))
    scenario.publish(promise, summary="Work began")
    make_checkpoint()  # the hourly task's
    base = f"/commitments/{promise.slug}"
    for path in (f"{base}/history/1/", f"{base}/history/compare/1/2/", f"{base}/cite/2/", f"{base}/cite/1/?format=ris"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response["Cache-Control"] == IMMUTABLE, path
    assert "Clean water for Sariab" in client.get(f"{base}/history/1/").content.decode()


def test_a_revision_page_is_kept_a_short_while_until_a_checkpoint_covers_it(client, promise, settings):
    page = f"/commitments/{promise.slug}/history/1/"
    short = f"public, max-age=0, s-maxage={settings.HTTP_CACHE_SHARED_SECONDS}"
    waiting = client.get(page)
    assert waiting["Cache-Control"] == short
    assert "The next signed checkpoint of the log will include it." in waiting.content.decode()
    make_checkpoint()
    covered = client.get(page)
    assert covered["Cache-Control"] == IMMUTABLE
    assert "latest signed checkpoint</a> of 1 entry." in covered.content.decode()
    # With a timestamp authority configured, the box awaits its timestamp too.
    settings.TRANSPARENCY_LOG_TIMESTAMP_AUTHORITIES = ["authority http://127.0.0.1:9/ none.pem"]
    assert client.get(page)["Cache-Control"] == short


@pytest.mark.parametrize("address", ["/", "/commitments/", "/feeds/changes/", "/search/?q=water", "record", "history"])
def test_public_pages_carry_validators_and_a_short_shared_lifetime(client, promise, address, settings):
    path = {"record": f"/commitments/{promise.slug}/", "history": f"/commitments/{promise.slug}/history/"}.get(
        address, address
    )
    response = client.get(path)
    assert response.status_code == 200
    assert response["Cache-Control"] == f"public, max-age=0, s-maxage={settings.HTTP_CACHE_SHARED_SECONDS}"
    assert response["ETag"].startswith('"')
    assert response.has_header("Last-Modified")


def test_a_current_copy_is_answered_304_without_touching_the_database(client, promise, django_assert_num_queries):
    path = f"/commitments/{promise.slug}/"
    first = client.get(path)
    with django_assert_num_queries(0):
        again = client.get(path, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again["ETag"] == first["ETag"]
    assert again.content == b""
    # A weak copy of the same validator (a compressed answer) is the same page.
    assert client.get(path, HTTP_IF_NONE_MATCH=f'"other", W/{first["ETag"]}').status_code == 304
    # Another address, or another language, is another page.
    assert client.get("/commitments/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200
    assert client.get(f"/ur{path}", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_a_publish_makes_every_copy_stale(client, promise):
    path = f"/commitments/{promise.slug}/"
    before = client.get(path)
    scenario.add_status_change(promise, "stalled", on=datetime.date(2022, 6, 1))
    scenario.publish(promise, summary="Work stopped")
    after = client.get(path, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]
    assert "Stalled" in after.content.decode()


def test_the_feed_answers_304_to_if_modified_since_until_something_is_published(client, promise):
    first = client.get("/feeds/changes/")
    since = first["Last-Modified"]
    assert client.get("/feeds/changes/", HTTP_IF_MODIFIED_SINCE=since).status_code == 304
    earlier = formatdate(time.time() - 3600, usegmt=True)
    assert client.get("/feeds/changes/", HTTP_IF_MODIFIED_SINCE=earlier).status_code == 200
    scenario.published_commitment(title="A second promise")
    changed = client.get("/feeds/changes/", HTTP_IF_MODIFIED_SINCE=since)
    assert changed.status_code == 200
    assert "A second promise" in changed.content.decode()


def test_a_change_in_the_same_second_is_never_hidden_by_last_modified(client, promise, monkeypatch):
    """A version made less than a second ago gives no Last-Modified: whole seconds could not tell the
    page before the change from the page after it. The request is read in the very second of the publish
    (the page's clock stopped at the version's own moment), however long the publish itself took."""
    scenario.published_commitment(title="Published just now")
    moment = public_state.changed_at(public_state.version())
    monkeypatch.setattr(http_caching, "time", SimpleNamespace(time=lambda: moment))
    response = client.get("/feeds/changes/")
    assert not response.has_header("Last-Modified")
    assert client.get("/feeds/changes/", HTTP_IF_MODIFIED_SINCE=formatdate(usegmt=True)).status_code == 200


def test_a_taken_down_record_is_never_kept_by_a_cache(client, promise):
    path = f"/commitments/{promise.slug}/"
    before = client.get(path)
    take_down(promise, notice="Court order 12/2025")
    for address in (path, f"{path}history/1/"):
        response = client.get(address, HTTP_IF_NONE_MATCH=before["ETag"])
        assert response.status_code == 410
        assert response["Cache-Control"] == "no-store"
        assert "Court order 12/2025" in response.content.decode()


def test_unknown_addresses_and_bad_queries_are_not_stored(client, promise):
    assert client.get("/commitments/no-such-promise/")["Cache-Control"] == "no-store"
    assert client.get(f"/commitments/{promise.slug}/?on=yesterday")["Cache-Control"] == "no-store"


def test_forms_the_admin_and_signed_in_visitors_are_never_cached_shared(client, promise, admin_user):
    for path in ("/tips/", "/admin/login/"):
        response = client.get(path)
        assert "public" not in response.get("Cache-Control", ""), path
        assert "private" in response["Cache-Control"] or "no-store" in response["Cache-Control"], path
    client.force_login(admin_user)
    response = client.get(f"/commitments/{promise.slug}/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-cache"
    assert not response.has_header("ETag")


def test_pages_are_compressed(client, promise):
    response = client.get("/feeds/changes/", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert response["ETag"].startswith('W/"')  # compressed: a weak validator of the same page


def test_hostile_addresses_get_validators_that_differ(client, promise):
    tags = set()
    for name, text in hostile.HOSTILE.items():
        response = client.get("/search/", {"q": text[:200]})
        assert response.status_code in (200, 400), name
        if response.status_code == 200:
            tags.add(response["ETag"])
            assert response["Cache-Control"].startswith("public, max-age=0")
    assert len(tags) > 1

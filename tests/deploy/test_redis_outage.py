"""When Redis stops (docs/deploy.md, "When a part fails"). A real redis-server of the test's own is the
shared cache (config/cache.py), with everything the site keeps in it switched on as in production; the test
kills it, or freezes it (SIGSTOP: a Redis that does not answer and later comes back holding everything it
held). Every public page and the API still answer, from the database; a publish meanwhile commits and is
seen at once; when Redis returns, empty or with what it held before the publish, no page is stale; the
sign-in limit still counts and asking to follow is refused rather than let through uncounted."""

import logging
import os
import shutil
import signal
import time

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from tests import scenario
from tests.conftest import need
from tests.processes import Broker, answering, wait_for
from tracker import publishing
from tracker.models import Commitment, Follow
from tracker.public import public_state

pytestmark = pytest.mark.django_db

BACKEND = "config.cache.ResilientRedisCache"
RETRY_AFTER = 0.5
TIMEOUT = 0.25
OLD, NEW = "Clean water for Sariab", "Desalination plants for Sariab"


class Redis(Broker):
    """The test's redis-server, which it can kill (as a crash does), start again empty, freeze and thaw."""

    frozen = False

    def kill(self):
        self.process.kill()
        self.process.wait(timeout=10)
        self.process = None
        wait_for(lambda: not answering(self.port), timeout=10, what="redis-server to die")

    def freeze(self):
        os.kill(self.process.pid, signal.SIGSTOP)
        self.frozen = True

    def thaw(self):
        os.kill(self.process.pid, signal.SIGCONT)
        self.frozen = False


@pytest.fixture
def redis(settings, tmp_path):
    need("redis-server", shutil.which("redis-server"), "install Debian's redis-server package")
    server = Redis(tmp_path)
    server.start()
    settings.CACHES = {
        "default": {
            "BACKEND": BACKEND,
            "LOCATION": f"redis://127.0.0.1:{server.port}/1",
            "OPTIONS": {"RETRY_AFTER": RETRY_AFTER, "socket_timeout": TIMEOUT, "socket_connect_timeout": TIMEOUT},
        }
    }
    # Everything the site keeps in the shared cache is kept, as in production.
    settings.ACCOUNTABILITY_CACHE_SECONDS = settings.API_CACHE_SECONDS = 3600
    settings.PUBLIC_ROWS_CACHE_SECONDS = settings.HISTORY_DIGEST_CACHE_SECONDS = 3600
    settings.SEARCH = {**settings.SEARCH, "CACHE_ANSWERS": True}
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    yield server
    if server.frozen:
        server.thaw()
    server.stop()


def pages(slug):
    return [
        "/",
        "/commitments/",
        f"/commitments/{slug}/",
        f"/commitments/{slug}/history/",
        "/search/?q=sariab",
        "/accountability/",
        "/feeds/changes/",
        "/api/v1/commitments/",
        f"/api/v1/commitments/{slug}/",
    ]


def read(client, path, **headers):
    response = client.get(path, headers=headers)
    assert response.status_code == 200, f"{path} answered {response.status_code}"
    return response.content.decode()


def shows(client, path, title, **headers):
    """Whether the page at `path` names `title` (pages that list no titles answer None)."""
    if path == "/accountability/":
        read(client, path, **headers)
        return None
    if path.startswith("/search/"):  # the words searched for are marked in the titles of the results
        response = client.get(path, headers=headers)
        assert response.status_code == 200
        return title in [hit.title for hit in response.context["results"].hits]
    return title in read(client, path, **headers)


def shows_old(path):
    """Whether the page rightly names a record's earlier title too (the list of its revisions, the feed)."""
    return "history" in path or "feeds" in path


def test_every_public_page_and_the_api_answer_while_redis_is_stopped(client, redis, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # indexed for search, too
        promise = scenario.published_commitment(title=OLD)
    for path in pages(promise.slug):  # each page kept in Redis: its rows, its report, its search answer
        read(client, path)
        read(client, path)
    assert cache.get(public_state.VERSION_KEY) is not None
    redis.kill()
    for path in pages(promise.slug):
        started = time.monotonic()
        assert shows(client, path, OLD) in (True, None), path
        assert time.monotonic() - started < 5, path


# Committed for real: what follows each commit (the new version of the public state, the search index's
# drain) runs as it does on the site.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("how", ["killed, started again empty", "frozen, thawed with what it held"])
def test_a_publish_while_redis_is_away_is_seen_at_once_and_after_it_returns(client, redis, how):
    promise = scenario.published_commitment(title=OLD)
    validators = {}
    for path in pages(promise.slug):
        read(client, path)
        validators[path] = client.get(path)["ETag"]
    killed = how.startswith("killed")
    redis.kill() if killed else redis.freeze()

    record = Commitment.objects.get(pk=promise.pk)
    record.title = NEW
    revision = publishing.publish(record, summary="Title corrected from the notification")
    assert revision.number == 2  # the publish committed
    for path in pages(promise.slug):
        assert shows(client, path, NEW) in (True, None), f"{path} during the outage"
        assert shows_old(path) or not shows(client, path, OLD), f"{path} during the outage"

    redis.start() if killed else redis.thaw()
    time.sleep(RETRY_AFTER + 0.1)
    for path in pages(promise.slug):
        # A copy from before the publish is not current: no 304, the page as it is now.
        response = client.get(path, headers={"If-None-Match": validators[path]})
        assert response.status_code == 200, f"{path} after Redis returned"
        assert shows(client, path, NEW) in (True, None), f"{path} after Redis returned"
        assert shows_old(path) or not shows(client, path, OLD), f"{path} after Redis returned"
    # Redis is used again: the version is kept, and a page read twice is answered 304 the second time.
    assert cache.get(public_state.VERSION_KEY) is not None
    etag = client.get("/")["ETag"]
    assert client.get("/", headers={"If-None-Match": etag}).status_code == 304


def test_a_frozen_redis_costs_one_timeout_then_nothing_and_is_logged_once(client, redis, caplog):
    scenario.published_commitment(title=OLD)
    read(client, "/")
    redis.freeze()
    with caplog.at_level(logging.WARNING, logger="config.cache"):
        started = time.monotonic()
        assert cache.get(public_state.VERSION_KEY) is None  # waits for the timeout once
        waited = time.monotonic() - started
        started = time.monotonic()
        for _ in range(100):  # within RETRY_AFTER: Redis is not asked again
            assert cache.get(public_state.VERSION_KEY) is None
            cache.set("anything", 1)
        assert time.monotonic() - started < 0.1
        for _ in range(5):
            started = time.monotonic()
            read(client, "/")
            assert time.monotonic() - started < 1 + TIMEOUT
    assert TIMEOUT * 0.8 <= waited < TIMEOUT + 0.5
    warnings = [r for r in caplog.records if "does not answer" in r.getMessage()]
    assert len(warnings) == 1


def test_signing_in_works_and_its_limit_still_counts_while_redis_is_stopped(client, redis, editor):
    redis.kill()

    def sign_in(password):
        return client.post("/admin/login/", {"username": "editor", "password": password, "next": "/admin/"})

    assert sign_in("pass")["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200  # the session is read from the database
    client.logout()
    for _ in range(6):
        sign_in("guess")
    assert sign_in("pass").status_code == 429  # django-axes counts in the database, not in Redis


def test_asking_to_follow_is_refused_not_let_through_uncounted_while_redis_is_stopped(client, redis):
    promise = scenario.published_commitment(title=OLD)
    redis.kill()
    data = {"email": "reader@example.org", "target": f"commitments/{promise.slug}"}
    answer = client.post(reverse("tracker:follow"), data, REMOTE_ADDR="198.51.100.7")
    assert answer.status_code == 429
    assert "try again later" in answer.content.decode()
    assert not Follow.objects.exists() and not mail.outbox
    # Once Redis is back the same request is counted and goes through.
    redis.start()
    time.sleep(RETRY_AFTER + 0.1)
    assert client.post(reverse("tracker:follow"), data, REMOTE_ADDR="198.51.100.7").status_code == 200
    assert len(mail.outbox) == 1

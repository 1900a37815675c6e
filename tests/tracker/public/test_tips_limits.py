"""The tips limit counts each client, behind trusted proxies only, in the cache every worker shares."""

import json
import subprocess
import sys
import uuid

import pytest
import redis
from django.conf import settings as django_settings
from django.core.cache import caches
from django.test import RequestFactory

from tests.conftest import need
from tracker.public.tips import throttle

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.5"
TIP = {
    "kind": "new_commitment",
    "description": "The school on Sariab Road is still closed.",
    "url": "",
    "contact_email": "",
    "which_commitment": "",
    "website": "",
}


@pytest.fixture(autouse=True)
def fresh_limits():
    caches["default"].clear()
    yield
    caches["default"].clear()


def send(client, n, **meta):
    return client.post("/tips/", {**TIP, "description": f"{TIP['description']} ({n})"}, **meta).status_code


def test_a_made_up_forwarded_for_does_not_dodge_the_limit(client, settings):
    settings.TRUSTED_PROXIES = [PROXY]
    for n in range(5):
        assert send(client, n, REMOTE_ADDR="203.0.113.66", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}") == 302
    assert send(client, 6, REMOTE_ADDR="203.0.113.66", HTTP_X_FORWARDED_FOR="192.0.2.99") == 429


def test_behind_a_trusted_proxy_each_client_has_its_own_count(client, settings):
    settings.TRUSTED_PROXIES = [PROXY]
    for n in range(5):
        assert send(client, n, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.66") == 302
    assert send(client, 6, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.66") == 429
    # Everyone else reaches the site through the same proxy and is not held back.
    assert send(client, 7, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.20") == 302
    # Nor can the spammer pass as someone else by writing their address first.
    assert send(client, 8, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.20, 203.0.113.66") == 429


def _counted_in_one_seen_in_another(monkeypatch, first, second):
    request = RequestFactory().post("/tips/", REMOTE_ADDR=f"203.0.113.{uuid.uuid4().int % 250}")
    monkeypatch.setattr(throttle, "cache", first)
    for _ in range(throttle.limit()):
        assert not throttle.exhausted(request)
        throttle.count(request)
    monkeypatch.setattr(throttle, "cache", second)
    assert throttle.exhausted(request), "another worker does not see the count"


# Another worker process: Django set up with the same cache settings, sending tips from one address.
OTHER_WORKER = """
import json, sys
import django
from django.conf import settings
settings.configure(CACHES=json.loads(sys.argv[1]), TRUSTED_PROXIES=[], TIPS_PER_HOUR=5)
django.setup()
from django.test import RequestFactory
from tracker.public.tips import throttle
request = RequestFactory().post("/tips/", REMOTE_ADDR=sys.argv[2])
for _ in range(throttle.limit()):
    throttle.count(request)
"""


def test_the_count_is_shared_with_another_worker_process():
    address = f"203.0.113.{uuid.uuid4().int % 250}"
    request = RequestFactory().post("/tips/", REMOTE_ADDR=address)
    assert not throttle.exhausted(request)
    cache_settings = json.dumps(django_settings.CACHES, default=str)
    subprocess.run([sys.executable, "-c", OTHER_WORKER, cache_settings, address], check=True, timeout=120)
    assert throttle.exhausted(request), "this worker does not see the tips the other one counted"


def test_the_count_is_shared_by_every_connection_to_the_configured_cache(monkeypatch):
    """Two cache connections made from the settings, as two worker processes make them."""
    first, second = caches.create_connection("default"), caches.create_connection("default")
    _counted_in_one_seen_in_another(monkeypatch, first, second)


def test_the_count_is_shared_through_redis(monkeypatch, settings):
    url = "redis://127.0.0.1:6379/0"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
        available = True
    except redis.RedisError:
        available = False
    need("Redis", available, "start redis-server on 127.0.0.1:6379")
    prefix = f"tracker-test-{uuid.uuid4().hex}"
    settings.CACHES = {
        **settings.CACHES,
        "redis": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url, "KEY_PREFIX": prefix},
    }
    first, second = caches.create_connection("redis"), caches.create_connection("redis")
    try:
        _counted_in_one_seen_in_another(monkeypatch, first, second)
    finally:
        client = redis.Redis.from_url(url)
        for key in client.scan_iter(f"{prefix}:*"):
            client.delete(key)

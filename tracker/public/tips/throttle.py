"""A per-client limit on tips, kept in Django's shared cache (CACHE_URL; no outside captcha service).

The client is the address the request came from, read behind trusted proxies only, an IPv6 client
counted by its /64 (tracker/accounts/client_address.py). Addresses are hashed before they become cache keys and are
never stored with a tip."""

import hashlib

from django.conf import settings
from django.core.cache import cache

from tracker.accounts.client_address import client_network

WINDOW_SECONDS = 3600


def limit():
    return settings.TIPS_PER_HOUR


def _key(request):
    return "tips:" + hashlib.sha256(client_network(request).encode()).hexdigest()


def exhausted(request):
    """Has this client already sent as many tips as one hour allows?"""
    return cache.get(_key(request), 0) >= limit()


def count(request):
    """Count a tip. The count lasts an hour from the client's latest tip: incr() is atomic on Redis, and
    the file and database caches' incr() would give the entry their default timeout, so it is set again."""
    key = _key(request)
    if cache.add(key, 1, WINDOW_SECONDS):
        return
    try:
        cache.incr(key)
    except ValueError:  # the entry expired between add() and incr()
        cache.set(key, 1, WINDOW_SECONDS)
    else:
        cache.touch(key, WINDOW_SECONDS)

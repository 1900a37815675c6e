"""A per-address limit on tips, kept in Django's cache (no outside captcha service).

Addresses are hashed before they become cache keys and are never stored with a tip."""

import hashlib

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 3600


def limit():
    return getattr(settings, "TIPS_PER_HOUR", 5)


def _key(request):
    address = request.META.get("REMOTE_ADDR", "")
    return "tips:" + hashlib.sha256(address.encode()).hexdigest()


def exhausted(request):
    """Has this address already sent as many tips as one hour allows?"""
    return cache.get(_key(request), 0) >= limit()


def count(request):
    key = _key(request)
    # add() starts the hour with the first tip; incr() keeps that expiry.
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        cache.incr(key)
    except ValueError:  # the entry expired between add() and incr()
        cache.set(key, 1, WINDOW_SECONDS)

"""How often one may ask to follow: per e-mail address (so nobody floods someone else's inbox with
confirmation mail) and per client (tracker/accounts/client_address.py, behind trusted proxies), counted in
Django's shared cache (CACHE_URL). Both are hashed before they become cache keys and are never stored."""

import hashlib

from django.conf import settings
from django.core.cache import cache

from tracker.accounts.client_address import client_address

WINDOW_SECONDS = 3600


def _key(kind, value):
    return f"follow:{kind}:" + hashlib.sha256(value.encode()).hexdigest()


def _keys(request, email):
    return [
        (_key("address", email.casefold()), settings.FOLLOWS_PER_ADDRESS_PER_HOUR),
        (_key("client", client_address(request)), settings.FOLLOWS_PER_CLIENT_PER_HOUR),
    ]


def exhausted(request, email):
    """Has this address, or this client, asked to follow as often as an hour allows?"""
    return any(cache.get(key, 0) >= limit for key, limit in _keys(request, email))


def count(request, email):
    for key, _limit in _keys(request, email):
        if cache.add(key, 1, WINDOW_SECONDS):
            continue
        try:
            cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, WINDOW_SECONDS)
        else:
            cache.touch(key, WINDOW_SECONDS)

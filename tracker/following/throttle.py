"""How often one may ask to follow: per mailbox (so nobody floods someone else's inbox with confirmation
mail) and per client (tracker/accounts/client_address.py, behind trusted proxies, an IPv6 client by its /64),
counted in Django's shared cache (CACHE_URL). Both are hashed before they become cache keys and are never
stored.

A mailbox is counted as the address folded the way mail providers fold it (`mailbox()`): a sub-address
(`victim+1@`, `victim+news@`) reaches the same inbox as `victim@` wherever it is accepted, so the `+tag` is
dropped for every domain; and where the provider ignores dots in the local part (Gmail, also under
googlemail.com) they are dropped too. What is stored and mailed is the address as given."""

import hashlib

from django.conf import settings
from django.core.cache import cache

from tracker.accounts.client_address import client_network

WINDOW_SECONDS = 3600
# Domains whose mailboxes ignore dots in the local part, and the domain each is the same mailbox under.
DOTS_IGNORED = {"gmail.com": "gmail.com", "googlemail.com": "gmail.com"}


def mailbox(email):
    """The address as the mailbox it reaches: case folded, quotes, the +tag and ignored dots dropped."""
    local, _at, domain = email.strip().casefold().rpartition("@")
    domain = domain.rstrip(".")
    if len(local) > 1 and local.startswith('"') and local.endswith('"'):
        local = local[1:-1]
    local = local.partition("+")[0]
    if domain in DOTS_IGNORED:
        local, domain = local.replace(".", ""), DOTS_IGNORED[domain]
    return f"{local}@{domain}"


def _key(kind, value):
    return f"follow:{kind}:" + hashlib.sha256(value.encode()).hexdigest()


def _keys(request, email):
    return [
        (_key("address", mailbox(email)), settings.FOLLOWS_PER_ADDRESS_PER_HOUR),
        (_key("client", client_network(request)), settings.FOLLOWS_PER_CLIENT_PER_HOUR),
    ]


def exhausted(request, email):
    """Has this mailbox, or this client, asked to follow as often as an hour allows? Also while the shared
    cache does not answer (config/cache.py): asking sends mail to the address given, so a limit that cannot
    count refuses rather than lets anyone flood an inbox, and the visitor is asked to try again later."""
    counted = [cache.get(key, 0) >= limit for key, limit in _keys(request, email)]
    return any(counted) or _cannot_count()


def _cannot_count():
    """The shared cache's own word (config/cache.py `ResilientRedisCache.unavailable`); others always count."""
    unavailable = getattr(cache, "unavailable", None)
    return bool(unavailable and unavailable())


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

"""The shared cache on Redis, which the site can lose (docs/deploy.md, "When a part fails").

Redis holds nothing that cannot be lost: every entry is either made again from the database (reports, rows,
search answers, the public state's version, sessions written through to the database) or a counter whose
loss only forgets who asked recently. So when Redis does not answer, `ResilientRedisCache` answers as an
empty cache that keeps nothing: a read is a miss, a write is dropped, `add` says it added, `incr` that the
key is gone. Pages are computed from the database (slower, never wrong) and nothing raises.

- A dead Redis costs milliseconds, not seconds: the sockets time out quickly (`CONNECT_TIMEOUT`,
  `TIMEOUT` of a command), and after a failure the process does not ask Redis again for `RETRY_AFTER`
  seconds (each operation meanwhile is a miss at once).
- The failure is logged once a minute per process (WARNING), and its return once.
- Nothing is stale when it returns: while a process could not reach Redis, writes it meant to make were
  dropped (a new version of the public state after a publish, a deleted session), and Redis may come back
  holding what it held before, with the version from before the publish. So the first thing a process does
  when it reaches Redis again after losing it is to empty its part of the cache's Redis database (only
  the database of CACHE_URL, never the broker's, which production refuses to share with it); everything is
  then made again from the database.
- Keys carry the site's prefix (`CACHE_KEY_PREFIX`, by default the database's host and name: `site_prefix`),
  so sites sharing one Redis never read each other's entries, and the emptying on return deletes only the
  keys of that prefix when there is one (FLUSHDB otherwise).
- `unavailable()` tells a limit that must not be bypassed (asking to follow) that it cannot count now.
"""

import logging
import re
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

log = logging.getLogger(__name__)

FILES = "django.core.cache.backends.filebased.FileBasedCache"

CONNECT_TIMEOUT = 0.5  # seconds to open a connection to Redis
TIMEOUT = 1.0  # seconds a command may take
RETRY_AFTER = 2.0  # seconds a process answers as an empty cache after a failure before trying again
LOG_EVERY = 60.0  # seconds between two warnings of one process about the same outage


class _Health:
    """What one process knows of one Redis (shared by the cache's instances of every thread)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.down_until = 0.0  # monotonic time until which Redis is not asked
        self.lost = False  # writes were dropped since Redis was last reached: empty it on return
        self.logged_at = None  # monotonic time of the last warning of this outage


def site_prefix(database):
    """The default key prefix of a site: its database's host and name ("127.0.0.1-tracker"; an SQLite file's
    name), in the letters a Redis key pattern reads literally."""
    name = str(database.get("NAME") or "")
    if "sqlite" in str(database.get("ENGINE", "")):
        name = re.sub(r"\.sqlite3?$", "", name.replace("\\", "/").rsplit("/", 1)[-1])
    host = str(database.get("HOST") or "local")
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", f"{host}-{name}").strip("-") or "tracker"


def shared_cache(url, prefix, *, files):
    """The CACHES entry of the shared cache: Redis (resilient) or what else CACHE_URL names, or files under
    `files` without one; every key under `prefix`."""
    import environ

    config = environ.Env.cache_url_config(url) if url else {"BACKEND": FILES, "LOCATION": str(files)}
    if config["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
        config["BACKEND"] = "config.cache.ResilientRedisCache"
    return {**config, "KEY_PREFIX": prefix}


_HEALTH = {}
_HEALTH_LOCK = threading.Lock()


def _errors():
    import redis

    return (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError)


class ResilientRedisCache(RedisCache):
    """Django's Redis cache that answers as an empty cache while Redis does not answer (see the module)."""

    def __init__(self, server, params):
        params = {**params, "OPTIONS": dict(params.get("OPTIONS", {}))}
        options = params["OPTIONS"]
        # RETRY_AFTER in OPTIONS, or `?retry_after=` in CACHE_URL; the socket timeouts likewise.
        self.retry_after = float(options.pop("RETRY_AFTER", options.pop("retry_after", RETRY_AFTER)))
        options.setdefault("socket_connect_timeout", CONNECT_TIMEOUT)
        options.setdefault("socket_timeout", TIMEOUT)
        # One try per command: a retry of a dead Redis is another timeout on the visitor's time.
        options.setdefault("retry_on_timeout", False)
        super().__init__(server, params)
        if re.search(r"[*?\[\]\\]", self.key_prefix):
            raise ValueError(f"CACHE_KEY_PREFIX {self.key_prefix!r}: use letters, digits, '.', '_' and '-'.")
        key = tuple(self._servers)
        with _HEALTH_LOCK:
            self._health = _HEALTH.setdefault(key, _Health())

    # --- The state of Redis, as this process sees it -------------------------------------------------

    def unavailable(self):
        """Whether this process cannot use Redis now (it failed within RETRY_AFTER seconds)."""
        return time.monotonic() < self._health.down_until

    def _failed(self, error):
        health = self._health
        now = time.monotonic()
        with health.lock:
            health.down_until = now + self.retry_after
            health.lost = True
            warn = health.logged_at is None or now - health.logged_at >= LOG_EVERY
            if warn:
                health.logged_at = now
        if warn:
            log.warning(
                "The shared cache (Redis at %s) does not answer (%s): pages are computed from the database "
                "until it does; it is emptied when it is back.",
                ", ".join(self._servers),
                error or "skipped",
            )

    def _reachable(self):
        """False while Redis is known to be down; on its return after an outage, empty it first."""
        health = self._health
        if time.monotonic() < health.down_until:
            return False
        if health.lost:
            try:
                self._empty()
            except _errors() as error:
                self._failed(error)
                return False
            with health.lock:
                health.lost, health.logged_at = False, None
            log.warning("The shared cache (Redis at %s) answers again; emptied it.", ", ".join(self._servers))
        return True

    def _empty(self):
        """Delete this site's keys (all of the database's when the cache has no prefix)."""
        if not self.key_prefix:
            self._cache.clear()
            return
        client = self._cache.get_client(write=True)
        # The prefix holds only letters a pattern reads literally (`site_prefix`, or checked at start).
        batch = []
        for key in client.scan_iter(match=f"{self.key_prefix}:*", count=1000):
            batch.append(key)
            if len(batch) >= 1000:
                client.delete(*batch)
                batch = []
        if batch:
            client.delete(*batch)

    def _call(self, operation, fallback, *args):
        if not self._reachable():
            return fallback()
        try:
            return operation(*args)
        except _errors() as error:
            self._failed(error)
            return fallback()

    # --- Django's cache API: each operation, or what an empty cache that keeps nothing answers -------

    def get(self, key, default=None, version=None):
        return self._call(super().get, lambda: default, key, default, version)

    def get_many(self, keys, version=None):
        return self._call(super().get_many, dict, keys, version)

    def has_key(self, key, version=None):
        return self._call(super().has_key, lambda: False, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        # "Added": a caller that counts (a limit) counts this one; nothing is kept.
        return self._call(super().add, lambda: True, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._call(super().set, lambda: None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().set_many, list, data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().touch, lambda: False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call(super().delete, lambda: False, key, version)

    def delete_many(self, keys, version=None):
        self._call(super().delete_many, lambda: None, keys, version)

    def incr(self, key, delta=1, version=None):
        return self._call(super().incr, lambda: _missing(key), key, delta, version)

    def clear(self):
        """Empty this site's part of the cache (`manage.py` and tests), not the other sites'."""
        return self._call(self._empty, lambda: False)


def _missing(key):
    raise ValueError(f"Key '{key}' not found (the shared cache does not answer).")

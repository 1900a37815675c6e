"""A frontend-cache backend for the tests: it records what would be purged and banned instead of
telling a proxy (tests/deploy/test_purges.py; the real proxy is in test_production_smoke.py)."""

from urllib.parse import urlsplit

from tracker.public.frontend_cache import VarnishBackend

PURGED: list[str] = []
BANNED: list[str] = []


class RecordingBackend(VarnishBackend):
    def purge(self, url):
        PURGED.append(urlsplit(url).path)

    def ban(self, pattern):
        BANNED.append(pattern)


def clear():
    PURGED.clear()
    BANNED.clear()

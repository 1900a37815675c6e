"""One computation of a costly value at a time across every process (single flight), by a claim in the
shared cache: the process whose `cache.add` of the claim succeeds computes the value, and the others serve
what they had before (or wait for it) instead of computing it too. A claim lapses after `COMPUTING_SECONDS`,
should the process that took it die before giving it up; the next reader then takes it.

Used by the page reports (tracker/public/shared_cache.py) and the search answers (search/backends/
facets.py), each with its own rules of what readers get meanwhile. Here, below both, so that search need not
read the tracker's public pages.
"""

from django.core.cache import cache

COMPUTING_SECONDS = 60


class Claim:
    """The claim to compute the value kept under `key`."""

    def __init__(self, key):
        self.key = f"{key}:computing"

    def take(self):
        """Whether this process now holds the claim (no other process held it)."""
        return cache.add(self.key, 1, COMPUTING_SECONDS)

    def held(self):
        """Whether some process holds it now (given up or lapsed: no one)."""
        return cache.get(self.key) is not None

    def give_up(self):
        cache.delete(self.key)

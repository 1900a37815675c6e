"""What public pages compute once and read from the shared cache (CACHES, `CACHE_URL`) until the public
state changes: every key holds a version of the public state (public_state.py), so no request after a
change reads anything computed before it (the reports: the version of what the figures count,
`figures()`). Nothing is computed ahead of time: the first request after a change computes it and every
later one reads it.

- `cached_report`: the accountability report and the office and person pages' comparisons with their
  peers, by the page's filters, day and language; the accountability page's CSV tables of every office's
  and every person's comparison. `ACCOUNTABILITY_CACHE_SECONDS` bounds how long one is
  cached (0: never); it is also the longest a change written behind the tracker's back (raw SQL) could go
  unseen.
  After a change, one process computes a report while the others serve the one before it (single flight,
  stale while revalidating): eight readers arriving together never compute it eight times. A reader with
  no earlier report to serve waits for the one being computed (`WAIT_SECONDS` at most, then computes it
  itself, as it does when the process computing it died).
- `cached_each`: many values read in one round trip, the missing ones made together (the rows of the
  commitment lists, keyed by what each shows rather than by the version, tracker/templatetags/
  commitment_rows.py; the API's representations, tracker/api/cached.py).
"""

import hashlib
import json
import time

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from config.single_flight import Claim
from tracker.public import public_state, stored_figures

WAIT_SECONDS = 10.0  # the longest a reader with nothing to serve waits for another process's computation
POLL_SECONDS = 0.05


def report_name(query, today):
    """What names a report in the cache, but for the version of the public state."""
    filters = hashlib.sha256(json.dumps(query, sort_keys=True).encode()).hexdigest()[:32]
    return f"tracker:report:{translation.get_language()}:{today.isoformat()}:{filters}"


def cached_report(query, today, compute):
    """`compute()`, or the report it gave for the same `query` (the page's filters, or what names a
    comparison on an office or person page), day and public state, in the language of the page (a report
    holds labels and the addresses of its lists, which differ between English and Urdu)."""
    seconds = settings.ACCOUNTABILITY_CACHE_SECONDS
    if not seconds:
        return compute()
    report_of = report_name(query, today)
    # Kept until what the figures count changes: not after an editor's publish of a progress figure.
    key = f"{report_of}:{public_state.figures()}"
    # The report before a change may be served while the new one is computed, unless the change took
    # something off the public site (a takedown): then it is never served again.
    latest = f"{report_of}:latest:{public_state.departures()}"
    # Cached as bytes of stored_figures, which reads a report's lazy labels and addresses back quickly.
    stored = cache.get(key)
    if stored is not None:
        return stored_figures.loads(stored)
    claim = Claim(key)
    if not claim.take():
        stored = cache.get(latest) or _wait_for(key, claim)  # another process computes it: the one before meanwhile
        if stored is not None:
            return stored_figures.loads(stored)
    try:
        report = compute()
        stored = stored_figures.dumps(report)
        cache.set_many({key: stored, latest: stored}, seconds)
    finally:
        claim.give_up()
    return report


def _wait_for(key, claim):
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(POLL_SECONDS)
        stored = cache.get(key)
        if stored is not None:
            return stored
        if not claim.held():
            # Done just now (stored, then the claim given up, between our two reads), or given up by its
            # process: read once more, and compute it here if it is not there.
            return cache.get(key)
    return None


def cached_each(keyed, make, seconds):
    """The values of `keyed` ([(key, item)]) in its order, each cached under its key (which names what
    the value depends on: the public state's version, or a fingerprint of what it shows). The cached ones
    are read in one round trip; `make(missing)` makes the others together from their (key, item) pairs,
    as {key: value}, and they are cached for `seconds`. An item `make` gives no value is left out."""
    found = cache.get_many([key for key, _item in keyed])
    missing = [(key, item) for key, item in keyed if key not in found]
    if missing:
        made = make(missing)
        cache.set_many(made, seconds)
        found.update(made)
    return [found[key] for key, _item in keyed if key in found]

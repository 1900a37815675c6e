"""What public pages compute once and read from the shared cache (CACHES, `CACHE_URL`) until the public
state changes: every key holds the public state's version (public_state.py), so no request after a change
reads anything computed before it. Nothing is computed ahead of time: the first request after a change
computes it and every later one reads it.

- `cached_report`: the accountability report and the office and person pages' comparisons with their
  peers, by the page's filters, day and language; the accountability page's CSV tables of every office's
  and every person's comparison. `ACCOUNTABILITY_CACHE_SECONDS` bounds how long one is
  cached (0: never); it is also the longest a change written behind the tracker's back (raw SQL) could go
  unseen.
- `cached_each`: many values read in one round trip, the missing ones made together (the rows of the
  commitment lists, tracker/templatetags/commitment_rows.py; the API's representations,
  tracker/api/cached.py).
"""

import hashlib
import json

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from tracker.public import public_state, stored_figures


def cached_report(query, today, compute):
    """`compute()`, or the report it gave for the same `query` (the page's filters, or what names a
    comparison on an office or person page), day and public state, in the language of the page (a report
    holds labels and the addresses of its lists, which differ between English and Urdu)."""
    seconds = settings.ACCOUNTABILITY_CACHE_SECONDS
    if not seconds:
        return compute()
    filters = hashlib.sha256(json.dumps(query, sort_keys=True).encode()).hexdigest()[:32]
    key = f"tracker:report:{public_state.version()}:{translation.get_language()}:{today.isoformat()}:{filters}"
    # Cached as bytes of stored_figures, which reads a report's lazy labels and addresses back quickly.
    stored = cache.get(key)
    if stored is None:
        report = compute()
        cache.set(key, stored_figures.dumps(report), seconds)
    else:
        report = stored_figures.loads(stored)
    return report


def cached_each(keyed, make, seconds):
    """The values of `keyed` ([(key, item)]) in its order, each cached under its key (a key holds the
    public state's version, so every change of it makes new ones). The cached ones are read in one round
    trip; `make(missing)` makes the others together from their (key, item) pairs, as {key: value}, and
    they are cached for `seconds`. An item `make` gives no value is left out."""
    found = cache.get_many([key for key, _item in keyed])
    missing = [(key, item) for key, item in keyed if key not in found]
    if missing:
        made = make(missing)
        cache.set_many(made, seconds)
        found.update(made)
    return [found[key] for key, _item in keyed if key in found]

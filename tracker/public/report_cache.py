"""The accountability report (and the office and person pages' comparisons with their peers), kept in
the shared cache (CACHES, `CACHE_URL`) until the public state
changes: a report is stored under the public state's version, today's date and the page's filters, and
every change of the public state (Wagtail's `published` and `unpublished`, a takedown, a restore, a bulk
publish, a deletion of a tracker row) gives the public state a new version, so no request after the change
reads a report computed before it. Nothing is recomputed ahead of time: the first request after a change
computes the report (in a fixed number of queries) and every later one reads it.

The version is bumped at once, and again when the transaction that made the change commits: a request that
computed a report from the state before the commit, and stored it after the first bump, is not read.
`ACCOUNTABILITY_CACHE_SECONDS` bounds how long a report is kept (0: never cached); it is also the longest a
change written behind the tracker's back (raw SQL) could go unseen.
"""

import hashlib
import json
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from tracker.models.transactions import on_commit_once
from tracker.public import stored_figures

VERSION_KEY = "tracker:public-state-version"


def _fresh_version():
    """A version that also says when it was made (nanoseconds since the epoch), for HTTP's Last-Modified
    (tracker/public/http_caching.py): `<time_ns>-<random>`."""
    return f"{time.time_ns()}-{uuid.uuid4().hex}"


def state_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = _fresh_version()
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY, version)
    return version


def changed_at(version):
    """When `version` was made, in seconds since the epoch; None for a version that does not say."""
    stamp, _, _ = version.partition("-")
    return int(stamp) / 1e9 if stamp.isdigit() else None


def _new_version():
    cache.set(VERSION_KEY, _fresh_version(), None)


def bump(**_signal_arguments):
    """A new version of the public state: every report stored so far is no longer read. Now, and once
    more when the transaction commits (registered once: a deletion may send a signal for each of
    thousands of rows)."""
    _new_version()
    on_commit_once(_new_version)


def _deleted(sender, **kwargs):
    if sender._meta.app_label == "tracker":
        bump()


def cached_report(query, today, compute):
    """`compute()`, or the report it gave for the same `query` (the page's filters, or what names a
    comparison on an office or person page), day and public state, in the language of the page (a report
    holds labels and the addresses of its lists, which differ between English and Urdu)."""
    seconds = settings.ACCOUNTABILITY_CACHE_SECONDS
    if not seconds:
        return compute()
    filters = hashlib.sha256(json.dumps(query, sort_keys=True).encode()).hexdigest()[:32]
    key = f"tracker:report:{state_version()}:{translation.get_language()}:{today.isoformat()}:{filters}"
    # Stored as bytes of stored_figures, which reads a report's lazy labels and addresses back quickly.
    stored = cache.get(key)
    if stored is None:
        report = compute()
        cache.set(key, stored_figures.dumps(report), seconds)
    else:
        report = stored_figures.loads(stored)
    return report


def kept_each(keyed, make, seconds):
    """The values of `keyed` ([(key, item)]) in its order, each kept in the shared cache under its key (a
    key holds `state_version()`, so every change of the public state makes new ones). The kept ones are
    read in one round trip; `make(missing)` makes the others together from their (key, item) pairs, as
    {key: value}, and they are kept for `seconds`. An item `make` gives no value is left out."""
    found = cache.get_many([key for key, _item in keyed])
    missing = [(key, item) for key, item in keyed if key not in found]
    if missing:
        made = make(missing)
        cache.set_many(made, seconds)
        found.update(made)
    return [found[key] for key, _item in keyed if key in found]


def connect():
    """Follow every change of the public state (called once, from tracker/apps.py)."""
    from django.db.models.signals import post_delete
    from wagtail.signals import published, unpublished

    from tracker.publishing import signals

    for signal in (published, unpublished, signals.record_taken_down, signals.record_restored):
        signal.connect(bump, dispatch_uid=f"accountability-cache-{id(signal)}")
    signals.records_published_in_bulk.connect(bump, dispatch_uid="accountability-cache-bulk")
    post_delete.connect(_deleted, dispatch_uid="accountability-cache-delete")

"""The version of the public state: one value in the shared cache (CACHES) that every change of what the
public sees moves on. Wagtail's `published` and `unpublished`, a takedown, a restore, a bulk publish and
a deletion of a tracker row each give it a new version, so whatever is cached under a version (the
accountability report, the rows of the commitment lists, the API's representations: shared_cache.py,
tracker/api/cached.py) is never read after a change, and HTTP's validators (http_caching.py) change with it.

The version is moved on at once, and again when the transaction that made the change commits: a request
that computed something from the state before the commit, and cached it after the first move, is not read.
A version says when it was made (`<time_ns>-<random>`), which is the public pages' Last-Modified.
"""

import time
import uuid

from django.core.cache import cache

from tracker.models.transactions import on_commit_once

VERSION_KEY = "tracker:public-state-version"


def _fresh_version():
    return f"{time.time_ns()}-{uuid.uuid4().hex}"


def version():
    """The current version; a first one is made when the cache holds none (a new or emptied cache)."""
    current = cache.get(VERSION_KEY)
    if current is None:
        current = _fresh_version()
        cache.add(VERSION_KEY, current, None)
        current = cache.get(VERSION_KEY, current)
    return current


def changed_at(version):
    """When `version` was made, in seconds since the epoch; None for a version that does not say."""
    stamp, _, _ = version.partition("-")
    return int(stamp) / 1e9 if stamp.isdigit() else None


def _new_version():
    cache.set(VERSION_KEY, _fresh_version(), None)


def bump(**_signal_arguments):
    """A new version of the public state: nothing cached so far is read again. Now, and once more when the
    transaction commits (registered once: a deletion may send a signal for each of thousands of rows)."""
    _new_version()
    on_commit_once(_new_version)


def _deleted(sender, **kwargs):
    if sender._meta.app_label == "tracker":
        bump()


def connect():
    """Follow every change of the public state (called once, from tracker/apps.py)."""
    from django.db.models.signals import post_delete
    from wagtail.signals import published, unpublished

    from tracker.publishing import signals

    for signal in (published, unpublished, signals.record_taken_down, signals.record_restored):
        signal.connect(bump, dispatch_uid=f"public-state-{id(signal)}")
    signals.records_published_in_bulk.connect(bump, dispatch_uid="public-state-bulk")
    post_delete.connect(_deleted, dispatch_uid="public-state-delete")

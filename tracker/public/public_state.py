"""The version of the public state: one value in the shared cache (CACHES) that every change of what the
public sees moves on. Wagtail's `published` and `unpublished`, a takedown, a restore, a bulk publish, a
deletion of a tracker row and a run of the archive that kept copies or checked sources
(tracker/archive/signals.py) each give it a new version, so whatever is cached under a version (the
accountability report, the rows of the commitment lists, the API's representations: shared_cache.py,
tracker/api/cached.py) is never read after a change, and HTTP's validators (http_caching.py) change with it.

The version is moved on at once, and again when the transaction that made the change commits: a request
that computed something from the state before the commit, and cached it after the first move, is not read.
A version says when it was made (`<time_ns>-<random>`), which is the public pages' Last-Modified.

A second version, `departures()`, moves on only when something leaves the public site or comes back
(an unpublish, a takedown, a restore, a deletion): what was computed before such a change is never served
again, not even as the value before while another process computes the new one (shared_cache.py).

A third, `around_commitments()`, moves on with every change but one commitment's own publish: what a
commitment's representation reads of the records around it (its place, its owners' offices and who held
them, the archived copies of its sources). Kept under it and the commitment's own published revision, a
commitment's representation is made again after that commitment's publish, not after every publish
(tracker/api/cached.py).

A fourth, `figures()`, moves on with every change but a commitment's publish that changed nothing the kept
figures read of it (its progress, a text: figure_inputs.py). The reports and comparisons cached under it
(shared_cache.py) and the accountability page's tables are made again after a change of what they count,
not after every progress figure an editor publishes.
"""

import time
import uuid

from django.core.cache import cache

from tracker.models.transactions import on_commit_once

VERSION_KEY = "tracker:public-state-version"
DEPARTURES_KEY = "tracker:public-state-departures"
AROUND_KEY = "tracker:public-state-around-commitments"
FIGURES_KEY = "tracker:public-state-figures"


def _fresh_version():
    return f"{time.time_ns()}-{uuid.uuid4().hex}"


def _current(key):
    current = cache.get(key)
    if current is None:
        current = _fresh_version()
        cache.add(key, current, None)
        current = cache.get(key, current)
    return current


def version():
    """The current version; a first one is made when the cache holds none (a new or emptied cache)."""
    return _current(VERSION_KEY)


def departures():
    """The version of what left the public site or came back (see the module)."""
    return _current(DEPARTURES_KEY)


def around_commitments():
    """The version of everything but the commitments' own publishes (see the module)."""
    return _current(AROUND_KEY)


def figures():
    """The version of what the kept figures count (see the module)."""
    return _current(FIGURES_KEY)


def changed_at(version):
    """When `version` was made, in seconds since the epoch; None for a version that does not say."""
    stamp, _, _ = version.partition("-")
    return int(stamp) / 1e9 if stamp.isdigit() else None


def _new_version():
    cache.set(VERSION_KEY, _fresh_version(), None)


def _new_around():
    cache.set(AROUND_KEY, _fresh_version(), None)


def _new_figures():
    cache.set(FIGURES_KEY, _fresh_version(), None)


def bump(**_signal_arguments):
    """A new version of the public state: nothing cached so far is read again. Now, and once more when the
    transaction commits (registered once: a deletion may send a signal for each of thousands of rows)."""
    _new_version()
    on_commit_once(_new_version)
    _new_around()
    on_commit_once(_new_around)
    _new_figures()
    on_commit_once(_new_figures)


def record_published(sender=None, instance=None, **_signal_arguments):
    """Wagtail's publish: a new version; but for a commitment's own, a new version around them; and a new
    version of the figures unless the commitment's publish changed nothing they read."""
    from tracker.models import Commitment
    from tracker.public import figure_inputs

    if sender is not None and issubclass(sender, Commitment):
        _new_version()
        on_commit_once(_new_version)
        if instance is None or not figure_inputs.unchanged(instance.pk):
            _new_figures()
            on_commit_once(_new_figures)
    else:
        bump()


def _new_departures():
    cache.set(DEPARTURES_KEY, _fresh_version(), None)


def departed(**_signal_arguments):
    """Something left the public site or came back: nothing computed before is served again, and no other
    cached value either (a new version of the public state too)."""
    bump()
    _new_departures()
    on_commit_once(_new_departures)


def _deleted(sender, **kwargs):
    if sender._meta.app_label == "tracker":
        departed()


def connect():
    """Follow every change of the public state (called once, from tracker/apps.py)."""
    from django.db.models.signals import post_delete
    from wagtail.signals import published, unpublished

    from tracker.archive.signals import copies_changed
    from tracker.publishing import signals

    published.connect(record_published, dispatch_uid="public-state-published")
    # A source's archived copy, its last check or a dead link appear on record pages.
    copies_changed.connect(bump, dispatch_uid="public-state-archived-copies")
    for signal in (unpublished, signals.record_taken_down, signals.record_restored):
        signal.connect(departed, dispatch_uid=f"public-state-{id(signal)}")
    signals.records_published_in_bulk.connect(bump, dispatch_uid="public-state-bulk")
    post_delete.connect(_deleted, dispatch_uid="public-state-delete")

"""ETag and Last-Modified for every API answer, and 304 Not Modified when the client has it already.

An answer depends only on the public state, the day (what is overdue, who holds an office today) and the
request (address, format, host, language). The moment the public state last changed is kept in the shared
cache and moved on by every change of it (Wagtail's `published` and `unpublished`, a takedown, a restore, a
bulk publish, a deletion of a tracker row), at once and again when the change commits, as
tracker/public/report_cache.py does for its version. A conditional request is therefore answered 304
before anything is computed. When the cache has forgotten the moment, it starts again from now: a client is
then sent the answer again, never an old one.
"""

import datetime
import hashlib
from functools import wraps

from django.core.cache import cache
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language
from django.views.decorators.http import condition

from tracker.models.transactions import on_commit_once

CHANGED_KEY = "tracker:api:public-state-changed-at"


def changed_at():
    """When the public state last changed (as far as the shared cache knows), to the microsecond."""
    stamp = cache.get(CHANGED_KEY)
    if stamp is None:
        stamp = timezone.now().timestamp()
        cache.add(CHANGED_KEY, stamp, None)
        stamp = cache.get(CHANGED_KEY, stamp)
    return datetime.datetime.fromtimestamp(stamp, tz=datetime.UTC)


def _moved_on():
    cache.set(CHANGED_KEY, timezone.now().timestamp(), None)


def moved_on(**_signal_arguments):
    _moved_on()
    on_commit_once(_moved_on)


def _deleted(sender, **kwargs):
    if sender._meta.app_label == "tracker":
        moved_on()


def last_modified(request, *args, **kwargs):
    """The later of the last change of the public state and the start of today (answers that say what is
    overdue, or who holds an office today, change at midnight)."""
    today = timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time.min))
    return max(changed_at(), today).replace(microsecond=0)


def etag(request, *args, **kwargs):
    parts = (
        changed_at().isoformat(),
        timezone.localdate().isoformat(),
        request.get_host(),
        request.get_full_path(),
        request.headers.get("Accept", ""),
        get_language() or "",
    )
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:40]


def conditional(view):
    """`view` answering with ETag and Last-Modified, and 304 to a request that has the current answer. The same
    address answers JSON or CSV by the Accept header, so caches are told to keep them apart."""
    checked = condition(etag_func=etag, last_modified_func=last_modified)(view)

    @wraps(view)
    def answer(request, *args, **kwargs):
        response = checked(request, *args, **kwargs)
        patch_vary_headers(response, ["Accept"])
        return response

    return answer


def connect():
    """Follow every change of the public state (called once, from tracker/apps.py)."""
    from django.db.models.signals import post_delete
    from wagtail.signals import published, unpublished

    from tracker.publishing import signals

    for signal in (published, unpublished, signals.record_taken_down, signals.record_restored):
        signal.connect(moved_on, dispatch_uid=f"api-freshness-{id(signal)}")
    signals.records_published_in_bulk.connect(moved_on, dispatch_uid="api-freshness-bulk")
    post_delete.connect(_deleted, dispatch_uid="api-freshness-delete")

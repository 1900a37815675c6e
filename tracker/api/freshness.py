"""ETag and Last-Modified for every API answer, and 304 Not Modified when the client has it already.

An answer depends only on the public state, the day (what is overdue, who holds an office today) and the
request (address, format, host, language). The public state's version, in the shared cache, made by
tracker/public/public_state.py and moved on by every change of it (at once and again when the change
commits), says both: the ETag names it, and Last-Modified is the moment it was made. A conditional request
is therefore answered 304 before anything is computed. When the cache has forgotten the version, a new one
starts from now: a client is then sent the answer again, never an old one.
"""

import datetime
import hashlib
import time
from functools import wraps

from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language
from django.views.decorators.http import condition

from tracker.public import public_state


def changed_at():
    """When the public state last changed: the moment its version (tracker/public/public_state.py), which
    every change moves on, was made; now for a version that does not say (nothing older is ever claimed)."""
    stamp = public_state.changed_at(public_state.version())
    return datetime.datetime.fromtimestamp(stamp if stamp is not None else time.time(), tz=datetime.UTC)


def last_modified(request, *args, **kwargs):
    """The later of the last change of the public state and the start of today (answers that say what is
    overdue, or who holds an office today, change at midnight)."""
    today = timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time.min))
    return max(changed_at(), today).replace(microsecond=0)


def etag(request, *args, **kwargs):
    parts = (
        public_state.version(),
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

"""HTTP caching of the public pages that never shows stale truth (docs/deploy.md, "Caching").

Three kinds of answer, chosen by the route a request resolved to:

- **Permanent**: a revision as published, a compare of two fixed revisions and a citation of one never
  change, so they are `public, max-age=31536000, immutable` (a takedown makes them 410: the proxy is told
  at once, tracker/public/frontend_cache.py). A revision's page waits for that until a signed checkpoint
  covers it (and carries a timestamp, when authorities are configured): its "Check this revision" box
  says until then what is still to come, so it is kept only like any other public page
  (tracker/history/views.py).
- **Public, revalidated**: every other public page (dashboard, lists, record pages, history lists, feeds,
  search, the editorial pages) may be kept by a shared cache for a short while (`s-maxage`,
  `HTTP_CACHE_SHARED_SECONDS`) and by a browser not at all without asking again (`max-age=0`). Its
  validators are tied to the version of the public state (tracker/public/public_state.py), which every
  publish, unpublish, takedown, restore, bulk publish and deletion moves on, and to today's date (pages
  count days overdue): the `ETag` names the version, the address, the host, the language and the day;
  `Last-Modified` is the moment of the version's change (or midnight, if later). A request that still
  holds the current validators is answered 304 before the view runs, without a single database query.
- **Private**: anything else is left as its view made it (the admin, the tips form with `never_cache`,
  the API's own headers); a public page seen by a signed-in visitor, or one that sets a cookie (a form
  with a CSRF token), becomes `private, no-cache`; a public address that answers anything but 200 (404,
  410 for a takedown, 400) is `no-store`, so no cache ever keeps an answer that is not the page.

`Last-Modified` has whole seconds, so it is only sent once the second of the change has passed: a copy
with `Last-Modified: L` was made at or after L, and any later change makes a later L, so
`If-Modified-Since` never keeps a copy older than the truth. The version is read before the view reads
the database, and is moved again when a change commits, so a page built from the state before a commit
never carries the validators of the state after it.
"""

import datetime
import hashlib
import math
import time

from django.conf import settings
from django.http import HttpResponseNotModified
from django.utils import timezone, translation
from django.utils.http import http_date, parse_http_date_safe

from tracker.models.kinds import KINDS_WITH_PAGES
from tracker.public import public_state

IMMUTABLE = "public, max-age=31536000, immutable"
PRIVATE = "private, no-cache"
NOT_A_PAGE = "no-store"

# The pages of a fixed revision (history/urls.py): revision n, compare a..b, the citation of n.
PERMANENT_ROUTES = frozenset(
    f"{kind.url_name}_{view}" for kind in KINDS_WITH_PAGES.values() for view in ("revision", "compare", "cite")
)
# Public addresses that are not pages of the public state: forms with a CSRF token and what follows them.
NOT_SHARED_ROUTES = frozenset({"send_tip", "tip_thanks"})
PUBLIC_APPS = frozenset({"tracker", "search"})


def shared_seconds():
    return settings.HTTP_CACHE_SHARED_SECONDS


def route_kind(request):
    """'permanent', 'public' or None (not ours to cache) for a resolved request."""
    match = getattr(request, "resolver_match", None)
    if match is None or request.method not in ("GET", "HEAD"):
        return None
    if match.app_name == "tracker" and match.url_name in PERMANENT_ROUTES:
        return "permanent"
    if match.app_name in PUBLIC_APPS and match.url_name not in NOT_SHARED_ROUTES:
        return "public"
    if match.url_name == "wagtail_serve":  # the editorial pages (methodology), published by Wagtail
        return "public"
    return None


def _signed_in(request):
    return settings.SESSION_COOKIE_NAME in request.COOKIES


class Validators:
    """The ETag and Last-Modified of a public page now, read before its view runs."""

    def __init__(self, request):
        version = public_state.version()
        today = timezone.localdate()
        parts = [version, request.get_host(), request.scheme, translation.get_language() or "", today.isoformat()]
        parts.append(request.get_full_path())
        digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:40]
        self.etag = f'"{digest}"'
        midnight = timezone.make_aware(datetime.datetime.combine(today, datetime.time())).timestamp()
        changed = public_state.changed_at(version)
        changed = max(changed, midnight) if changed is not None else None
        # The next whole second after the change, once it has passed (see the module's docstring).
        self.last_modified = math.floor(changed) + 1 if changed is not None else None
        if self.last_modified is not None and time.time() < self.last_modified:
            self.last_modified = None

    def match(self, request):
        """Whether the client's copy is still the page (RFC 9110: If-None-Match wins over If-Modified-Since)."""
        if_none_match = request.headers.get("If-None-Match")
        if if_none_match is not None:
            tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
            return "*" in tags or self.etag in tags
        since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
        return since is not None and self.last_modified is not None and self.last_modified <= since

    def apply(self, response):
        response["Cache-Control"] = f"public, max-age=0, s-maxage={shared_seconds()}"
        response["ETag"] = self.etag
        if self.last_modified is not None:
            response["Last-Modified"] = http_date(self.last_modified)
        elif response.has_header("Last-Modified"):
            # The view's own (a feed's newest entry) would not move on a takedown: only ours is the truth.
            del response["Last-Modified"]
        return response


class PublicCachingMiddleware:
    """Sets the caching headers of the public pages and answers 304 to a client whose copy is current.

    Placed before the session, locale and CSRF middleware, so that it sees the cookies and `Vary` they add."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.headers(request, self.get_response(request))

    def process_view(self, request, view_func, view_args, view_kwargs):
        kind = route_kind(request)
        request.public_caching = kind
        if kind != "public" or _signed_in(request):
            return None
        validators = request.public_validators = Validators(request)
        if validators.match(request):
            return validators.apply(HttpResponseNotModified())
        return None

    def headers(self, request, response):
        kind = getattr(request, "public_caching", None)
        if kind is None or response.status_code == 304 or response.has_header("Cache-Control"):
            return response
        if response.status_code != 200:
            response["Cache-Control"] = NOT_A_PAGE
        elif _signed_in(request) or response.cookies:
            response["Cache-Control"] = PRIVATE
        elif kind == "permanent":
            response["Cache-Control"] = IMMUTABLE
        else:
            request.public_validators.apply(response)
        return response

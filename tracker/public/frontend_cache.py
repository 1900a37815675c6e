"""Telling the caching proxy in front of the site (Varnish, deploy/varnish/tracker.vcl) which public pages a
change of the public state made stale, through Wagtail's frontend cache (`WAGTAILFRONTENDCACHE`, set when
`FRONTEND_CACHE_URL` names the proxy).

Every publish, unpublish, takedown, restore, bulk publish or deletion of a tracker record writes the pages
it touched into the outbox of purges in its own transaction (tracker/public/purges.py); when the
transaction commits they are purged at once (never before: a page fetched before the commit would be
cached again from the old state), and once more a few seconds later through Celery (`purge_again`), for a
page whose request began before the commit and ended after the first purge, and for search pages the
index drain has just changed. A purge the proxy did not answer, or whose sender stopped, is sent by beat.

What a change touches (`addresses_touched`):
- the record's own page, its history list and its feed; a takedown, restore, unpublish or deletion also
  bans every address under the record's (its revisions, compares and citations, which are otherwise
  permanent), so its 410 is served at once;
- the list of its kind, the dashboard, the changes feed, the accountability page, search;
- the pages of the records that show it: a commitment's owner offices and the office that made it, the
  people who held those offices (scorecards), its place and the places above it (their counts) and the
  decisions about it; for the other kinds, `TrackerRecord.shown_on()` (an office's tenures change its
  holders' pages and its commitments' pages: a tenure change) and the places above them.
A bulk publish bans every address: it is rare (imports, the demo's generated records) and touches most lists.

Addresses are reversed in every language of `LANGUAGES`, so translated addresses are purged as well.
The proxy purges every cached variant of a path (query strings, languages) with one PURGE.
"""

import logging
import re
import threading
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.backends.http import PurgeRequest

from tracker.history.addresses import feed_url, history_url, record_url
from tracker.models.kinds import kind_of
from tracker.models.transactions import on_commit_once
from tracker.public import purges

logger = logging.getLogger(__name__)

# The pages every change of the public state may change, by route name: the indexes of people, offices and
# places name every record with who holds what now, and the chooser of /my-district/ lists every district.
SITE_WIDE = (
    "tracker:dashboard",
    "tracker:changes_feed",
    "tracker:changes",
    "tracker:accountability",
    "tracker:person_list",
    "tracker:office_list",
    "tracker:jurisdiction_list",
    "tracker:my_district",
    settings.SEARCH_PAGE,
)
LISTS = {"commitments": "tracker:commitment_list", "decisions": "tracker:decision_list"}
EVERYTHING = "^/"
# Every record's revisions, compares and citations (cached as immutable): another record's revision that
# names a record taken down or restored reads differently now (tracker/models/withheld.py).
EVERY_HISTORY = "^(/ur)?/[^/]+/[^/]+/(history|cite)/"
# The Atom feeds of what one can follow (tracker/following/), beside the pages they follow.
FOLLOW_FEEDS = {
    "tracker:person": "tracker:person_follow_feed",
    "tracker:office": "tracker:office_follow_feed",
    "tracker:jurisdiction": "tracker:jurisdiction_follow_feed",
}
# The other pages of a record: a place's page on /my-district/ (its offices, holders, council, commitments).
ALSO_SHOWN_ON = {"tracker:jurisdiction": "tracker:district"}
# A followed search's feed has as many addresses as there are queries: every one of them is stale.
SEARCH_FOLLOW_FEEDS = "^/follow/search/feed/"
# Open data (tracker/api/): every list, filter and cursor of the API, and the sitemap, may show any record,
# so every change bans them all.
OPEN_DATA = ("^/api/", "^/sitemap")
ALWAYS_BANNED = (SEARCH_FOLLOW_FEEDS, *OPEN_DATA)

_pending = threading.local()


class VarnishBackend(HTTPBackend):
    """Wagtail's HTTP backend (PURGE of one address), and BAN of every address matching a pattern. The
    outbox (tracker/public/purges.py) sends with `send_purge` and `ban`, which raise ProxyDidNotAnswer when
    the proxy cannot be reached; an answer refusing the request is logged."""

    TIMEOUT = 5  # seconds

    def _send(self, request, what):
        try:
            urlopen(request, timeout=self.TIMEOUT).close()  # noqa: S310 - the scheme is the configured LOCATION's
        except HTTPError as refused:  # answered: the same request would be refused again
            logger.error("The HTTP cache refused to %s: HTTP %s %s", what, refused.code, refused.reason)
        except (URLError, OSError) as error:
            raise purges.ProxyDidNotAnswer(f"{what}: {getattr(error, 'reason', error)}") from error

    def send_purge(self, url):
        """PURGE `url`'s path, asking with its host (as Wagtail's backend does)."""
        parts = urlsplit(url)
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        address = urlunsplit([self.cache_scheme, self.cache_netloc, parts.path, parts.query, parts.fragment])
        request = PurgeRequest(url=address, headers={"Host": host, "User-Agent": "tracker-frontend-cache"})
        self._send(request, f"purge {parts.path}")

    def purge(self, url):
        """Wagtail's own purges (its pages): never raise, as Wagtail's backend does not."""
        try:
            self.send_purge(url)
        except purges.ProxyDidNotAnswer as error:
            logger.error("Could not purge %r from the HTTP cache: %s", url, error)

    def ban(self, pattern):
        request = Request(  # noqa: S310 - the scheme is the configured LOCATION's (http or https)
            url=f"{self.cache_scheme}://{self.cache_netloc}/",
            method="BAN",
            headers={"X-Ban-Path": pattern, "User-Agent": "tracker-frontend-cache"},
        )
        self._send(request, f"ban {pattern}")


# --- What a change touches ----------------------------------------------------------------------


def _in_every_language(name_and_args):
    paths = set()
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for name, args in name_and_args:
                try:
                    paths.add(reverse(name, args=args))
                except NoReverseMatch:  # an app that is not installed here (search), or a record without a slug
                    continue
    return paths


def _literal(path):
    """`path` as a regular expression matching itself (the proxy's PCRE; '-' and '/' stay as they are)."""
    return re.sub(r"([.^$*+?()\[\]{}|\\])", r"\\\1", path)


def _page(record):
    kind = kind_of(record)
    if kind is None or kind.segment is None or not record.slug:
        return None
    return kind.segment, record.slug


def _places_up(jurisdiction_ids):
    from tracker.models import Jurisdiction

    ids, seen = set(jurisdiction_ids), set()
    while ids - seen:
        seen |= ids
        ids |= set(Jurisdiction.objects.filter(pk__in=ids).exclude(parent=None).values_list("parent_id", flat=True))
    return seen


def _showing(record):
    """{model: ids} of the records whose public pages show `record`."""
    from tracker.models import Commitment, Decision, Jurisdiction, Office, Organization, Person, Tenure

    if isinstance(record, Commitment):
        offices = set(record.owners.values_list("office_id", flat=True))
        offices |= set(record.movements.values_list("office_id", flat=True)) | {record.made_by_office_id}
        offices -= {None}
        return {
            Office: offices,
            Person: set(Tenure.objects.filter(office_id__in=offices).values_list("person_id", flat=True)),
            Jurisdiction: _places_up({record.jurisdiction_id} - {None}),
            Decision: set(record.decision_links.values_list("decision_id", flat=True)),
        }
    if isinstance(record, Decision):
        return {
            Commitment: set(record.linked_commitments.values_list("commitment_id", flat=True)),
            Office: {record.deciding_office_id} - {None},
        }
    if isinstance(record, Organization):
        return {
            Office: set(record.offices.values_list("pk", flat=True)),
            Jurisdiction: _places_up({record.jurisdiction_id}),
        }
    shown = {model: set(ids) for model, ids in record.shown_on().items()}
    places = shown.setdefault(Jurisdiction, set())
    if isinstance(record, Office):
        places |= _places_up({record.organization.jurisdiction_id})
    if isinstance(record, Jurisdiction):
        places |= _places_up({record.parent_id} - {None})
    if isinstance(record, Person):
        # A district's page names who holds its offices now.
        offices = shown.get(Office, set())
        places |= set(Office.objects.filter(pk__in=offices).values_list("organization__jurisdiction_id", flat=True))
    return shown


def addresses_touched(record, *, gone=False):
    """(paths to purge, patterns to ban) when `record`'s public state changes; `gone`: it left the public
    site or came back (takedown, restore, unpublish, deletion), so every address under its own is stale."""
    routes = [(name, []) for name in SITE_WIDE]
    paths, bans = set(), set(ALWAYS_BANNED)
    own = _page(record)
    if own:
        segment, slug = own
        if segment in LISTS:
            routes.append((LISTS[segment], []))
        also = ALSO_SHOWN_ON.get(f"tracker:{kind_of(record).url_name}")
        if also:
            routes.append((also, [slug]))
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                paths |= {record_url(segment, slug), history_url(segment, slug), feed_url(segment, slug)}
                if gone:
                    bans.add("^" + _literal(record_url(segment, slug)))
    for model, ids in _showing(record).items():
        kind = kind_of(model)
        if kind is None or kind.segment is None or not ids:
            continue
        for slug in model.objects.filter(pk__in=ids).exclude(slug="").values_list("slug", flat=True):
            routes.append((f"tracker:{kind.url_name}", [slug]))
            for pages in (FOLLOW_FEEDS, ALSO_SHOWN_ON):
                if f"tracker:{kind.url_name}" in pages:
                    routes.append((pages[f"tracker:{kind.url_name}"], [slug]))
    return paths | _in_every_language(routes), bans


# --- Written in the transaction, purged after it ------------------------------------------------------


def _written():
    """Ids of the outbox's rows this thread wrote since its last commit."""
    if not hasattr(_pending, "ids"):
        _pending.ids = []
    return _pending.ids


def _configured():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def _write(paths, bans):
    _written().append(purges.write(paths, bans))
    on_commit_once(_purge_pending)


def _touched(record, gone=False, also_banned=()):
    if not _configured() or kind_of(record) is None:
        return
    paths, bans = addresses_touched(record, gone=gone)
    _write(paths, {*bans, *also_banned})


def _purge_pending():
    """After the commit: the rows it committed, sent at once (rows of a transaction rolled back are gone)."""
    ids = _written()[:]
    _written().clear()
    purges.send(ids)


# --- Signals ------------------------------------------------------------------------------------


def _published(sender, instance, **kwargs):
    _touched(instance)


def _left_or_came_back(sender, instance=None, record=None, **kwargs):
    _touched(record or instance, gone=True)


def _taken_down_or_restored(sender, record, **kwargs):
    _touched(record, gone=True, also_banned=[EVERY_HISTORY])


def _published_in_bulk(sender, records, **kwargs):
    if _configured():
        _write([], [EVERYTHING])


def _deleted(sender, instance, **kwargs):
    if sender._meta.app_label == "tracker" and kind_of(instance) is not None and getattr(instance, "live", False):
        _touched(instance, gone=True)


def connect():
    """Follow every change of the public state (called once, from tracker/apps.py)."""
    from django.db.models.signals import pre_delete
    from wagtail.signals import published, unpublished

    from tracker.publishing import signals

    published.connect(_published, dispatch_uid="frontend-cache-published")
    unpublished.connect(_left_or_came_back, dispatch_uid="frontend-cache-unpublished")
    signals.record_taken_down.connect(_taken_down_or_restored, dispatch_uid="frontend-cache-taken-down")
    signals.record_restored.connect(_taken_down_or_restored, dispatch_uid="frontend-cache-restored")
    signals.records_published_in_bulk.connect(_published_in_bulk, dispatch_uid="frontend-cache-bulk")
    pre_delete.connect(_deleted, dispatch_uid="frontend-cache-delete")

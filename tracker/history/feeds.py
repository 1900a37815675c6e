"""Atom feeds of published changes: site-wide (with the daily digests) and one per record.

Entries link to the revision (rel="alternate") and to its changes from the revision before
(rel="related"). Authors are the publishing organisation stored on the revision, never an editor.

Titles and names go through `tracker.models.text.plain` (one line, no control or bidi control
characters: XML 1.0 cannot carry most control characters, and a feed reader shows titles as plain
text); the HTML summaries, escaped by their templates, lose control and bidi control characters too.
"""

import io
import threading
from collections import OrderedDict
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.template.loader import render_to_string
from django.urls import get_script_prefix, reverse
from django.utils import dateformat
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from tracker.history import digest as digests
from tracker.history.addresses import compare_url, history_url, record_url, revision_url
from tracker.history.records import public_record
from tracker.history.summaries import previous_of, revisions_before, what_changed
from tracker.models import PublicRevision
from tracker.models.kinds import KINDS_WITH_PAGES, kind_of_type
from tracker.models.text import plain
from tracker.models.withheld import TakenDown, references, withheld_state, withhold

ENTRIES = 50


class HistoryAtomFeed(Atom1Feed):
    def write(self, outfile, encoding):
        # Into a buffer, then once to the response: a feed is a couple of thousand small writes, and each
        # write to a response costs as much again.
        buffer = io.BytesIO()
        super().write(buffer, encoding)
        outfile.write(buffer.getvalue())

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("changes_link"):
            handler.addQuickElement(
                "link", "", {"rel": "related", "href": item["changes_link"], "title": str(gettext_lazy("What changed"))}
            )


@dataclass(frozen=True)
class Entry:
    title: str
    link: str
    changes_link: str  # "" when there is nothing to compare with
    summary: str  # HTML, from history/feed_entry.html
    published: object
    author: str


class _Kept:
    """A bounded map, least recently used first out, shared by the threads of this process."""

    def __init__(self, size):
        self.size, self._items, self._lock = size, OrderedDict(), threading.Lock()

    def get(self, key):
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key, value):
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self):
        with self._lock:
            self._items.clear()


# The rendered entries of public revisions, kept in this process (rendering them was most of a feed's time).
# A revision never changes, nor does the one before it (its hash covers theirs), so an entry depends only
# on that revision (by hash), its record's slug now, the language, the site's address and what a takedown
# withholds from the two revisions now (`withheld_state`): the key holds each, so a takedown, a restore or a
# rename is never answered with an entry from before it. In this process only: the templates, translations
# and code that rendered an entry are this process's own.
KEPT_ENTRIES = _Kept(4096)
# The references of each revision and the one before it that a takedown would withhold, by hash.
KEPT_REFERENCES = _Kept(8192)


def revision_entries(revisions, slugs, feed):
    """Entries for `revisions`, each linked under its record's current address (`slugs` by key). The
    revisions' contents are not read: an entry not kept is made from the stored revisions (read again)."""
    taken_down = TakenDown()
    site = (get_language(), feed.absolute("/"), get_script_prefix())
    entries, missing = {}, []
    for r in revisions:
        slug = slugs.get((r.content_type_id, r.object_id))
        if slug is None:
            continue
        refs = KEPT_REFERENCES.get(r.hash)
        entry = refs is not None and KEPT_ENTRIES.get((r.hash, slug, *site, withheld_state(refs, taken_down)))
        if entry:
            entries[r.pk] = entry
        else:
            missing.append(r.pk)
    if missing:
        entries |= _new_entries(missing, slugs, feed, taken_down, site)
    return [entries[r.pk] for r in revisions if r.pk in entries]


def _new_entries(pks, slugs, feed, taken_down, site):
    """{revision id: Entry} of the revisions `pks` (read as stored), kept for the requests after this one."""
    revisions = list(PublicRevision.objects.filter(pk__in=pks))
    before = revisions_before(revisions, public=False)
    entries = {}
    for r in revisions:
        record_kind, slug = kind_of_type(r.content.get("type")), slugs.get((r.content_type_id, r.object_id))
        if record_kind is None or record_kind.segment is None or slug is None:
            continue
        previous = previous_of(before, r)
        refs = references(r.content) + (references(previous.content) if previous is not None else ())
        state = withheld_state(refs, taken_down)
        r.content = withhold(r.content, taken_down)
        if previous is not None:
            previous.content = withhold(previous.content, taken_down)
        entries[r.pk] = _entry(r, previous, record_kind, slug, feed)
        KEPT_REFERENCES.put(r.hash, refs)
        KEPT_ENTRIES.put((r.hash, slug, *site, state), entries[r.pk])
    return entries


def _entry(r, previous, record_kind, slug, feed):
    kind = record_kind.segment
    link = revision_url(kind, slug, r.number)
    changes = compare_url(kind, slug, r.number - 1, r.number) if r.number > 1 else ""
    context = {
        "revision": r,
        "what": record_kind.label,
        "changed": what_changed(r, previous),
        "link": feed.absolute(link),
        "changes_link": feed.absolute(changes) if changes else "",
        "history_link": feed.absolute(history_url(kind, slug)),
    }
    return Entry(
        title=_("%(kind)s “%(name)s”: revision %(n)s")
        % {"kind": record_kind.label, "name": r.content.get("name", ""), "n": r.number},
        link=link,
        changes_link=changes,
        summary=feed.render("history/feed_entry.html", context),
        published=r.published_at,
        author=r.publisher,
    )


class HistoryFeed(Feed):
    feed_type = HistoryAtomFeed
    description_template = None

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def absolute(self, path):
        return self.request.build_absolute_uri(path)

    def render(self, template, context):
        # Without the request: an entry needs none of the page's context processors, which would run
        # again for each of the feed's entries.
        return render_to_string(template, context)

    def author_name(self):
        return plain(settings.TRACKER_PUBLISHER, single_line=True)

    def item_title(self, entry):
        return plain(entry.title, single_line=True)

    def item_link(self, entry):
        return entry.link

    def item_description(self, entry):
        return plain(entry.summary)

    def item_pubdate(self, entry):
        return entry.published

    def item_updateddate(self, entry):
        return entry.published

    def item_author_name(self, entry):
        return plain(entry.author, single_line=True)

    def item_extra_kwargs(self, entry):
        return {"changes_link": self.absolute(entry.changes_link) if entry.changes_link else ""}


def latest_public_revisions(limit, *, contents=True):
    """The `limit` latest revisions of records the public may see (live, not taken down), newest first,
    with each record's slug now: {(content type, id): slug}. Without `contents`, each is a row of what
    `revision_entries` needs of a revision whose entry it kept (id, record, number, hash), not the revision.

    Walks the revisions newest first along the index of `published_at`, a batch at a time, and asks each
    kind present in a batch which of its records are public, by primary key (one query per kind). A
    filter `object_id IN (every public id, cast to text)` instead would read every record of every kind
    on each request."""
    found, slugs, offset, batch = [], {}, 0, limit * 2
    kinds = [ContentType.objects.get_for_model(kind.model) for kind in KINDS_WITH_PAGES.values()]
    latest = PublicRevision.objects.filter(content_type__in=kinds).order_by("-published_at", "-pk")
    if contents:
        latest = latest.as_public()
    else:  # rows: a model instance each, even without its content, took three times as long
        latest = latest.values_list("pk", "content_type_id", "object_id", "number", "hash", named=True)
    while len(found) < limit:
        revisions = list(latest[offset : offset + batch])
        visible = current_slugs(revisions)
        found += [r for r in revisions if (r.content_type_id, r.object_id) in visible]
        slugs.update(visible)
        if len(revisions) < batch:
            break
        offset, batch = offset + batch, batch * 2
    return found[:limit], slugs


def current_slugs(revisions):
    """Each record's slug now (links follow renamed records), one query per kind present."""
    by_type = {}
    for r in revisions:
        by_type.setdefault(r.content_type_id, set()).add(r.object_id)
    slugs = {}
    for content_type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        for pk, slug in model.objects.published().filter(pk__in=ids).values_list("pk", "slug"):
            slugs[(content_type_id, str(pk))] = slug
    return slugs


class ChangesFeed(HistoryFeed):
    """/feeds/changes/: every published change on the site, newest first, and the daily digests."""

    title = gettext_lazy("Accountability Tracker: published changes")
    subtitle = gettext_lazy(
        "Every change published on the tracker, and each day's digest: one SHA-256 over every record's "
        "latest revision hash, to archive as proof of what the history said."
    )

    def link(self):
        return "/"

    def feed_url(self):
        return reverse("tracker:changes_feed")

    def items(self):
        revisions, slugs = latest_public_revisions(ENTRIES, contents=False)
        entries = revision_entries(revisions, slugs, self)
        entries += [self._digest_entry(digest) for digest in digests.recent_digests()]
        return sorted(entries, key=lambda entry: entry.published, reverse=True)

    def _digest_entry(self, digest):
        day = dateformat.format(digest.day, "j F Y")
        listing = reverse("tracker:digest", args=[digest.day.isoformat()])
        context = {
            "digest": digest,
            "listing": self.absolute(listing),
            "day": day,
            "iso": digest.day.isoformat(),
            "hash": digest.sha256,
        }
        return Entry(
            title=_("Daily digest for %(day)s: %(hash)s") % {"day": day, "hash": digest.sha256},
            link=listing,
            changes_link="",
            summary=self.render("history/feed_digest.html", context),
            published=digest.ends_at,
            author=self.author_name(),
        )


class RecordFeed(HistoryFeed):
    """/<kind>/<slug>/feed/: the published revisions of one record, newest first."""

    def __call__(self, request, kind, slug):
        self.request = request
        record, answer = public_record(request, kind, slug)
        if answer:
            return answer
        self.kind, self.record = kind, record
        return super().__call__(request)

    def get_object(self, request):
        return self.record

    def title(self, record):
        kind = KINDS_WITH_PAGES[self.kind].label
        title = _("%(kind)s “%(name)s”: published changes") % {"kind": kind, "name": record}
        return plain(title, single_line=True)

    def subtitle(self, record):
        return _("Every published revision of this %(kind)s, newest first.") % {
            "kind": KINDS_WITH_PAGES[self.kind].label.lower()
        }

    def link(self, record):
        return record_url(self.kind, record.slug)

    def feed_url(self, record):
        return reverse(f"tracker:{record.public_url_name}_feed", args=[record.slug])

    def items(self, record):
        revisions = list(PublicRevision.objects.for_record(record).as_public().order_by("-number")[:ENTRIES])
        return revision_entries(revisions, {(r.content_type_id, r.object_id): record.slug for r in revisions}, self)


def get_record_feed(request, kind, slug):
    """The per-record feed view (a fresh Feed per request: it keeps the request while rendering)."""
    if kind not in KINDS_WITH_PAGES:
        raise Http404
    return RecordFeed()(request, kind, slug)


def get_changes_feed(request):
    return ChangesFeed()(request)

"""The latest public revisions of the whole site, a page at a time, for the page of recent changes
(/changes/): the same revisions as the changes feed (`feeds.latest_public_revisions`: records the public may
see, newest first, each linked under its address now), each with what it changed from the revision before.

Pages are read from the newest: page n reads the n × 25 + 1 latest revisions (in batches that double, so
a few queries), and the page stops at `MAX_PAGES`; older changes are in each record's history and in the
downloads' revisions.csv."""

from dataclasses import dataclass

from tracker.history.addresses import compare_url, record_url, revision_url
from tracker.history.feeds import latest_public_revisions
from tracker.history.summaries import previous_of, revisions_before, what_changed
from tracker.models.kinds import kind_of_type

PER_PAGE = 25
MAX_PAGES = 40


@dataclass(frozen=True)
class Change:
    revision: object  # PublicRevision
    kind: object  # RecordKind
    record_url: str
    revision_url: str
    compare_url: str  # "" for a first revision
    changed: str  # one line: what the revision changed

    @property
    def content(self):
        return self.revision.content


def recent_revisions(number):
    """The revisions a reader of page `number` (from 1) may need: the latest number × PER_PAGE + 1 (the
    one more says whether a next page exists), and each record's slug now."""
    number = max(1, min(number, MAX_PAGES))
    return latest_public_revisions(number * PER_PAGE + 1)


def changes(revisions, slugs):
    """A Change for each revision (whose record has a public page), in the order given."""
    before = revisions_before(revisions)
    found = []
    for r in revisions:
        kind, slug = kind_of_type(r.content.get("type")), slugs.get((r.content_type_id, r.object_id))
        if kind is None or kind.segment is None or slug is None:
            continue
        found.append(
            Change(
                revision=r,
                kind=kind,
                record_url=record_url(kind.segment, slug),
                revision_url=revision_url(kind.segment, slug, r.number),
                compare_url=compare_url(kind.segment, slug, r.number - 1, r.number) if r.number > 1 else "",
                changed=what_changed(r, previous_of(before, r)),
            )
        )
    return found

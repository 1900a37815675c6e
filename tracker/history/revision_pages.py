"""Reading public revisions with a fixed number of queries, however long a record's history is."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Max

from tracker.history.summaries import what_changed
from tracker.models import PublicRevision

PER_PAGE = 50


def revisions_of(record):
    return PublicRevision.objects.for_record(record).as_public()


def latest_number(record):
    """How many revisions the record has (numbers run 1..n)."""
    return revisions_of(record).aggregate(latest=Max("number"))["latest"] or 0


@dataclass(frozen=True)
class HistoryRow:
    revision: PublicRevision
    changed: str  # one line: what this revision changed from the one before


def history_page(record, page_number):
    """One page of the record's revisions, newest first, each with what it changed (2 queries: the
    count, and the page's revisions plus the one just before them, to say what the oldest changed)."""
    paginator = Paginator(revisions_of(record).order_by("-number"), PER_PAGE, allow_empty_first_page=True)
    page = paginator.get_page(page_number)
    if not paginator.count:
        page.object_list = []
        return page
    first = page.start_index() - 1
    fetched = list(paginator.object_list[first : first + PER_PAGE + 1])
    shown, before = fetched[:PER_PAGE], fetched[PER_PAGE:]
    older = [*shown[1:], *before, None]
    page.object_list = [
        HistoryRow(revision, what_changed(revision, previous)) for revision, previous in zip(shown, older, strict=False)
    ]
    return page


def revision_with_previous(record, number):
    """Revision `number` and the one before it (None when there is none), in one query."""
    found = {r.number: r for r in revisions_of(record).filter(number__in=[number - 1, number])}
    return found.get(number), found.get(number - 1)


def revisions_numbered(record, *numbers):
    """The revisions with these numbers, by number, in one query."""
    return {r.number: r for r in revisions_of(record).filter(number__in=numbers)}

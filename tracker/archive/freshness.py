"""When a record's status was last checked, and whether it is stale.

A status was checked when an editor published the record (its latest public revision), or when the weekly
check (tracker/archive/checking.py) found every address the record cites still answering with the page
as it was archived. A check that found a source dead or changed confirms nothing. The status is stale when
neither happened for `SOURCE_STALE_DAYS` days: the page then says so plainly.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Max
from django.utils import timezone

from tracker.models import PublicRevision


@dataclass(frozen=True)
class Freshness:
    last_checked: datetime.datetime | None
    stale: bool
    dead: int  # how many of its sources no longer answer


def stale_before(now=None):
    return (now or timezone.now()) - datetime.timedelta(days=settings.SOURCE_STALE_DAYS)


def sources_confirmed_at(urls, copies):
    """The oldest confirmation among the record's cited addresses; None when one has none."""
    moments = [copies[url].confirmed_at if url in copies else None for url in urls]
    if not moments or any(moment is None for moment in moments):
        return None
    return min(moments)


def freshness_of(record, urls, copies, now=None):
    """The Freshness of a published record citing `urls`, whose copies (by address) are `copies`."""
    published = PublicRevision.objects.for_record(record).aggregate(latest=Max("published_at"))["latest"]
    moments = [m for m in (published, sources_confirmed_at(urls, copies)) if m is not None]
    last_checked = max(moments) if moments else None
    dead = sum(1 for url in set(urls) if url in copies and copies[url].is_dead)
    stale = last_checked is None or last_checked < stale_before(now)
    return Freshness(last_checked, stale, dead)

"""The daily digest: one SHA-256 over every record's latest revision hash at the end of a day.

Each revision's hash already covers the one before it, so the digest of a day pins the whole published
history up to that day. It is published in the site-wide feed, where anyone can archive it; later,
anyone can recompute it from the listing (`sha256sum` of /history/digests/<day>/ gives the digest) or
with `manage.py verify_history --digest DAY=HASH`, and a rewritten history no longer gives the same
hash. Past days never change (revisions are only ever added), so digests are computed, not stored.
Days are calendar days in the site's time zone; taken-down records count like any other.
"""

import datetime
import hashlib
from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from django.db.models.functions import TruncDate
from django.utils import timezone

from tracker.models import PublicRevision


@dataclass(frozen=True)
class Digest:
    day: datetime.date
    listing: str  # one line per record: "<type> <id> <latest revision number> <its hash>"
    records: int

    @property
    def sha256(self):
        return hashlib.sha256(self.listing.encode("utf-8")).hexdigest()

    @property
    def ends_at(self):
        return end_of(self.day)


def end_of(day):
    """The first moment after `day`, in the site's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min))


def is_complete(day):
    return day < timezone.localdate()


def digest_for(day):
    """The digest of everything published up to the end of `day` (one query)."""
    end = end_of(day)
    published = PublicRevision.objects.filter(published_at__lt=end)
    newer = published.filter(content_type=OuterRef("content_type"), object_id=OuterRef("object_id"))
    latest = published.exclude(Exists(newer.filter(number__gt=OuterRef("number")))).values_list(
        "content_type__app_label", "content_type__model", "object_id", "number", "hash"
    )
    # Sorted here, not in SQL: the order must not depend on the database's collation.
    lines = sorted(f"{app}.{model} {object_id} {number} {hash_}\n" for app, model, object_id, number, hash_ in latest)
    return Digest(day=day, listing="".join(lines), records=len(lines))


def recent_days(limit=7):
    """The last `limit` complete days on which something was published, newest first (one query)."""
    days = (
        PublicRevision.objects.filter(published_at__lt=end_of(timezone.localdate() - datetime.timedelta(days=1)))
        .annotate(day=TruncDate("published_at"))
        .order_by("-day")
        .values_list("day", flat=True)
        .distinct()
    )
    return list(days[:limit])

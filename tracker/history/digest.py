"""Digests: one SHA-256 over every record's latest revision hash at a moment.

Each revision's hash already covers the one before it, so a digest pins the whole published history up
to its moment. Two kinds share one listing format ("<type> <id> <latest revision number> <its hash>", a
line per record, sorted), and `sha256sum` of a listing gives its digest:

- Daily digests, at the end of each day in the site's time zone, are computed (past days never change,
  since revisions are only ever added) and published in the changes feed; `manage.py verify_history
  --digest DAY=HASH` checks one that was archived.
- Signed digests, at the end of every hour in which something was published (the hourly Celery task,
  `manage.py make_digests`) and whenever one is asked for (the demo makes one after loading), are kept
  forever with an Ed25519 signature of the listing (tracker/history/signing.py), all listed at
  /history/digests/. A reader verifies one with openssl and the public key (the methodology page says how),
  without trusting the site.

Taken-down records count like any other.
"""

import base64
import datetime
import hashlib
from dataclasses import dataclass
from datetime import UTC

from django.conf import settings
from django.core.cache import cache
from django.db.models import Exists, Max, Min, OuterRef, Q
from django.db.models.functions import TruncHour
from django.utils import timezone

from tracker.history import signing, transparency
from tracker.models import PublicRevision, SignedDigest
from tracker.models.digests import STAMP_FORMAT


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
    listing, records = listing_at(end_of(day))
    return Digest(day=day, listing=listing, records=records)


@dataclass(frozen=True)
class DayFigures:
    """What the changes feed says of a daily digest, without its listing."""

    day: datetime.date
    sha256: str
    records: int

    @property
    def ends_at(self):
        return end_of(self.day)


def recent_digests(limit=7):
    """DayFigures of the daily digests of the last `limit` complete days on which something was published,
    newest first: the changes feed's. The days are kept as the digests are (`daily_digests`), with the
    highest revision id and the day they were found on: until a revision is added or the day ends, they
    are not looked for again."""
    if not settings.HISTORY_DIGEST_CACHE_SECONDS:
        return daily_digests(recent_days(limit))
    highest = PublicRevision.objects.aggregate(highest=Max("id"))["highest"] or 0
    key = f"history:recent-days:{limit}:{timezone.localdate().isoformat()}"
    kept = cache.get(key)  # (days, highest revision id when they were found)
    if kept is not None and kept[1] == highest:
        days = kept[0]
    else:
        days = recent_days(limit)
        cache.set(key, (days, highest), settings.HISTORY_DIGEST_CACHE_SECONDS)
    return daily_digests(days, highest=highest)


def daily_digests(days, *, highest=None):
    """DayFigures of the daily digests of `days` (complete days). A digest lists every record's latest
    revision, so computing one reads the whole history: at 100,000 commitments the feed's seven of them
    cost more than the rest of it. A past day's digest changes only when a revision dated on or before it
    is added (the demo and imports may publish with a past date), and an added revision has a higher id
    than any before it. So each digest is cached with the highest revision id there was
    when it was last checked, and a request only looks at the revisions added since (two small queries),
    for `HISTORY_DIGEST_CACHE_SECONDS` (0: computed every time). `highest`: the highest revision id, when
    the caller has just read it."""
    seconds = settings.HISTORY_DIGEST_CACHE_SECONDS
    if not seconds or not days:
        return [_figures(digest_for(day)) for day in days]
    keys = {day: f"history:daily-digest:{day.isoformat()}" for day in days}
    cached = cache.get_many(list(keys.values()))  # {key: (figures, highest revision id when checked)}
    if highest is None:
        highest = PublicRevision.objects.aggregate(highest=Max("id"))["highest"] or 0
    added = {}
    if cached and min(seen for _figures, seen in cached.values()) < highest:
        # The earliest date among the revisions added since each day's check.
        added = PublicRevision.objects.filter(id__gt=min(seen for _figures, seen in cached.values())).aggregate(
            **{
                day.isoformat(): Min("published_at", filter=Q(id__gt=cached[key][1]))
                for day, key in keys.items()
                if key in cached
            }
        )
    found, checked = [], {}
    for day, key in keys.items():
        earliest_added = added.get(day.isoformat())
        if key in cached and (earliest_added is None or earliest_added >= end_of(day)):
            figures = cached[key][0]
        else:
            figures = _figures(digest_for(day))
        # Written again only when something changed: while nothing is published, a request writes nothing.
        if cached.get(key) != (figures, highest):
            checked[key] = (figures, highest)
        found.append(figures)
    if checked:
        cache.set_many(checked, seconds)
    return found


def _figures(digest):
    return DayFigures(day=digest.day, sha256=digest.sha256, records=digest.records)


def listing_at(moment):
    """(listing, number of records): every record's latest revision published before `moment`."""
    published = PublicRevision.objects.filter(published_at__lt=moment)
    newer = published.filter(content_type=OuterRef("content_type"), object_id=OuterRef("object_id"))
    latest = published.exclude(Exists(newer.filter(number__gt=OuterRef("number")))).values_list(
        "content_type__app_label", "content_type__model", "object_id", "number", "hash"
    )
    # Sorted here, not in SQL: the order must not depend on the database's collation.
    lines = sorted(f"{app}.{model} {object_id} {number} {hash_}\n" for app, model, object_id, number, hash_ in latest)
    return "".join(lines), len(lines)


def recent_days(limit=7):
    """The last `limit` complete days on which something was published, newest first: one query a day, each
    the latest revision before the day after it, along the index of `published_at` (the days of every
    revision, distinct, would read the whole history)."""
    days, before = [], end_of(timezone.localdate() - datetime.timedelta(days=1))
    while len(days) < limit:
        latest = PublicRevision.objects.filter(published_at__lt=before).aggregate(latest=Max("published_at"))
        if latest["latest"] is None:
            break
        day = timezone.localdate(latest["latest"])
        days.append(day)
        before = end_of(day - datetime.timedelta(days=1))
    return days


# --- Signed digests -----------------------------------------------------------------------------


def make_signed_digest(moment):
    """Sign and keep the digest of everything published before `moment` (once: a digest never changes)."""
    existing = SignedDigest.objects.filter(ends_at=moment).first()
    if existing:
        return existing
    listing, records = listing_at(moment)
    data = listing.encode("utf-8")
    return SignedDigest.objects.create(
        ends_at=moment,
        records=records,
        sha256=hashlib.sha256(data).hexdigest(),
        signature=base64.b64encode(signing.sign(data)).decode(),
        key_fingerprint=signing.key_fingerprint(),
        made_at=timezone.now(),
    )


SETTLE = datetime.timedelta(minutes=5)


def sign_what_is_new():
    """A new signed digest of everything published so far; None when the latest one already covers it.

    The digest's moment is the second after the latest publish (digests are named to the second), so it
    covers every revision there is. For a quiet moment (the demo after loading, an operator): a publish
    committing within that same second would change the listing after it was signed."""
    last_published = PublicRevision.objects.aggregate(last=Max("published_at"))["last"]
    if last_published is None:
        return None
    latest = SignedDigest.objects.order_by("-ends_at").first()
    if latest is not None and latest.ends_at > last_published:
        return None
    return make_signed_digest(last_published.replace(microsecond=0) + datetime.timedelta(seconds=1))


def make_signed_digests(now=None):
    """A signed digest at the end of every hour that has ended, in which something was published and
    that has none yet. Returns the digests made. Idempotent: the hourly task may run as often as it likes.

    An hour is signed once it ended SETTLE ago, so that a publish still committing when the hour ended is
    in its listing (the listing is recomputed from the stored history whenever it is asked for)."""
    now = now or timezone.now()
    this_hour = (now - SETTLE).replace(minute=0, second=0, microsecond=0)
    hours = (
        PublicRevision.objects.filter(published_at__lt=this_hour)
        .annotate(hour=TruncHour("published_at", tzinfo=UTC))
        .values_list("hour", flat=True)
        .distinct()
    )
    ends = {hour + datetime.timedelta(hours=1) for hour in hours}
    ends -= set(SignedDigest.objects.filter(ends_at__in=ends).values_list("ends_at", flat=True))
    return [make_signed_digest(end) for end in sorted(ends)]


def signed_listing(digest):
    """The listing a signed digest is the SHA-256 of, recomputed from the stored history."""
    return listing_at(digest.ends_at)[0]


def signed_digest_named(stamp):
    """The signed digest with this stamp (20261127T110000Z), or None."""
    try:
        moment = datetime.datetime.strptime(stamp, STAMP_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        return None
    return SignedDigest.objects.filter(ends_at=moment).first()


def checking_context():
    """What a page showing how to check a digest needs: the public key, its fingerprint, and the name of
    the latest digest for the example commands."""
    latest = SignedDigest.objects.order_by("-ends_at").first()
    return {
        "public_key": signing.public_key_pem(),
        "fingerprint": signing.key_fingerprint(),
        "example_stamp": latest.stamp if latest else "",
        "log_verifier_key": transparency.current_key().verifier_key,
        "latest_checkpoint": transparency.latest_checkpoint(),
    }

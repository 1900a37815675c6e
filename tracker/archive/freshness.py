"""When a record's status was last checked, and whether it is stale.

A status was checked when an editor published the record (its latest public revision), or when the weekly
check (tracker/archive/checking.py) found every address the record cites still answering with the page
as it was archived. A check that found a source dead or changed confirms nothing. The status is stale when
neither happened for `SOURCE_STALE_DAYS` days: the page then says so plainly.
"""

import datetime
import functools
import operator
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import BooleanField, CharField, Exists, ExpressionWrapper, Max, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.utils import timezone

from tracker.archive.citations import CITING_PARTS
from tracker.models import ArchivedCopy, PublicRevision


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


def freshness_of(record, urls, copies, now=None, published=None):
    """The Freshness of a published record citing `urls`, whose copies (by address) are `copies`; `published`,
    when the caller read it already, is when its latest public revision was published."""
    if published is None:
        published = PublicRevision.objects.for_record(record).aggregate(latest=Max("published_at"))["latest"]
    moments = [m for m in (published, sources_confirmed_at(urls, copies)) if m is not None]
    last_checked = max(moments) if moments else None
    dead = sum(1 for url in set(urls) if url in copies and copies[url].is_dead)
    stale = last_checked is None or last_checked < stale_before(now)
    return Freshness(last_checked, stale, dead)


def _confirmed_since(cutoff):
    """Copies whose page was seen as cited on or after `cutoff` (ArchivedCopy.confirmed_at >= cutoff)."""
    return ArchivedCopy.objects.filter(
        Q(checked_at__gte=cutoff, dead_reason="", content_changed=False) | Q(fetched_at__gte=cutoff),
        url=OuterRef("url"),
    )


def needing_attention(model, now=None):
    """The published records of `model` (commitments or decisions) whose evidence is dead or whose status is
    stale, in one query: each annotated with `last_published`, `has_dead` and `is_stale`, the oldest first."""
    cutoff = stale_before(now)
    dead = ArchivedCopy.objects.exclude(dead_reason="").filter(url=OuterRef("url"))
    confirmed = _confirmed_since(cutoff)
    # EXISTS and NOT EXISTS, never NOT IN, which PostgreSQL cannot plan as an anti-join.
    has_dead, unconfirmed, cited = [], [], []
    for part, field, record_model in CITING_PARTS:
        if record_model is model:
            parts = part.objects.filter(**{field: OuterRef("pk")}).exclude(url="")
            has_dead.append(Exists(parts.filter(Exists(dead))))
            unconfirmed.append(Exists(parts.exclude(Exists(confirmed))))
            cited.append(Exists(parts))
    latest = PublicRevision.objects.filter(
        content_type=ContentType.objects.get_for_model(model, for_concrete_model=False),
        object_id=Cast(OuterRef("pk"), CharField()),
    ).order_by("-published_at")
    records = model.objects.published().annotate(
        last_published=Subquery(latest.values("published_at")[:1]),
        has_dead=_any(has_dead),
        has_unconfirmed=_any(unconfirmed),
        has_cited=_any(cited),
    )
    stale = Q(last_published__lt=cutoff) & (Q(has_unconfirmed=True) | Q(has_cited=False))
    return (
        records.annotate(is_stale=ExpressionWrapper(stale, BooleanField()))
        .filter(Q(has_dead=True) | stale)
        .order_by("last_published", "pk")
    )


def _any(conditions):
    return ExpressionWrapper(functools.reduce(operator.or_, conditions), BooleanField())

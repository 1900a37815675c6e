"""Writing public revisions straight into the table, properly chained, for long histories and for
histories published on past days."""

import copy
import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType

from tracker.models import PublicRevision
from tracker.publishing.snapshots import build_snapshot


def add_revisions(record, count, *, start, step=datetime.timedelta(hours=1), change=None):
    """Append `count` revisions to `record`'s chain, published `step` apart from `start`; `change(content, i)`
    may alter each one's snapshot."""
    last = PublicRevision.objects.for_record(record).order_by("-number").first()
    number, previous_hash = (last.number, last.hash) if last else (0, "")
    base = build_snapshot(record)
    content_type = ContentType.objects.get_for_model(record)
    rows = []
    for i in range(count):
        number += 1
        content = copy.deepcopy(base)
        if change:
            change(content, i)
        revision = PublicRevision(
            content_type=content_type,
            object_id=str(record.pk),
            number=number,
            published_at=start + i * step,
            edit_summary=f"Update {number}",
            publisher=settings.TRACKER_PUBLISHER,
            content=content,
            previous_hash=previous_hash,
        )
        revision.hash = previous_hash = revision.compute_hash()
        rows.append(revision)
    PublicRevision.objects.bulk_create(rows, batch_size=500)
    return rows


def page_text(response):
    """The response's HTML with runs of whitespace collapsed, for asserting what a reader sees."""
    import re

    return re.sub(r"\s+", " ", response.content.decode())

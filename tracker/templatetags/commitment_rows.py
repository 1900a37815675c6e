"""`{% commitment_rows commitments %}`: the rows of a list of commitments (the list, the dashboard, office,
person and place pages), each kept in the shared cache until the public state changes.

A row names the commitment, its status, place, deadline and owners with their kinds: rendering 30 to 50
of them was most of those pages' time. Each row is kept under the public state's version (which every
change of it moves on, tracker/public/report_cache.py), the page's language, the day (what is overdue)
and the commitment's own publication, for `PUBLIC_ROWS_KEEP_SECONDS` (0: rendered every time), and a
page reads all of its rows in one round trip."""

from django import template
from django.conf import settings
from django.core.cache import cache
from django.template.loader import get_template
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from tracker.public import report_cache

register = template.Library()
ROW = "components/commitment_row.html"


def _key(version, language, today, commitment):
    published = commitment.last_published_at.isoformat() if commitment.last_published_at else ""
    return f"public:row:{version}:{language}:{today}:{commitment.pk}:{published}"


@register.simple_tag
def commitment_rows(commitments):
    # Rendered on their own, without the page's request: a row needs none of its context processors.
    row = get_template(ROW)
    commitments = list(commitments)
    seconds = getattr(settings, "PUBLIC_ROWS_KEEP_SECONDS", 0)
    if not seconds:
        return mark_safe("".join(row.render({"c": c}) for c in commitments))  # noqa: S308 (rendered)
    version, language = report_cache.state_version(), translation.get_language()
    today = timezone.localdate().isoformat()
    keys = [_key(version, language, today, c) for c in commitments]
    found = cache.get_many(keys)
    missing = {key: row.render({"c": c}) for key, c in zip(keys, commitments, strict=True) if key not in found}
    if missing:
        cache.set_many(missing, seconds)
        found.update(missing)
    return mark_safe("".join(found[key] for key in keys))  # noqa: S308 (each row rendered by its template)

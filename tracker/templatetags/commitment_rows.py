"""`{% commitment_rows commitments %}`: the rows of a list of commitments (the list, the dashboard, office,
person and place pages), each cached until the public state changes.

A row names the commitment, its status, place, deadline and owners with their kinds: rendering 30 to 50
of them was most of those pages' time. Each row is cached under the public state's version (which every
change of it moves on, tracker/public/public_state.py), the page's language and the day (what is
overdue), for `PUBLIC_ROWS_CACHE_SECONDS` (0: rendered every time), and a page reads all of its rows in
one round trip."""

from django import template
from django.conf import settings
from django.template.loader import get_template
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from tracker.public import public_state, shared_cache

register = template.Library()
ROW = "components/commitment_row.html"


@register.simple_tag
def commitment_rows(commitments):
    # Rendered on their own, without the page's request: a row needs none of its context processors.
    row = get_template(ROW)
    commitments = list(commitments)
    seconds = settings.PUBLIC_ROWS_CACHE_SECONDS
    if not seconds:
        return mark_safe("".join(row.render({"c": c}) for c in commitments))  # noqa: S308 (rendered)
    prefix = f"public:row:{public_state.version()}:{translation.get_language()}:{timezone.localdate()}"
    keyed = [(f"{prefix}:{c.pk}", c) for c in commitments]
    rows = shared_cache.cached_each(keyed, lambda missing: {key: row.render({"c": c}) for key, c in missing}, seconds)
    return mark_safe("".join(rows))  # noqa: S308 (each row rendered by its template)

"""`{% commitment_rows commitments %}`: the rows of a list of commitments (the list, the dashboard, office,
person and place pages), each kept until what it shows changes.

A row names the commitment, its status, place, deadline and owners with their kinds: rendering 30 to 50
of them was most of those pages' time. Each row is kept under a fingerprint of exactly what it shows (the
commitment's texts, status and deadline, whether it is overdue, its place's names, its public owners'
titles and kinds), the page's language and the row template itself, for `PUBLIC_ROWS_CACHE_SECONDS` (0:
rendered every time). So a publish renders again the rows it changed and no others: a status change, one
row; a renamed office, the rows it owns; a takedown, none (the row is no longer listed). A page reads all
of its rows in one round trip."""

import functools
import hashlib

from django import template
from django.conf import settings
from django.template.loader import get_template
from django.utils import translation
from django.utils.safestring import mark_safe

from tracker.public import shared_cache

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
    prefix = f"public:row:{_template_version(row.template.source)}:{translation.get_language()}"
    keyed = [(f"{prefix}:{c.pk}:{shown_in_row(c)}", c) for c in commitments]
    rows = shared_cache.cached_each(keyed, lambda missing: {key: row.render({"c": c}) for key, c in missing}, seconds)
    return mark_safe("".join(rows))  # noqa: S308 (each row rendered by its template)


def shown_in_row(commitment):
    """A fingerprint of everything `components/commitment_row.html` reads; it must name each field the
    template shows (tests/tracker/public/test_cached_rows.py changes each one). The owners are those the
    list loaded (`with_owners`: their offices public), so an office taken down changes it too."""
    c, place = commitment, commitment.jurisdiction
    shown = [c.slug, c.title, c.title_ur, c.status, c.deadline, c.is_overdue]
    shown += [place.name, place.name_ur] if place else [None]
    shown += [(o.office.slug, o.office.title, o.office.title_ur, o.office.kind) for o in c.owners.all()]
    return hashlib.sha256(repr(shown).encode()).hexdigest()[:32]


@functools.cache
def _template_version(source):
    """The row template's own version: a deploy that changes it is not served rows of the old one."""
    return hashlib.sha256(source.encode()).hexdigest()[:12]

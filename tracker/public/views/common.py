import datetime

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _


def parse_day(value):
    """(date, None) for a YYYY-MM-DD string, (None, message) for anything else, (None, None) if absent."""
    if not value:
        return None, None
    try:
        return datetime.date.fromisoformat(value.strip()), None
    except ValueError:
        return None, _("“%(value)s” is not a date. Use the form YYYY-MM-DD, for example 2021-06-30.") % {
            "value": value[:40]
        }


def published_or_404(queryset, slug):
    if "\x00" in slug:  # no slug holds a NUL byte, and PostgreSQL refuses to compare text with one
        raise Http404("No record at this address.")
    return get_object_or_404(queryset.published(), slug=slug)


def page_numbers(request, paginator):
    """The requested page, falling back to the last page for numbers past the end."""
    return paginator.get_page(request.GET.get("page"))


class CountedPaginator(Paginator):
    """A paginator told its count (from a maintained summary) instead of counting the rows per request."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self._known_count = count

    @property
    def count(self):
        return self._known_count

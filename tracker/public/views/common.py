import datetime
from types import SimpleNamespace

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
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


class UncountedPage:
    """A page of a list that is never counted: it reads one row more than it shows, to know whether there
    is a next page. `paginator.count` and `paginator.num_pages` are None unless the caller knows the count
    (from a maintained summary). Shaped like Django's Page for templates/components/pagination.html."""

    def __init__(self, queryset, number, per_page, count=None):
        self.number = number
        rows = list(queryset[(number - 1) * per_page : number * per_page + 1])
        self._has_next = len(rows) > per_page
        self.object_list = rows[:per_page]
        self.paginator = SimpleNamespace(
            count=count, num_pages=None if count is None else max(1, -(-count // per_page)), per_page=per_page
        )

    def __iter__(self):
        return iter(self.object_list)

    def has_next(self):
        return self._has_next

    def has_previous(self):
        return self.number > 1

    def has_other_pages(self):
        return self.has_next() or self.has_previous()

    def next_page_number(self):
        return self.number + 1

    def previous_page_number(self):
        return self.number - 1


# No list has this many pages; a larger number would make an offset the database cannot hold (SQLite's
# integers end at 2**63).
MAX_PAGE_NUMBER = 10**9


def page_number(request, last=None):
    """The page number asked for: 1 for anything that is not a positive number, at most `last` if known
    (and never more than MAX_PAGE_NUMBER)."""
    try:
        number = max(1, int(request.GET.get("page") or 1))
    except (TypeError, ValueError):
        number = 1
    return min(number, last or MAX_PAGE_NUMBER, MAX_PAGE_NUMBER)


def csv_download(text, filename):
    """A CSV file (UTF-8) to download, named `filename` (made of our own words and numbers only)."""
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

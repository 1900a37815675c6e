"""The index pages of people, offices and places (tracker/public/browse.py)."""

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language

from tracker.public import browse, browse_facts
from tracker.public.views.common import page_number


def _index(request, key):
    kind = browse.KINDS[key]
    language = get_language()
    _rows, provinces = browse.rows_of(kind)
    form = browse.IndexForm(request.GET or None, kind=kind, provinces=provinces, language=language)
    valid = form.is_valid() if form.is_bound else True
    if not form.is_bound:
        form.cleaned_data = {}
    index = browse.build(kind, form, language, page_number(request)) if valid else None
    if index is not None:
        index.page.object_list = browse_facts.fill(kind, index.page.object_list, timezone.localdate())
    context = {
        "kind": key,
        "form": form,
        "index": index,
        "narrowed": valid and form.is_bound and form.narrowed,
        # The addresses of the letters and provinces keep what the reader chose.
        "base_query": _query(request, "page"),
        "province_query": _query(request, "page", "province"),
    }
    return render(request, "tracker/browse.html", context, status=200 if valid else 400)


def _query(request, *leaving_out):
    query = request.GET.copy()
    for name in leaving_out:
        query.pop(name, None)
    return query.urlencode()


def person_list(request):
    return _index(request, "people")


def office_list(request):
    return _index(request, "offices")


def jurisdiction_list(request):
    return _index(request, "places")

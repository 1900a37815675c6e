"""The search page and the name autocomplete. Thin: the form reads the URL, the service searches,
and this module only builds the links (facets, sorting, pages) the template shows."""

from urllib.parse import urlencode

from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from search import queries
from search.forms import SearchForm
from search.results import SORTS

FACET_ORDER = ("kind", "status", "overdue", "sector", "jurisdiction", "office_kind", "owner")


def _link(params, **changes):
    """?query string of `params` with `changes` applied (None removes); always back to page 1."""
    merged = {k: v for k, v in params.items() if k != "page" and v not in ("", None)}
    for key, value in changes.items():
        if value is None:
            merged.pop(key, None)
        elif key == "page":
            merged["page"] = value
        else:
            merged[key] = value
    return "?" + urlencode(merged) if merged else "?"


def _followed(form):
    """The search's words and valid filters, as the tracker's follow form and search feed take them."""
    q = (form.cleaned_data.get("q") or "").strip()
    return ([("q", q)] if q else []) + form.active_filters()


@require_GET
def search_page(request):
    form = SearchForm(request.GET)
    form.is_valid()
    results = queries.search(form.search_request(today=timezone.localdate()))
    params = {k: request.GET.get(k, "") for k in ("q", "sort", *SearchForm.FILTERS) if k not in form.errors}
    facets = []
    for name in FACET_ORDER:
        facet = results.facets.get(name)
        if facet is None or not facet.buckets:
            continue
        for bucket in facet.buckets:
            bucket.url = _link(params, **{name: None if bucket.selected else bucket.value})
        facets.append(facet)
    page = results.request.page
    kinds = results.facets.get("kind")
    kind_tabs = []
    if kinds is not None and kinds.buckets:
        # Tabs by kind above the results, commitments first, each with its count.
        chosen = form.cleaned_data.get("kind") or ""
        everything = sum(b.count for b in kinds.buckets)
        kind_tabs = [(_("All"), everything, _link(params, kind=None), not chosen)]
        kind_tabs += [(b.label, b.count, _link(params, kind=b.value), b.selected) for b in kinds.buckets]
    context = {
        "form": form,
        "results": results,
        "facets": facets,
        "kind_tabs": kind_tabs,
        "hidden_filters": form.active_filters(),
        "sort_links": [
            (key, label, _link(params, sort=key), key == results.request.sort) for key, label in SORTS.items()
        ],
        "previous_url": _link(params, page=page - 1) if page > 1 else "",
        "next_url": _link(params, page=page + 1) if page < results.num_pages else "",
        "clear_url": _link({"q": params.get("q", "")}),
        # Did you mean: the words with a misspelling corrected, a link that searches for them (search/suggestions.py).
        "suggestion_url": _link(params, q=results.suggestion) if results.suggestion else "",
        # Following this search (tracker's follow form and feed take the same parameters).
        "follow_params": _followed(form),
        "follow_feed": reverse("tracker:search_follow_feed") + "?" + urlencode(_followed(form)),
        "did_you_mean": [
            (form[name].label, [(label, _link(params, **{name: slug})) for label, slug in found])
            for name, found in form.suggestions.items()
            if found
        ],
    }
    return render(request, "search/search.html", context, status=400 if form.errors else 200)


@require_GET
def autocomplete(request):
    """JSON names of people, offices and places for a search box (`?q=` at least two letters)."""
    prefix = request.GET.get("q", "")
    return JsonResponse({"query": prefix, "results": queries.autocomplete(prefix)})

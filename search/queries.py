"""The search service: what the views call. It asks the configured backend, falls back to the
database backend when the search server does not answer, and labels the facets."""

import logging

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from search import suggestions, variants
from search.backends import SearchUnavailable, configured_name, get_backend
from search.documents import KIND_LABELS
from search.indexing import as_they_are_now
from search.results import (
    FACETS,
    MAX_RESULTS_WINDOW,
    Bucket,
    Facet,
    SearchResults,
    localized,
    make_hit,
    page_url,
)
from search.text import index_text
from tracker.models import Jurisdiction, Office
from tracker.models.vocabulary import CommitmentStatus, OfficeKind, Sector

log = logging.getLogger(__name__)

AUTOCOMPLETE_MIN_CHARS = 2
AUTOCOMPLETE_LIMIT = 8
FALLBACK_NOTICE = gettext_lazy(
    "The search server is not answering, so these results come from the tracker's database. "
    "They are complete, but spelling mistakes are not forgiven and the order may differ."
)


def _ask(method, *args):
    """(answer, fell_back) from the configured backend, or from the database if it is unreachable."""
    backend = get_backend()
    try:
        return getattr(backend, method)(*args), False
    except SearchUnavailable as exc:
        if backend.name == "database":
            raise
        log.warning("Search server unavailable, answering from the database: %s", exc)
        return getattr(get_backend("database"), method)(*args), True


def search(request):
    """SearchResults for a SearchRequest: hits, total, labelled facets and notices."""
    query = request.query
    notices = list(query.notices)
    if query.raw and query.is_empty:
        # Nothing searchable was typed (only operators, punctuation or common words): say so.
        return SearchResults(hits=[], total=0, request=request, notices=notices, backend=configured_name())
    request.page = max(1, min(request.page, MAX_RESULTS_WINDOW // request.per_page))
    variants.expand(query)  # Roman Urdu, abbreviations and sound keys besides the words typed
    results, fell_back = _ask("search", request)
    if not results.total and len(query.terms) + len(query.phrases) > 1:
        # Nothing has every word (pasted text, stray syntax): show what has any of them, and say so.
        query.match_any = True
        results, fell_back = _ask("search", request)
        if results.total:
            notices.append(_("Nothing has all of these words; these results have at least one of them."))
    if results.total and not results.hits and request.page > results.num_pages:
        request.page = results.num_pages  # past the last page: show the last one
        results, fell_back = _ask("search", request)
    _leave_out_gone(results)
    if results.total > MAX_RESULTS_WINDOW:
        notices.append(
            _("Only the first %(n)s results can be shown; add words or filters to narrow the search.")
            % {"n": f"{MAX_RESULTS_WINDOW:,}"}
        )
    if fell_back:
        notices.insert(0, str(FALLBACK_NOTICE))
    results.fallback = fell_back
    if results.total < suggestions.FEW and query.raw and not request.filters():
        # Words that find little on their own (with filters, the filters explain it): did you mean...
        results.suggestion = suggestions.suggest(query.raw)
    results.notices = notices + results.notices
    results.facets = label_facets(results.facets, request)
    return results


def _leave_out_gone(results):
    """The page's hits as their records are now where the index has not caught up yet (search/indexing.py):
    one result fewer than the index counted for a record that left the public site, never the record."""
    documents = as_they_are_now([hit.document for hit in results.hits], results.backend)
    kept = [
        hit if now is hit.document else make_hit(now, {}, results.request.today)
        for hit, now in zip(results.hits, documents, strict=True)
        if now is not None
    ]
    results.total = max(0, results.total - (len(results.hits) - len(kept)))
    results.hits = kept


def autocomplete(prefix):
    """Names of people, offices and places that start with what was typed: [{label, ...}]."""
    prefix = index_text(prefix)[:60]
    if len(prefix) < AUTOCOMPLETE_MIN_CHARS:
        return []
    # An abbreviation ("DC Que") completes to the names of its long form first, then to its own.
    documents, seen = [], set()
    for text in [*variants.completions(prefix), prefix]:
        found, fell_back = _ask("autocomplete", text, AUTOCOMPLETE_LIMIT)
        for doc in filter(None, as_they_are_now(found, "database" if fell_back else configured_name())):
            if doc["uid"] not in seen and len(documents) < AUTOCOMPLETE_LIMIT:
                seen.add(doc["uid"])
                documents.append(doc)
    # The label is the name in the page's language (Urdu under /ur/ where the record has one).
    return [
        {
            "label": localized(doc["title"], doc.get("title_ur", "")),
            "label_ur": doc.get("title_ur", ""),
            "kind": doc["kind"],
            "kind_label": str(KIND_LABELS[doc["kind"]]),
            "url": page_url(doc["url"]),
        }
        for doc in documents
    ]


def label_facets(counts, request):
    """{name: Facet} in the page's order, each with its values' labels and whether it is chosen.
    Values nobody could pick (a count of 0) are left out unless they are the current choice. Labels are
    in the page's language: the vocabulary through gettext, offices and places by their Urdu names."""
    offices = Office.objects.published().filter(slug__in=counts["owner"]).values_list("slug", "title", "title_ur")
    places = Jurisdiction.objects.published().filter(slug__in=counts["jurisdiction"])
    labels = {
        "kind": {k: str(v) for k, v in KIND_LABELS.items()},
        "status": dict(CommitmentStatus.choices),
        "sector": dict(Sector.choices),
        "office_kind": dict(OfficeKind.choices),
        "overdue": {"1": _("Overdue")},
        "owner": {slug: localized(title, title_ur) for slug, title, title_ur in offices},
        "jurisdiction": {
            slug: localized(name, name_ur) for slug, name, name_ur in places.values_list("slug", "name", "name_ur")
        },
    }
    chosen = request.filters()
    facets = {}
    for name, label in FACETS.items():
        current = "1" if name == "overdue" and chosen.get(name) else chosen.get(name, "")
        values = dict(counts.get(name, {}))
        if current and current not in values:
            values[current] = 0
        buckets = [
            Bucket(value=value, label=str(labels[name].get(value, value)), count=count, selected=value == current)
            for value, count in values.items()
            if count or value == current
        ]
        facets[name] = Facet(name=name, label=str(label), buckets=buckets)
    return facets

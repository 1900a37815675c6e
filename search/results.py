"""The one shape every backend answers in: what the search page and the tests read."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.urls import translate_url
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, override
from django.utils.translation import gettext_lazy as _

from search.documents import KIND_LABELS, sector_label, status_label
from search.highlights import in_original
from search.text import MARK_END, MARK_START
from tracker.models.vocabulary import CommitmentStatus, OfficeKind, OwnershipRole, Sector

PER_PAGE = 20
# Deep pages cost every backend more than they give; past this, narrow the search.
MAX_RESULTS_WINDOW = 10_000
SORTS = {"relevance": _("Relevance"), "deadline": _("Deadline (soonest first)"), "changed": _("Recently changed")}
FACETS = {
    "kind": _("Type"),
    "status": _("Status"),
    "sector": _("Sector"),
    "jurisdiction": _("Place"),
    "office_kind": _("Owner kind"),
    "owner": _("Owner office"),
    "overdue": _("Overdue"),
}
# Facets on commitment fields; choosing one of them limits the results to commitments.
COMMITMENT_FILTERS = ("status", "sector", "jurisdiction", "office_kind", "owner", "overdue")
TOP_BUCKETS = 15  # jurisdiction and owner facets list the places and offices with most results


def marked(text):
    """Backend text with MARK_START/MARK_END around matches, as safe HTML with <mark>."""
    if not text:
        return ""
    html = escape(text).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    return mark_safe(html)  # noqa: S308 - escaped first; only <mark> is added


def in_urdu():
    """Whether the page is read in Urdu (under /ur/): names are then shown in Urdu where a record has them."""
    return (get_language() or "").split("-")[0] == "ur"


def localized(value, value_ur):
    """The Urdu form of a name on Urdu pages when there is one, else the English."""
    return value_ur if value_ur and in_urdu() else value


def _holders(owner):
    """An owner office's holders, each by their Urdu name on Urdu pages when there is one (documents built
    before the Urdu names were kept have none)."""
    names = owner.get("holders", [])
    names_ur = owner.get("holders_ur") or [""] * len(names)
    return [localized(name, name_ur) for name, name_ur in zip(names, names_ur, strict=False)]


def page_url(url):
    """A record's address (stored in English) in the language of the page: /ur/... on Urdu pages once the
    site serves them there; unchanged when the path has no Urdu form."""
    language = get_language()
    if not url or not language or language == settings.LANGUAGE_CODE:
        return url
    with override(settings.LANGUAGE_CODE):  # the stored address is read as the English one it is
        return translate_url(url, language)


@dataclass
class SearchRequest:
    """A search, as the form cleaned it. `query` is a search.text.Query."""

    query: object
    status: str = ""
    sector: str = ""
    jurisdiction: str = ""
    office_kind: str = ""
    owner: str = ""
    overdue: bool = False
    kind: str = ""
    sort: str = "relevance"
    page: int = 1
    per_page: int = PER_PAGE
    today: datetime.date = field(default_factory=datetime.date.today)

    def filters(self, without=None):
        """The active filters as {name: value}, leaving out one facet's own (disjunctive facets)."""
        active = {name: getattr(self, name) for name in (*COMMITMENT_FILTERS, "kind") if getattr(self, name)}
        active.pop(without, None)
        return active

    @property
    def offset(self):
        return (self.page - 1) * self.per_page


@dataclass
class Hit:
    document: dict
    title_html: str = ""
    title_ur_html: str = ""
    snippet_html: str = ""
    overdue: bool = False

    def __getattr__(self, name):
        try:
            return self.__dict__["document"][name]
        except KeyError:
            raise AttributeError(name) from None

    @property
    def url(self):
        return page_url(self.document.get("url", ""))

    @property
    def jurisdiction_name(self):
        return localized(self.document.get("jurisdiction_name", ""), self.document.get("jurisdiction_name_ur", ""))

    @property
    def kind_label(self):
        return KIND_LABELS.get(self.document["kind"], "")

    @property
    def status_label(self):
        return status_label(self.document.get("status"))

    @property
    def sector_label(self):
        return sector_label(self.document.get("sector"))

    @property
    def owner_list(self):
        """The owner offices with their kinds' and roles' labels and current holders."""
        kinds, roles = dict(OfficeKind.choices), dict(OwnershipRole.choices)
        return [
            {
                **owner,
                "title": localized(owner["title"], owner.get("title_ur", "")),
                "holders": _holders(owner),
                "kind_label": kinds.get(owner["kind"], ""),
                "role_label": roles.get(owner["role"], ""),
            }
            for owner in self.document.get("owners", [])
        ]

    @property
    def deadline_date(self):
        value = self.document.get("deadline")
        return datetime.date.fromisoformat(value) if value else None


def make_hit(document, highlights, today):
    """A result from a stored document; highlights may be missing (no words, or not matched). They come
    in the folded text the backend indexed; the reader sees the same words marked in the record's own
    text (search/highlights.py), or the backend's text when nothing lines up."""
    deadline = document.get("deadline")
    overdue = bool(
        document["kind"] == "commitment"
        and deadline
        and deadline < today.isoformat()
        and document.get("status") not in CommitmentStatus.terminal()
    )
    title = in_original(document["title"], highlights.get("title") or "")
    title_ur = in_original(document.get("title_ur", ""), highlights.get("title_ur") or "")
    snippet = highlights.get("snippet") or ""
    field = highlights.get("snippet_field")
    if snippet and field:
        snippet = in_original(document.get(field) or "", snippet, whole=False) or snippet
    return Hit(
        document=document,
        title_html=marked(title or document["title"]),
        title_ur_html=marked(title_ur or document.get("title_ur", "")),
        snippet_html=marked(snippet),
        overdue=overdue,
    )


@dataclass
class Bucket:
    value: str
    label: str
    count: int
    selected: bool = False
    url: str = ""


@dataclass
class Facet:
    name: str
    label: str
    buckets: list


@dataclass
class SearchResults:
    hits: list
    total: int
    request: SearchRequest
    facets: dict = field(default_factory=dict)  # name -> {value: count}, labelled by the service
    notices: list = field(default_factory=list)
    fallback: bool = False
    backend: str = ""
    suggestion: str = ""  # "did you mean": the query with a misspelt word corrected (search/suggestions.py)

    @property
    def num_pages(self):
        reachable = min(self.total, MAX_RESULTS_WINDOW)
        return max(1, -(-reachable // self.request.per_page))


def empty_counts():
    """Zero counts for the facets whose values are a fixed vocabulary, in the contract's order."""
    return {
        "kind": dict.fromkeys(KIND_LABELS, 0),
        "status": dict.fromkeys(CommitmentStatus.values, 0),
        "sector": dict.fromkeys(Sector.values, 0),
        "office_kind": dict.fromkeys(OfficeKind.values, 0),
        "overdue": {"1": 0},
        "jurisdiction": {},
        "owner": {},
    }

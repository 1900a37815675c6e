"""The search form: the parameters of the /search/ URL (docs/reference.md), checked. A value that is not one
of the choices is reported and left out; the rest of the search still runs. The API's search reads it
`strict`: there a parameter that is given must be valid (a choice, not empty; `overdue` true or false; `page`
a whole number from 1), as its OpenAPI document says, or the answer is 400."""

from django import forms
from django.utils.translation import gettext_lazy as _

from search.documents import KIND_LABELS
from search.results import SORTS, SearchRequest
from search.text import parse_query
from tracker.models.vocabulary import CommitmentStatus, OfficeKind, Sector
from tracker.public import names

MAX_PAGE = 999999
BOOLEANS = ("true", "1", "false", "0")


def _any(choices):
    return [("", _("Any")), *choices]


def _page_number(value):
    """The page a value names, or None. ASCII digits only: str.isdigit() also takes ², which int() refuses."""
    if value.isascii() and value.isdigit() and 0 < len(value) <= len(str(MAX_PAGE)) and int(value) >= 1:
        return int(value)
    return None


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), required=False, strip=True)
    kind = forms.ChoiceField(label=_("Type"), choices=_any(KIND_LABELS.items()), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=_any(CommitmentStatus.choices), required=False)
    sector = forms.ChoiceField(label=_("Sector"), choices=_any(Sector.choices), required=False)
    jurisdiction = forms.CharField(label=_("Place"), required=False, max_length=120)
    office_kind = forms.ChoiceField(label=_("Owner kind"), choices=_any(OfficeKind.choices), required=False)
    owner = forms.CharField(label=_("Owner office"), required=False, max_length=120)
    overdue = forms.BooleanField(label=_("Only overdue"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), choices=list(SORTS.items()), required=False)
    page = forms.CharField(required=False)

    def __init__(self, *args, strict=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.strict = strict
        # Control characters (NUL included) are dropped by search.text rather than refused.
        self.fields["q"].validators = []
        # Field name -> [(name, slug)]: the "did you mean" choices for a name that matched nothing.
        self.suggestions = {}

    def _named(self, field_name, kind):
        """The slug of the published place or office named (by name or slug, in any case), as the
        commitment list resolves it (tracker.public.names): the same words find the same records."""
        value = self.cleaned_data[field_name]
        if not value:
            return ""
        found = names.find(kind, value)
        if found.record is None:
            self.suggestions[field_name] = found.suggestions
            raise forms.ValidationError(found.message)
        return found.record.slug

    def clean_jurisdiction(self):
        return self._named("jurisdiction", "place")

    def clean_owner(self):
        return self._named("owner", "office")

    FILTERS = ("kind", "status", "sector", "jurisdiction", "office_kind", "owner", "overdue")

    def clean_page(self):
        return _page_number(self.cleaned_data["page"]) or 1

    def clean(self):
        data = super().clean()
        if self.strict:
            self._check_given()
        return data

    def _check_given(self):
        """The API's reading: every parameter given holds a value its OpenAPI document allows."""
        for name, field in self.fields.items():
            if name not in self.data or name in self.errors:
                continue
            value = self.data.get(name)
            if name == "overdue" and value not in BOOLEANS:
                self.add_error(name, _("Give true or false (or 1 or 0)."))
            elif name == "page" and _page_number(value) is None:
                self.add_error(name, _("Give a page number from 1 to %(most)s.") % {"most": MAX_PAGE})
            elif isinstance(field, forms.ChoiceField) and not value:
                self.add_error(name, _("Give one of the values, or leave the parameter out."))

    def search_request(self, today):
        """A SearchRequest from the valid fields (call after is_valid())."""
        data = self.cleaned_data
        return SearchRequest(
            query=parse_query(data.get("q", "")),
            today=today,
            sort=data.get("sort") or "relevance",
            page=data.get("page") or 1,
            **{name: data.get(name) or ("" if name != "overdue" else False) for name in self.FILTERS},
        )

    def active_filters(self):
        """[(name, value)] of the valid filters in use (kept as hidden fields with a new search)."""
        data = self.cleaned_data
        return [(name, "1" if name == "overdue" else data[name]) for name in self.FILTERS if data.get(name)]

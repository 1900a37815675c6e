"""The search boxes of the admin's record lists and choosers: an editor types part of a name ("quet dist"
for Quetta District), in English or in Urdu, and the best match comes first.

Every word typed must appear in one of the record's searched fields (the start of a word is enough), and
records rank by how well their name matches what was typed: the whole name, then a name that starts with
it, then one that holds it, then one that holds every word. The search runs in the database with the
list's own queryset, so it combines with every filter, sort order, permission and annotation of the list
(Wagtail's search backend refuses any filter or order on a field the model did not declare to it).
"""

from functools import reduce
from operator import and_, or_

from django import forms
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm

# More words than anyone types for a name: the rest are ignored rather than making a query of hundreds
# of clauses.
MOST_WORDS = 8


def words_of(typed):
    return typed.split()[:MOST_WORDS]


def name_matches(names, lookup, value):
    return reduce(or_, (Q(**{f"{name}__{lookup}": value}) for name in names))


def best_match_first(names, words):
    """How well a record's name (English or Urdu) matches the words typed: 0 is best."""
    phrase = " ".join(words)
    every_word = reduce(and_, (name_matches(names, "icontains", word) for word in words))
    return Case(
        When(name_matches(names, "iexact", phrase), then=Value(0)),
        When(name_matches(names, "istartswith", phrase), then=Value(1)),
        When(name_matches(names, "icontains", phrase), then=Value(2)),
        When(every_word, then=Value(3)),
        default=Value(4),
        output_field=IntegerField(),
    )


def search_records(queryset, typed, fields, *, ranked=True):
    """The records of `queryset` whose `fields` hold every word of `typed`; the first two fields are the
    name in English and in Urdu. Ranked best match first unless `ranked` is false (the list is sorted by
    a column the editor chose)."""
    words = words_of(typed)
    if not words:
        return queryset
    for word in words:
        queryset = queryset.filter(reduce(or_, (Q(**{f"{field}__icontains": word}) for field in fields)))
    if not ranked:
        return queryset
    ordering = queryset.query.order_by or queryset.model._meta.ordering or ["pk"]
    return queryset.annotate(match_rank=best_match_first(fields[:2], words)).order_by("match_rank", *ordering)


class RecordSearchMixin:
    """For a record list (Wagtail's index view): its search box searches with `search_records`."""

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return search_records(queryset, self.search_query, self.search_fields, ranked=not self.is_explicitly_ordered)


class RecordChooserSearchForm(BaseFilterForm):
    """The search box of a chooser ("Choose jurisdiction"...), searching with `search_records`. The
    chooser's view sets `search_fields` on the class it makes of this form."""

    search_fields = ()
    q = forms.CharField(
        label=_("Search term"), widget=forms.TextInput(attrs={"placeholder": _("Search")}), required=False
    )

    def filter(self, objects):
        typed = self.cleaned_data.get("q")
        if not typed:
            return objects
        self.is_searching = True
        self.search_query = typed
        return search_records(objects, typed, self.search_fields)

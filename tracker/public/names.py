"""Places, offices and people chosen by the names readers know, not by the tracker's internal slugs.

`/commitments/?jurisdiction=Quetta` and `?jurisdiction=quetta` both mean the district of Quetta: a
value is matched, case-insensitively, against the published records' slugs and names (and the slug
made from what was typed, so "Quetta Division" finds `quetta-division`). When nothing matches, or
several records share the name, the reader gets the closest names as "did you mean" choices instead
of a bare refusal. The search app resolves its filters with the same functions, so a name that
lists commitments here never silently finds nothing there.

The filter forms offer the names as suggestions (an HTML datalist, no script): `suggested_names`
keeps that list to what a reader is likely to pick (places above union councils, offices that own a
commitment), so the page stays light when thousands of records are tracked; any other name still
works when typed.

Readers of the Urdu pages are offered each name in Urdu (in English where its Urdu is not written yet),
in the Urdu alphabet's order, and a name typed in Urdu finds its record as the English one does; the
"did you mean" choices are in the page's language too.
"""

import difflib
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.text import slugify

MAX_SUGGESTIONS = 5
MAX_NAMES = 500


@dataclass
class Kind:
    """How one kind of record is named: its model's name field and the words for it."""

    model_name: str
    name_field: str
    missing: str  # "No place called “%(name)s” is tracked."
    several: str  # "Several places match “%(name)s”: choose one."
    not_exactly: str  # "No place is called exactly “%(name)s”. Did you mean this one?"

    @property
    def model(self):
        from tracker import models

        return getattr(models, self.model_name)


def _kinds():
    from django.utils.translation import gettext_lazy as _

    return {
        "place": Kind(
            "Jurisdiction",
            "name",
            _("No place called “%(name)s” is tracked."),
            _("Several places match “%(name)s”: choose one."),
            _("No place is called exactly “%(name)s”. Did you mean this one?"),
        ),
        "office": Kind(
            "Office",
            "title",
            _("No office called “%(name)s” is tracked."),
            _("Several offices match “%(name)s”: choose one."),
            _("No office is called exactly “%(name)s”. Did you mean this one?"),
        ),
        "person": Kind(
            "Person",
            "name",
            _("No person called “%(name)s” is tracked."),
            _("Several people match “%(name)s”: choose one."),
            _("No person is called exactly “%(name)s”. Did you mean this one?"),
        ),
    }


@dataclass
class Found:
    """What a typed name resolved to: the record, or nothing and the closest names (`suggestions`:
    [(name, slug)])."""

    record: object = None
    suggestions: list = field(default_factory=list)
    message: str = ""


def find(kind, value):
    """The published record of `kind` ("place", "office", "person") that `value` names, by slug or name,
    in any case; else a Found with the closest names and the message to show."""
    spec = _kinds()[kind]
    value = " ".join(str(value).split())[:120]
    if not value or "\x00" in value:
        return Found(message=spec.missing % {"name": value})
    published = spec.model.objects.published()
    name, urdu = spec.name_field, f"{spec.name_field}_ur"
    made = slugify(value, allow_unicode=True)
    named = Q(**{f"{name}__iexact": value}) | Q(**{f"{urdu}__iexact": value})
    exact = list(published.filter(Q(slug__iexact=value) | Q(slug=made) | named)[:10])
    by_slug = [r for r in exact if r.slug.lower() in (value.lower(), made)]
    if len(by_slug) == 1 or len(exact) == 1:
        return Found(record=(by_slug or exact)[0])
    sharing = [(_in_language(getattr(r, name), getattr(r, urdu)), r.slug) for r in exact]
    contains = Q(**{f"{name}__icontains": value}) | Q(**{f"{urdu}__icontains": value})
    containing = [
        (_in_language(english, in_urdu), slug)
        for english, in_urdu, slug in published.filter(contains).values_list(name, urdu, "slug")[:MAX_SUGGESTIONS]
    ]
    matching = set(sharing) | set(containing)
    # Say what is true: a name shared by several records, or part of several names ("Quetta": the city,
    # the district, the division), is ambiguous, not missing.
    message = spec.several if len(matching) > 1 else spec.not_exactly if matching else spec.missing
    return Found(suggestions=_closest(published, name, value, sharing + containing), message=message % {"name": value})


def _closest(published, name, value, matching):
    """[(name, slug)]: the records that share the name or whose names contain what was typed, then the
    most similar names (in English or in Urdu; each shown in the reader's language)."""
    found, in_urdu = list(matching), _urdu()
    shown = {}  # {a name, lowered: (the record's name in the reader's language, slug)}
    for english, urdu, slug in published.values_list(name, f"{name}_ur", "slug")[:20_000]:
        for written in filter(None, (english, urdu)):
            shown.setdefault(written.lower(), (_in_language(english, urdu, in_urdu), slug))
    for close in difflib.get_close_matches(value.lower(), list(shown), n=MAX_SUGGESTIONS, cutoff=0.6):
        found.append(shown[close])
    unique = list(dict.fromkeys(found))
    return unique[:MAX_SUGGESTIONS]


def suggested_names():
    """{"place": [names], "office": [names]} for the filter forms' datalists, cached
    until the public state changes (every list and search page shows them)."""
    from django.utils import timezone

    from tracker.public.shared_cache import cached_report

    return cached_report({"suggested": "names"}, timezone.localdate(), _suggested_names)


def _suggested_names():
    """Kept per language (`cached_report` keys by it): the names in the reader's language and alphabet."""
    from tracker.models import CommitmentOwner, Jurisdiction, Office
    from tracker.models.vocabulary import JurisdictionTier

    places = Jurisdiction.objects.published().exclude(tier=JurisdictionTier.UNION_COUNCIL)
    owning = CommitmentOwner.objects.values("office_id")
    offices = Office.objects.published().filter(pk__in=owning)
    if not _urdu():
        return {
            "place": list(places.order_by("name").values_list("name", flat=True).distinct()[:MAX_NAMES]),
            "office": list(offices.order_by("title").values_list("title", flat=True).distinct()[:MAX_NAMES]),
        }
    return {"place": _urdu_names(places, "name"), "office": _urdu_names(offices, "title")}


def _urdu_names(records, name):
    """Each record's Urdu name (its English one where none is written), once, Urdu names first in the Urdu
    alphabet's order, at most MAX_NAMES."""
    from tracker.public.alphabet import sort_key

    shown = {_in_language(english, urdu, True) for english, urdu in records.values_list(name, f"{name}_ur")}
    return sorted(shown, key=sort_key)[:MAX_NAMES]


def _urdu():
    from django.utils import translation

    return translation.get_language() == "ur"


def _in_language(english, urdu, in_urdu=None):
    """A record's name as the page's reader reads it: in Urdu on Urdu pages, where it is written."""
    in_urdu = _urdu() if in_urdu is None else in_urdu
    return (urdu or english) if in_urdu else english

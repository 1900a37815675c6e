"""The index pages of people, offices and places (/people/, /offices/, /jurisdictions/): every published
record of a kind, A to Z or by province, narrowed by name.

A citizen looking for their deputy commissioner, their mayor or their district knows neither the
tracker's addresses nor how it spells a name. An index lists every published record sorted as a reader of
the page's language expects: English A to Z; on Urdu pages by the Urdu name where the record has one, in
the order of the Urdu alphabet (not of Unicode, which puts پ, ٹ, چ, ڈ, ک and گ after ی), then the names
written only in English, A to Z. A bar of letters jumps to the page and the heading where each letter
begins; `?by=province` puts the records of each province together under its name instead. The filter
box (`?q=`) keeps the records of which every word typed is part of a name (English, Urdu or one of the
other names people use), in any case and with the Arabic letter forms of Urdu read as Urdu;
`?province=` keeps one province (`federal`: what is above every province); places can be narrowed to a
tier and offices to a kind.

Cost: one query reads the names of every published record of the kind and the place it belongs to
(a person: the place of the office they hold now, else of the last one they held), and one the place
tree; both are cached until the public state changes (`shared_cache.cached_report`).
The order, letters, provinces and filter are worked out over those rows in memory, and only the page's
own records are read in full, with what the page says of them (who holds an office now, the offices a
person holds now, a place's parent), in a query or two (browse_facts.py). Names are ordered and folded
by alphabet.py. So no page's query count grows with the number
of records (tests/tracker/public/test_query_counts.py).
"""

from dataclasses import dataclass, field

from django import forms
from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tracker.models.translations import choose
from tracker.models.vocabulary import JurisdictionTier, OfficeKind, TenureStart
from tracker.public.alphabet import fold, initial, is_urdu, name_words, sort_key
from tracker.public.districts import published_places

PER_PAGE = 50
MAX_DEPTH = 8  # more than the tiers of the tree (federal to union council)
FEDERAL = "federal"  # the ?province= value of what sits above every province
ABOVE_PROVINCES = 0  # the province of a federal office or place, in the rows below
BY_PROVINCE = "province"

# --- The rows of every record of a kind -------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """What an index knows of every record without reading it in full. Its folded names, sort keys and
    initials are worked out once, when the rows are made (and kept with them), not on every request."""

    pk: int
    name: str
    name_ur: str
    other_names: str
    province: int | None  # a province's id, ABOVE_PROVINCES, or None when it has no place
    narrower: str = ""  # a place's tier, an office's kind
    folded: str = field(init=False, repr=False)
    keys: dict = field(init=False, repr=False)  # {language: (sort key, initial)}

    def __post_init__(self):
        object.__setattr__(self, "folded", fold(" ".join([self.name, self.name_ur, self.other_names])))
        shown = {"en": self.name, "ur": self.name_ur or self.name}
        object.__setattr__(self, "keys", {lang: (sort_key(name), initial(name)) for lang, name in shown.items()})

    def shown_name(self, language):
        return choose(self.name, self.name_ur, language).text

    def sort_key(self, language):
        return self.keys["ur" if language == "ur" else "en"][0]

    def initial(self, language):
        return self.keys["ur" if language == "ur" else "en"][1]

    def matches(self, words):
        return all(word in self.folded for word in words)


def _place_tree():
    """({id: (parent id, tier)}, {province id: Place}) of every published place (one query)."""
    places = published_places()
    tree = {pk: (place.parent, place.tier) for pk, place in places.items()}
    return tree, {pk: place for pk, place in places.items() if place.tier == JurisdictionTier.PROVINCE}


def _province_finder(tree):
    """A function from a place's id to its province's id (ABOVE_PROVINCES for a federal place, None for
    a place the public cannot see or one outside the tree)."""
    found = {}

    def province(pk):
        if pk in found:
            return found[pk]
        node, answer = pk, None
        for _depth in range(MAX_DEPTH):
            if node not in tree:
                break
            parent, tier = tree[node]
            if tier == JurisdictionTier.PROVINCE:
                answer = node
                break
            if tier == JurisdictionTier.FEDERAL:
                answer = ABOVE_PROVINCES
                break
            node = parent
        found[pk] = answer
        return answer

    return province


def _place_rows():
    from tracker.models import Jurisdiction

    tree, provinces = _place_tree()
    province = _province_finder(tree)
    rows = [
        Row(pk, name, name_ur, other, province(pk), tier)
        for pk, name, name_ur, other, tier in Jurisdiction.objects.published().values_list(
            "pk", "name", "name_ur", "other_names", "tier"
        )
    ]
    return rows, provinces


def _office_rows():
    from tracker.models import Office

    tree, provinces = _place_tree()
    province = _province_finder(tree)
    rows = [
        Row(pk, title, title_ur, other, province(place), kind)
        for pk, title, title_ur, other, kind, place in Office.objects.published().values_list(
            "pk", "title", "title_ur", "other_names", "kind", "organization__jurisdiction_id"
        )
    ]
    return rows, provinces


def _people_rows():
    """A person is placed by the office they hold now (the substantive post before an acting one or an
    additional charge), else by the last one they held."""
    from tracker.models import Office, Person, Tenure

    today = timezone.localdate()
    tree, provinces = _place_tree()
    province = _province_finder(tree)
    held = {}
    tenures = Tenure.objects.filter(person__in=Person.objects.published(), office__in=Office.objects.published())
    for person, start, end, how, place in tenures.values_list(
        "person_id", "start_date", "end_date", "how", "office__organization__jurisdiction_id"
    ):
        current = start <= today and (end is None or end >= today)
        # Held now, substantive, then the latest: the largest key wins.
        key = (current, current and how not in TenureStart.temporary(), end or today, start)
        if person not in held or key > held[person][0]:
            held[person] = (key, place)
    rows = [
        Row(pk, name, name_ur, other, province(held[pk][1]) if pk in held else None)
        for pk, name, name_ur, other in Person.objects.published().values_list("pk", "name", "name_ur", "other_names")
    ]
    return rows, provinces


# --- The kinds of index -----------------------------------------------------------------------------


@dataclass(frozen=True)
class IndexKind:
    key: str  # "people", "offices", "places"
    rows: object  # () -> (rows, provinces)
    narrower_label: object = None  # the label of the narrowing filter (a place's tier, an office's kind)
    narrower_choices: tuple = ()
    unplaced: object = None  # the heading of the records without a province


KINDS = {
    "people": IndexKind("people", _people_rows, unplaced=_("No office recorded")),
    "offices": IndexKind(
        "offices",
        _office_rows,
        narrower_label=pgettext_lazy("an office's kind, in a filter", "Kind"),
        narrower_choices=tuple(OfficeKind.choices),
        unplaced=_("Place not recorded"),
    ),
    "places": IndexKind(
        "places",
        _place_rows,
        narrower_label=_("Tier"),
        narrower_choices=tuple(JurisdictionTier.choices),
        unplaced=_("Place not recorded"),
    ),
}


def rows_of(kind):
    """The rows and provinces of `kind`, kept in the shared cache until the public state changes."""
    from tracker.public.shared_cache import cached_report

    return cached_report({"browse": kind.key}, timezone.localdate(), kind.rows)


# --- The filter form ----------------------------------------------------------------------------------


class IndexForm(forms.Form):
    q = forms.CharField(
        label=_("Name"), required=False, max_length=100, widget=forms.SearchInput(attrs={"autocomplete": "off"})
    )
    province = forms.ChoiceField(label=_("Province"), required=False)
    narrower = forms.ChoiceField(required=False)
    by = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[("", _("A to Z")), (BY_PROVINCE, _("By province"))],
    )

    def __init__(self, data, *, kind, provinces, language):
        super().__init__(data)
        self.kind = kind
        ordered = sorted(provinces.values(), key=lambda p: sort_key(p.shown_name(language)))
        self.fields["province"].choices = [
            ("", _("All provinces")),
            (FEDERAL, JurisdictionTier.FEDERAL.label),
            *((p.slug, p.shown_name(language)) for p in ordered),
        ]
        if kind.narrower_choices:
            self.fields["narrower"].label = kind.narrower_label
            self.fields["narrower"].choices = [("", _("All")), *kind.narrower_choices]
        else:
            del self.fields["narrower"]

    @property
    def narrowed(self):
        """Whether the reader chose anything but the order."""
        data = self.cleaned_data if self.is_valid() else {}
        return any(data.get(name) for name in ("q", "province", "narrower"))


# --- One page of an index ---------------------------------------------------------------------------


@dataclass
class Group:
    """A letter, or a province, with the page it begins on and the anchor of its heading there."""

    key: object
    label: str
    anchor: str
    count: int = 0
    page: int = 1
    slug: str = ""
    lang: str = ""  # "en": a letter or a name written only in English, on an Urdu page

    def __post_init__(self):
        self.label = str(self.label)


@dataclass
class Entry:
    row: Row
    group: Group
    heading: Group | None = None  # the group this entry opens on its page (set by `fill`)
    record: object = None
    facts: dict = field(default_factory=dict)


@dataclass
class Index:
    page: object  # a Django Page of Entry
    jumps: list  # [Group]: letters, or provinces
    provinces: list  # [Group]: every province with records matching the name (and tier, kind), and how many
    total: int  # records in the whole (filtered) list
    by_province: bool
    province: object = None  # the province chosen (a districts.Place), or FEDERAL


def _anchor(prefix, key):
    return f"{prefix}-{key}" if isinstance(key, int) else f"{prefix}-{ord(key[0]):x}"


def _english_on_urdu_page(groups, language):
    for group in groups:
        if (
            language == "ur"
            and any(c.isalpha() for c in group.label)
            and not any(is_urdu(c) for c in fold(group.label))
        ):
            group.lang = "en"
    return groups


def build(kind, form, language, page_number):
    """The page `page_number` of the index of `kind` that `form` (valid) asks for."""
    rows, provinces = rows_of(kind)
    data = form.cleaned_data
    words = name_words(data.get("q"))
    narrower = data.get("narrower")
    chosen = data.get("province") or ""
    by_province = data.get("by") == BY_PROVINCE

    matching = [r for r in rows if (not narrower or r.narrower == narrower) and (not words or r.matches(words))]

    def province_label(key):
        if key == ABOVE_PROVINCES:
            return str(JurisdictionTier.FEDERAL.label)
        if key is None:
            return str(kind.unplaced)
        return provinces[key].shown_name(language)

    def province_order(key):
        # What is above the provinces first, then the provinces in the reader's alphabet, then the unplaced.
        if key == ABOVE_PROVINCES:
            return (0, sort_key(""))
        if key is None:
            return (2, sort_key(""))
        return (1, sort_key(province_label(key)))

    counts = {}
    for r in matching:
        counts[r.province] = counts.get(r.province, 0) + 1
    province_groups = [
        Group(
            key,
            province_label(key),
            _anchor("province", key if key is not None else -1),
            count,
            slug=FEDERAL if key == ABOVE_PROVINCES else provinces[key].slug if key in provinces else "",
        )
        for key, count in sorted(counts.items(), key=lambda item: province_order(item[0]))
    ]

    chosen_province = None
    if chosen == FEDERAL:
        chosen_province = FEDERAL
        matching = [r for r in matching if r.province == ABOVE_PROVINCES]
    elif chosen:
        chosen_province = next(p for p in provinces.values() if p.slug == chosen)
        matching = [r for r in matching if r.province == chosen_province.pk]

    keyed = [(r.sort_key(language), r.shown_name(language), r.pk, r) for r in matching]
    if by_province:
        ordered = sorted(keyed, key=lambda k: (province_order(k[3].province), k[:3]))

        def group_of(r):
            return r.province

        def label_of(key):
            return province_label(key)

        prefix = "province"
    else:
        ordered = sorted(keyed, key=lambda k: k[:3])

        def group_of(r):
            return r.initial(language)

        def label_of(key):
            return key

        prefix = "letter"
    ordered_rows = [k[3] for k in ordered]

    jumps, by_key = [], {}
    for position, r in enumerate(ordered_rows):
        key = group_of(r)
        if key not in by_key:
            group = Group(key, label_of(key), _anchor(prefix, key if key is not None else -1))
            group.page = position // PER_PAGE + 1
            by_key[key] = group
            jumps.append(group)
        by_key[key].count += 1

    _english_on_urdu_page([*jumps, *province_groups], language)
    paginator = Paginator(ordered_rows, PER_PAGE)
    page = paginator.get_page(page_number)
    page.object_list = [Entry(r, by_key[group_of(r)]) for r in page.object_list]
    return Index(page, jumps, province_groups, len(ordered_rows), by_province, chosen_province)

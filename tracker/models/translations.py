"""Which texts of a record readers see in Urdu, and how much of them is written in Urdu yet.

Each text a reader reads has its Urdu beside it under the same name with `_ur` (`title` and
`title_ur`). A record declares the texts it translates in `translated_fields` and, for its parts, in
`translated_parts` ({relation: (field, ...)}). A text counts only when its English is written (an empty
note has nothing to translate); it is translated when its Urdu is written too.

The admin lists each record's coverage ("2 of 3") and filters the records still missing some Urdu; both
read the counts that `with_urdu_coverage` adds to a queryset, in the same query as the list.
"""

from dataclasses import dataclass

from django.db.models import Case, Count, F, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce

URDU_SUFFIX = "_ur"
INTEGER = IntegerField()


def urdu_name(field):
    """The name of the Urdu of `field`: "title" -> "title_ur"."""
    return f"{field}{URDU_SUFFIX}"


@dataclass(frozen=True)
class Coverage:
    translated: int
    total: int

    @property
    def missing(self):
        return self.total - self.translated

    @property
    def complete(self):
        return self.translated >= self.total


def _written(value):
    return value not in (None, "")


def coverage(record):
    """How many of the record's written texts (its own and its parts') have their Urdu, read from the
    counts `with_urdu_coverage` added, or else from the record and its parts in memory."""
    translated, total = getattr(record, "urdu_translated", None), getattr(record, "urdu_total", None)
    if translated is not None and total is not None:
        return Coverage(translated, total)
    pairs = [(getattr(record, f), getattr(record, urdu_name(f))) for f in type(record).translated_fields]
    for relation, fields in type(record).translated_parts.items():
        for part in getattr(record, relation).all():
            pairs += [(getattr(part, f), getattr(part, urdu_name(f))) for f in fields]
    written = [(english, urdu) for english, urdu in pairs if _written(english)]
    return Coverage(sum(1 for _english, urdu in written if _written(urdu)), len(written))


def _has(field):
    return ~Q(**{field: ""})


def _counted(field, *, translated):
    """Written in English (and, when `translated`, in Urdu too)."""
    return _has(field) & _has(urdu_name(field)) if translated else _has(field)


def _own_count(field, *, translated):
    # Own fields are counted per row: a case per field, not a join.
    return Case(When(_counted(field, translated=translated), then=Value(1)), default=Value(0), output_field=INTEGER)


def _part_count(model, relation, field, *, translated):
    rel = model._meta.get_field(relation)
    parts = (
        rel.related_model.objects.filter(**{rel.field.name: OuterRef("pk")})
        .filter(_counted(field, translated=translated))
        .order_by()
        .values(rel.field.name)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(parts, output_field=INTEGER), Value(0))


def _sum(expressions):
    if not expressions:
        return Value(0, output_field=INTEGER)
    total = expressions[0]
    for expression in expressions[1:]:
        total = total + expression
    return total


def with_urdu_coverage(queryset):
    """`queryset` with `urdu_total` (texts written in English), `urdu_translated` (of those, written in
    Urdu too) and `urdu_missing` on each record, counted by the database."""
    model = queryset.model
    total = [_own_count(field, translated=False) for field in model.translated_fields]
    translated = [_own_count(field, translated=True) for field in model.translated_fields]
    for relation, fields in model.translated_parts.items():
        for field in fields:
            total.append(_part_count(model, relation, field, translated=False))
            translated.append(_part_count(model, relation, field, translated=True))
    counted = queryset.annotate(urdu_total=_sum(total), urdu_translated=_sum(translated))
    return counted.annotate(urdu_missing=F("urdu_total") - F("urdu_translated"))


def missing_urdu(queryset):
    """The records of `queryset` with some text written in English but not yet in Urdu. Chosen by id, so
    the queryset itself stays without annotations (the admin's search cannot search an annotated one)."""
    counted = with_urdu_coverage(queryset.model.objects.all())
    return queryset.filter(pk__in=counted.filter(urdu_missing__gt=0).values("pk"))


def complete_in_urdu(queryset):
    """The records of `queryset` whose every written text is written in Urdu too."""
    counted = with_urdu_coverage(queryset.model.objects.all())
    return queryset.filter(pk__in=counted.filter(urdu_missing__lte=0).values("pk"))


@dataclass(frozen=True)
class InLanguage:
    """A text as a reader of one language gets it: in their language, or, where it is not written in it
    yet, in English (`fallback`)."""

    text: str
    fallback: bool = False


def choose(english, urdu, language):
    """The text for a reader of `language`: the Urdu on Urdu pages where it is written, else the English."""
    english, urdu = ("" if value is None else value for value in (english, urdu))
    if language != "ur":
        return InLanguage(english)
    if urdu:
        return InLanguage(urdu)
    return InLanguage(english, fallback=bool(english))


def in_language(record, field, language):
    """`record`'s `field` for a reader of `language` ("ur": its Urdu, or its English where the Urdu is
    not written). `record` may be a model, or a dict of stored fields."""

    def value(name):
        return record.get(name) if isinstance(record, dict) else getattr(record, name, "")

    return choose(value(field), value(urdu_name(field)), language)


def name_in_language(record, language):
    """The record's name (a commitment's or an office's title, a person's or a place's name) for a reader
    of `language`. `record` may be a model (its first translated field is its name) or the content of a
    public revision (its stored name, and the Urdu of it among its fields)."""
    if isinstance(record, dict):
        fields = record.get("fields") or {}
        return choose(record.get("name"), fields.get("title_ur") or fields.get("name_ur"), language)
    return in_language(record, type(record).translated_fields[0], language)

"""What can be followed, named in the readers' words: a published record by its kind and slug, or a search
(its query and filters, checked against the same choices as the search form, without importing search)."""

from django.core.validators import slug_unicode_re
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from tracker.models.kinds import FOLLOWABLE_KINDS, SEARCHABLE_KINDS
from tracker.models.text import plain
from tracker.models.vocabulary import CommitmentStatus, OfficeKind, Sector

RECORD_MODELS = {segment: kind.model for segment, kind in FOLLOWABLE_KINDS.items()}
SEARCH_FILTERS = ("kind", "status", "sector", "jurisdiction", "office_kind", "owner", "overdue")
_CHOICES = {
    "kind": set(SEARCHABLE_KINDS),
    "status": set(CommitmentStatus.values),
    "sector": set(Sector.values),
    "office_kind": set(OfficeKind.values),
}
MAX_QUERY = 200


def find_record(kind, slug):
    """The published record of kind `kind` ("commitments"...) at `slug`, or None."""
    model = RECORD_MODELS.get(kind)
    if model is None or not isinstance(slug, str):
        return None
    return model.objects.published().filter(slug=slug).first()


def records_by_key(keys):
    """{(kind, id): published record} for the keys given, one query per kind."""
    ids = {}
    for kind, pk in keys:
        ids.setdefault(kind, set()).add(pk)
    found = {}
    for kind, pks in ids.items():
        if kind in RECORD_MODELS:
            for record in RECORD_MODELS[kind].objects.published().filter(pk__in=pks):
                found[(kind, record.pk)] = record
    return found


def clean_search(params):
    """The saved form of a search from its URL parameters: None when it has neither words nor a filter, or
    a filter is not one of its choices (so a follow never saves what the search page would refuse)."""
    search = {}
    q = plain(str(params.get("q") or ""), single_line=True).strip()[:MAX_QUERY]
    if q:
        search["q"] = q
    for name in SEARCH_FILTERS:
        value = str(params.get(name) or "").strip()
        if not value:
            continue
        if name in _CHOICES and value not in _CHOICES[name]:
            return None
        if name in ("jurisdiction", "owner") and (len(value) > 120 or not slug_unicode_re.fullmatch(value)):
            return None
        search[name] = "1" if name == "overdue" else value
    return search or None


def search_query_string(search):
    return urlencode(sorted(search.items()))


def search_label(search):
    words = search.get("q")
    filters = ", ".join(f"{name.replace('_', ' ')}: {value}" for name, value in sorted(search.items()) if name != "q")
    said = _("Search for “%(words)s”") % {"words": words} if words else _("Search")
    return f"{said} ({filters})" if filters else said


def follow_label(follow, records):
    """What a follow is about, e.g. “Commitment: Clean water for Quetta” (records: records_by_key's)."""
    if follow.kind == "search":
        return search_label(follow.search)
    record = records.get((follow.kind, follow.object_id))
    kind = str(RECORD_MODELS[follow.kind]._meta.verbose_name).capitalize()
    return f"{kind}: {record}" if record else _("%(kind)s no longer public") % {"kind": kind}

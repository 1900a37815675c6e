"""Which follows a published revision concerns, read from the public revisions themselves.

Following a commitment means hearing of its every revision. Following an office means hearing of the
office and of every commitment it owns or owned before the change (so a transfer reaches both the old and
the new owner's followers), and of decisions it took. Following a person means hearing of the person and
of everything the offices they hold now concern. Following a jurisdiction means hearing of everything in
it and in the places under it. A saved search hears of every record whose published text has all the
query's words and whose published fields match its filters.

Everything is read from stored public revisions (the new one and the one before it), plus the current
public holders of offices and the public tree of places: never a draft. The work is a fixed number of
queries for a batch of revisions, however many revisions and however many followers.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string

from tracker.models import Jurisdiction, Office, Organization, PublicRevision, Tenure
from tracker.models.base import published
from tracker.models.kinds import SEARCHABLE_KINDS, kind_of_type
from tracker.models.querysets import MAX_TIER_DEPTH
from tracker.models.vocabulary import CommitmentStatus


@dataclass
class Change:
    """One published revision and the one before it (None for a first publish), with what it concerns."""

    revision: PublicRevision
    previous: PublicRevision | None
    targets: set = field(default_factory=set)  # {(kind segment, id)}
    jurisdiction_slugs: set = field(default_factory=set)
    owner_slugs: set = field(default_factory=set)
    owner_kinds: set = field(default_factory=set)
    # [(office name, [names of who holds it now])] for the owner offices of a commitment, in its order
    owners_held_by: list = field(default_factory=list)

    @property
    def segment(self):
        kind = kind_of_type(self.revision.content.get("type"))
        return kind.segment if kind else None

    @property
    def fields(self):
        return self.revision.content.get("fields") or {}


def _ref_id(value):
    return value.get("id") if isinstance(value, dict) else None


def _contents(change):
    return [c for c in (change.revision.content, change.previous.content if change.previous else None) if c]


def _parts(content, relation):
    return (content.get("parts") or {}).get(relation) or []


def previous_revisions(revisions):
    """{revision pk: the revision numbered one lower of the same record}, in one query."""
    from django.db.models import Q

    wanted = Q(pk__in=[])
    for r in revisions:
        if r.number > 1:
            wanted |= Q(content_type_id=r.content_type_id, object_id=r.object_id, number=r.number - 1)
    found = {(r.content_type_id, r.object_id, r.number): r for r in PublicRevision.objects.filter(wanted).as_public()}
    return {r.pk: found.get((r.content_type_id, r.object_id, r.number - 1)) for r in revisions}


def _ancestry(jurisdiction_ids):
    """{id: [(id, slug) of the place and every place above it]}, one query per tier."""
    rows, level = {}, set(jurisdiction_ids)
    for _ in range(MAX_TIER_DEPTH + 1):
        level -= set(rows)
        if not level:
            break
        found = Jurisdiction.objects.published().filter(pk__in=level).values_list("pk", "slug", "parent_id")
        rows.update({pk: (slug, parent) for pk, slug, parent in found})
        level = {parent for _slug, parent in rows.values() if parent}
    chains = {}
    for start in jurisdiction_ids:
        chain, at = [], start
        while at in rows and len(chain) <= MAX_TIER_DEPTH:
            chain.append((at, rows[at][0]))
            at = rows[at][1]
        chains[start] = chain
    return chains


def changes_of(revisions, today=None):
    """A Change, with its targets, for each of `revisions` (a list of PublicRevision)."""
    today = today or timezone.localdate()
    before = previous_revisions(revisions)
    changes = [Change(r, before[r.pk]) for r in revisions]
    office_ids, organization_ids, place_ids = set(), set(), set()
    for change in changes:
        for content in _contents(change):
            fields, kind = content.get("fields") or {}, kind_of_type(content.get("type"))
            model = kind.model if kind else None
            if model is Office:
                office_ids.add(content.get("id"))
                organization_ids.add(_ref_id(fields.get("organization")))
            if model is Jurisdiction:
                place_ids.add(content.get("id"))
            for name in ("made_by_office", "deciding_office"):
                office_ids.add(_ref_id(fields.get(name)))
            for relation in ("owners", "movements"):
                office_ids.update(_ref_id(part.get("office")) for part in _parts(content, relation))
            place_ids.add(_ref_id(fields.get("jurisdiction")))
    office_ids.discard(None)
    offices = {
        pk: (slug, kind, organization)
        for pk, slug, kind, organization in Office.objects.published()
        .filter(pk__in=office_ids)
        .values_list("pk", "slug", "kind", "organization_id")
    }
    organization_ids |= {organization for _slug, _kind, organization in offices.values()}
    organization_ids.discard(None)
    place_of_organization = dict(
        Organization.objects.filter(pk__in=organization_ids).values_list("pk", "jurisdiction_id")
    )
    place_ids |= set(place_of_organization.values())
    place_ids.discard(None)
    ancestry = _ancestry(place_ids)
    holders = {}
    open_tenures = Tenure.objects.filter(published("person"), office_id__in=offices, start_date__lte=today)
    open_tenures = open_tenures.exclude(end_date__lt=today)
    names = {}
    for office_id, person_id, name in open_tenures.values_list("office_id", "person_id", "person__name"):
        holders.setdefault(office_id, set()).add(person_id)
        names.setdefault(office_id, []).append(name)

    def add_office(change, office_id, owner=False):
        if office_id not in offices:
            return
        change.targets.add(("offices", office_id))
        change.targets.update(("people", person) for person in holders.get(office_id, ()))
        slug, kind, organization = offices[office_id]
        if owner:
            change.owner_slugs.add(slug)
            change.owner_kinds.add(kind)
        add_place(change, place_of_organization.get(organization))

    def add_place(change, place_id):
        for pk, slug in ancestry.get(place_id, ()):
            change.targets.add(("jurisdictions", pk))
            change.jurisdiction_slugs.add(slug)

    for change in changes:
        for content in _contents(change):
            fields, kind = content.get("fields") or {}, kind_of_type(content.get("type"))
            segment = kind.segment if kind else None
            if segment in ("commitments", "people", "offices", "jurisdictions"):
                change.targets.add((segment, content.get("id")))
            if segment == "offices":
                add_office(change, content.get("id"))
                change.targets.update(("people", _ref_id(part.get("person"))) for part in _parts(content, "tenures"))
            if segment == "jurisdictions":
                add_place(change, content.get("id"))
            for part in _parts(content, "owners"):
                add_office(change, _ref_id(part.get("office")), owner=True)
            for name in ("made_by_office", "deciding_office"):
                add_office(change, _ref_id(fields.get(name)))
            add_place(change, _ref_id(fields.get("jurisdiction")))
            for part in _parts(content, "linked_commitments"):
                change.targets.add(("commitments", _ref_id(part.get("commitment"))))
        change.targets = {(kind, pk) for kind, pk in change.targets if pk is not None}
        for part in _parts(change.revision.content, "owners"):
            office = part.get("office") or {}
            if office.get("id") in offices:
                change.owners_held_by.append((office.get("name", ""), sorted(names.get(office["id"], []))))
    return changes


def _words(value, into):
    if isinstance(value, str):
        into.append(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in ("id", "slug", "value", "type", "format"):
                _words(item, into)
    elif isinstance(value, list):
        for item in value:
            _words(item, into)
    return into


def _overdue(fields, today):
    deadline = fields.get("deadline")
    status = (fields.get("status") or {}).get("value")
    if not deadline or status in CommitmentStatus.terminal():
        return False
    try:
        return datetime.date.fromisoformat(deadline) < today
    except ValueError:
        return False


def _words_as_typed(value):
    return value.split()


def _reader():
    """How a followed search and a record are read as words: `FOLLOWED_SEARCH_WORDS` names the search
    app's own reading (Urdu letter forms, diacritics and spellings folded as its pages fold them), so an
    alert tells of the records the search page finds; without it, words are compared as typed."""
    name = settings.FOLLOWED_SEARCH_WORDS
    return import_string(name) if name else _words_as_typed


def search_matches(search, change, today=None):
    """Does the saved search ({"q": ..., filters}) take in the record `change` published?"""
    today = today or timezone.localdate()
    content, fields = change.revision.content, change.fields
    kind = SEARCHABLE_KINDS.get(search.get("kind") or "")
    if search.get("kind") and (kind is None or kind.segment != change.segment):
        return False
    for name in ("status", "sector"):
        if search.get(name) and (fields.get(name) or {}).get("value") != search[name]:
            return False
    if search.get("jurisdiction") and search["jurisdiction"] not in change.jurisdiction_slugs:
        return False
    if search.get("owner") and search["owner"] not in change.owner_slugs:
        return False
    if search.get("office_kind") and search["office_kind"] not in change.owner_kinds:
        return False
    if search.get("overdue") and not _overdue(fields, today):
        return False
    read = _reader()
    text = " ".join(_words(content.get("name"), []) + _words(fields, []) + _words(content.get("parts"), []))
    text = " ".join(read(text.casefold()))
    return all(word in text for word in read((search.get("q") or "").casefold()))

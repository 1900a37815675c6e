"""Search documents: the published state of one record as plain data, the same for every backend.

A commitment's document answers "who owns it" on its own: owner offices with their kinds and the
names of their current holders, the jurisdiction path, status, sector, deadline. Documents are built
in batches (a fixed number of queries per batch, whatever its size) and only from published rows:
a record that is not live has no document, and its old one is deleted.
"""

import hashlib
import json
import re
from collections import defaultdict, namedtuple

from django.conf import settings
from django.db.models import Q
from django.utils import timezone, translation

from search import phonetic, urdu
from search.text import clean_text, index_text
from tracker.models import Commitment, CommitmentOwner, Decision, Jurisdiction, Office, Person, Tenure
from tracker.models.kinds import SEARCHABLE_KINDS, kind_of
from tracker.models.vocabulary import CommitmentStatus, DecisionKind, JurisdictionTier, OfficeKind, Sector

# The kinds of record search lists, by their word in the index (tracker.models.kinds declares them).
KIND_LABELS = {name: kind.search_label or kind.label for name, kind in SEARCHABLE_KINDS.items()}
# Kinds whose names the autocomplete offers.
NAME_KINDS = ("person", "office", "place")


def kind_models():
    return {name: kind.model for name, kind in SEARCHABLE_KINDS.items()}


def search_kind(record_or_model):
    """The record's word in the index ("commitment"), or None when search does not list its kind."""
    kind = kind_of(record_or_model)
    return kind.search_name if kind else None


def uid(kind, object_id):
    return f"{kind}-{object_id}"


def split_uid(value):
    kind, _sep, object_id = value.rpartition("-")
    return kind, int(object_id)


def digest(doc):
    body = {k: v for k, v in doc.items() if k != "digest"}
    return hashlib.sha1(json.dumps(body, sort_keys=True, default=str).encode(), usedforsecurity=False).hexdigest()


def _base(kind, record, *, title, title_ur="", names=(), body=()):
    return {
        "uid": uid(kind, record.pk),
        "kind": kind,
        "object_id": record.pk,
        "slug": record.slug,
        "url": record.get_absolute_url() or "",
        "title": clean_text(title),
        "title_ur": clean_text(title_ur),
        "names": clean_text(" · ".join(n for n in names if n)),
        "body": clean_text("\n".join(b for b in body if b)),
        "labels": "",
        "status": "",
        "sector": "",
        "jurisdiction": "",
        "jurisdiction_name": "",
        "jurisdiction_name_ur": "",
        "jurisdiction_path": [],
        "deadline": None,
        "overdue": False,
        "owners": [],
        "owner_slugs": [],
        "owner_kinds": [],
        "changed_at": record.last_published_at.isoformat() if record.last_published_at else None,
        "suggest": "",
    }


# The text fields every backend searches, each indexed as `search.text.index_text` reads it.
TEXT_FIELDS = ("title", "title_ur", "names", "body", "labels", "suggest")


def searchable(doc):
    """{field: its words as every backend indexes them} for the text fields of a document: the same
    function for the database's columns and Elasticsearch's folded fields (see search/urdu.py). The
    labels also carry the sound key (search/phonetic.py) of each Latin word of the title and names that
    has one of its own, so that "Heena" finds Hina and "Shahwaani" Shahwani (search/variants.py)."""
    found = {name: index_text(doc.get(name, "")) for name in TEXT_FIELDS}
    keys = phonetic.keys(f"{found['title']} {found['names']}".split())
    if keys:
        found["labels"] = " ".join([found["labels"], *keys]).strip()
    return found


_SEPARATORS = re.compile(r"[\n,;،؛]+")


def other_names(value):
    """The other names an editor gave a record (`other_names`: one a line, or separated by commas)."""
    return [name.strip() for name in _SEPARATORS.split(value or "") if name.strip()]


def labels(*choices):
    """The labels of vocabulary values, given as (vocabulary, value) pairs (a status, a sector...), in
    English and in the Urdu words readers type for them (search/urdu.py), so that "Stalled", "رکا ہوا" and
    "تعطل" all find a stalled commitment. The English label is read with English active (build_documents);
    the Urdu words come from search/urdu.py and not from the translation catalogue, so a document is the
    same wherever it is built (see there)."""
    found = []
    for vocabulary, value in choices:
        if value in vocabulary.values:
            found += [str(vocabulary(value).label), *urdu.VOCABULARY[vocabulary].get(value, [])]
    return clean_text(" · ".join(dict.fromkeys(found)))


# What a document says of a place on its path: plain rows, not model instances (a drain after every publish
# reads a thousand places; as models they took 16 ms of it).
PlaceOnPath = namedtuple("PlaceOnPath", "pk parent_id slug name name_ur other_names")


class Places:
    """Every published jurisdiction in memory (a few thousand at most): paths without a query each."""

    def __init__(self):
        rows = Jurisdiction.objects.published().values_list(*PlaceOnPath._fields)
        self.by_id = {row[0]: PlaceOnPath._make(row) for row in rows}

    def path(self, jurisdiction_id):
        nodes, seen = [], set()
        node = self.by_id.get(jurisdiction_id)
        while node is not None and node.pk not in seen:
            seen.add(node.pk)
            nodes.append(node)
            node = self.by_id.get(node.parent_id)
        return list(reversed(nodes))


def current_holders(office_ids, today=None):
    """{office_id: [(name, name_ur), ...]}: published people holding each office today."""
    today = today or timezone.localdate()
    holders = defaultdict(list)
    public_offices = public_ids(Office)
    # Only the indexed office_id in SQL: a subquery per related table makes SQLite scan them.
    tenures = (
        Tenure.objects.filter(office_id__in=set(office_ids) & public_offices)
        .filter(Q(start_date__lte=today), Q(end_date__isnull=True) | Q(end_date__gte=today))
        .select_related("person")
        .order_by("start_date", "sort_order")
    )
    public_people = public_ids(Person)
    for tenure in tenures:
        if tenure.person_id in public_people:
            holders[tenure.office_id].append((tenure.person.name, tenure.person.name_ur))
    return holders


def public_ids(model):
    """Ids of the published records of a small table (offices, people): a set, checked in Python."""
    return set(model.objects.published().values_list("pk", flat=True))


def _path_fields(doc, places, jurisdiction_id):
    path = places.path(jurisdiction_id)
    if path:
        doc["jurisdiction"] = path[-1].slug
        doc["jurisdiction_name"] = path[-1].name
        doc["jurisdiction_name_ur"] = path[-1].name_ur
        doc["jurisdiction_path"] = [p.slug for p in path]
    return _place_names(reversed(path))


def _place_names(path):
    """The names of places (theirs, in Urdu and their other names), in order."""
    return [name for p in path for name in (p.name, p.name_ur, *other_names(p.other_names))]


def commitment_documents(ids, places, today):
    commitments = list(Commitment.objects.published().filter(pk__in=ids).select_related("made_by_office"))
    owners = defaultdict(list)
    public_offices = public_ids(Office)
    rows = CommitmentOwner.objects.filter(commitment_id__in=[c.pk for c in commitments]).select_related("office")
    for owner in rows.order_by("commitment_id", "sort_order", "pk"):
        if owner.office_id in public_offices:
            owners[owner.commitment_id].append(owner)
    holders = current_holders({o.office_id for group in owners.values() for o in group}, today)
    public_makers = public_offices
    for c in commitments:
        owner_docs = [
            {
                "slug": o.office.slug,
                "title": clean_text(o.office.title),
                "title_ur": clean_text(o.office.title_ur),
                "kind": o.office.kind,
                "role": o.role,
                "holders": [clean_text(name) for name, _ur in holders.get(o.office_id, [])],
                "holders_ur": [clean_text(ur) for _name, ur in holders.get(o.office_id, [])],
            }
            for o in owners[c.pk]
        ]
        names = []
        for o in owners[c.pk]:
            names += [o.office.title, o.office.title_ur, *other_names(o.office.other_names)]
            names += [n for pair in holders.get(o.office_id, []) for n in pair]
        if c.made_by_office_id in public_makers:
            names.append(c.made_by_office.title)
        doc = _base("commitment", c, title=c.title, title_ur=c.title_ur, body=[c.text, c.text_ur, c.source_quote])
        names += _path_fields(doc, places, c.jurisdiction_id)
        doc.update(
            names=clean_text(" · ".join(dict.fromkeys(n for n in names if n))),
            status=c.status,
            sector=c.sector,
            deadline=c.deadline.isoformat() if c.deadline else None,
            overdue=bool(c.deadline and c.deadline < today and c.status not in CommitmentStatus.terminal()),
            owners=owner_docs,
            owner_slugs=sorted({o["slug"] for o in owner_docs}),
            owner_kinds=sorted({o["kind"] for o in owner_docs}),
            labels=labels((CommitmentStatus, c.status), (Sector, c.sector)),
        )
        yield doc


def decision_documents(ids, places, today):
    decisions = list(Decision.objects.published().filter(pk__in=ids).select_related("deciding_office"))
    public = set(Office.objects.published().filter(decisions__in=decisions).values_list("pk", flat=True))
    for d in decisions:
        office = d.deciding_office.title if d.deciding_office_id in public else ""
        body = [d.summary, d.summary_ur, d.reference_number, str(DecisionKind(d.kind).label) if d.kind else ""]
        doc = _base("decision", d, title=d.title, title_ur=d.title_ur, names=[office], body=body)
        doc["labels"] = labels((DecisionKind, d.kind))
        yield doc


def person_documents(ids, places, today):
    offices = defaultdict(list)
    tenures = Tenure.objects.filter(person_id__in=ids, office__in=Office.objects.published()).select_related("office")
    for tenure in tenures.order_by("start_date"):
        offices[tenure.person_id] += [tenure.office.title, tenure.office.title_ur]
    for p in Person.objects.published().filter(pk__in=ids):
        names = [*other_names(p.other_names), *offices[p.pk]]
        doc = _base("person", p, title=p.name, title_ur=p.name_ur, names=list(dict.fromkeys(names)))
        doc["other_names"] = other_names(p.other_names)
        doc["body"] = clean_text("\n".join(text for text in (p.summary, p.summary_ur) if text))
        doc["suggest"] = clean_text(f"{p.name} {p.name_ur}".strip())
        yield doc


def office_documents(ids, places, today):
    offices = list(Office.objects.published().filter(pk__in=ids).select_related("organization"))
    holders = current_holders([o.pk for o in offices], today)
    for o in offices:
        names = [*other_names(o.other_names), *(n for pair in holders.get(o.pk, []) for n in pair)]
        names.append(o.organization.name)
        doc = _base("office", o, title=o.title, title_ur=o.title_ur, body=[str(OfficeKind(o.kind).label)])
        names += _path_fields(doc, places, o.organization.jurisdiction_id)
        doc["names"] = clean_text(" · ".join(n for n in names if n))
        doc["suggest"] = clean_text(f"{o.title} {o.title_ur}".strip())
        doc["other_names"] = other_names(o.other_names)
        doc["labels"] = labels((OfficeKind, o.kind))
        yield doc


def place_documents(ids, places, today):
    for j in Jurisdiction.objects.published().filter(pk__in=ids):
        doc = _base("place", j, title=j.name, title_ur=j.name_ur, body=[str(JurisdictionTier(j.tier).label)])
        path = places.path(j.pk)
        _path_fields(doc, places, j.pk)
        names = [*other_names(j.other_names), *_place_names(reversed(path[:-1]))]
        doc["names"] = clean_text(" · ".join(n for n in names if n))
        doc["other_names"] = other_names(j.other_names)
        doc["suggest"] = clean_text(f"{j.name} {j.name_ur}".strip())
        doc["labels"] = labels((JurisdictionTier, j.tier))
        yield doc


BUILDERS = {
    "commitment": commitment_documents,
    "decision": decision_documents,
    "person": person_documents,
    "office": office_documents,
    "place": place_documents,
}


def build_documents(kind, ids, places=None, today=None):
    """{uid: document} for the published records among `ids` of one kind (absent = not published).

    Built in English whatever language is active (a drain may run inside an Urdu page's request): the
    addresses are the English ones, which results.page_url turns into the reader's language, and the
    labels are the same in every document, so its digest does not depend on who asked."""
    places = places or Places()
    today = today or timezone.localdate()
    docs = {}
    with translation.override(settings.LANGUAGE_CODE):
        for doc in BUILDERS[kind](list(ids), places, today):
            doc["digest"] = digest(doc)
            docs[doc["uid"]] = doc
    return docs


def published_ids(kind):
    """Primary keys of every published record of a kind, in order (for rebuilds and checks)."""
    return kind_models()[kind].objects.published().order_by("pk").values_list("pk", flat=True)


def status_label(value):
    return str(CommitmentStatus(value).label) if value in CommitmentStatus.values else ""


def sector_label(value):
    return str(Sector(value).label) if value in Sector.values else ""


# --- The same document as Elasticsearch maps it (elasticsearch-dsl) ---------------------------------
from elasticsearch_dsl import Boolean, Date, Document, Keyword, Long, Object, Text, analyzer, token_filter  # noqa: E402

# Elasticsearch searches the `folded_*` copies of the text fields, which the backend adds to each document
# from `searchable` (search.text.index_text: Urdu and Arabic-script letters already folded, words already
# split, exactly as the database indexes them). Its analyzers only lowercase, fold Latin accents and stem
# English: no Arabic or Persian normalisation of its own, which would fold differently from the database.
_FOLDING = ["lowercase", "asciifolding"]
english_text = analyzer(
    "tracker_english",
    tokenizer="standard",
    filter=[*_FOLDING, token_filter("tracker_english_stem", "stemmer", language="english")],
)
urdu_text = analyzer("tracker_urdu", tokenizer="standard", filter=_FOLDING)
folded_words = analyzer("tracker_folded", tokenizer="standard", filter=_FOLDING)
# Autocomplete: every prefix of every word of a name, matched against the words typed so far.
name_prefixes = analyzer(
    "tracker_name_prefixes",
    tokenizer="standard",
    filter=[*_FOLDING, token_filter("tracker_edge", "edge_ngram", min_gram=1, max_gram=20)],
)


def folded_fields(doc):
    """The `folded_*` fields Elasticsearch searches and highlights, for a document."""
    return {f"folded_{name}": text for name, text in searchable(doc).items()}


class RecordDocument(Document):
    """The Elasticsearch mapping of a search document (see the builders above for the values). The text
    is shown from the document's own fields and searched in its folded copies."""

    uid = Keyword()
    kind = Keyword()
    object_id = Long()
    slug = Keyword()
    url = Keyword()
    title = Text(index=False)
    title_ur = Text(index=False)
    names = Text(index=False)
    body = Text(index=False)
    labels = Text(index=False)
    folded_title = Text(analyzer=english_text, fields={"ur": Text(analyzer=urdu_text)})
    folded_title_ur = Text(analyzer=urdu_text)
    folded_names = Text(analyzer=english_text)
    folded_body = Text(analyzer=english_text)
    folded_labels = Text(analyzer=english_text)
    status = Keyword()
    sector = Keyword()
    jurisdiction = Keyword()
    jurisdiction_name = Keyword()
    jurisdiction_name_ur = Keyword(index=False)
    jurisdiction_path = Keyword(multi=True)
    deadline = Date()
    overdue = Boolean()
    owners = Object(enabled=False)  # shown with each result, never searched
    owner_slugs = Keyword(multi=True)
    owner_kinds = Keyword(multi=True)
    changed_at = Date()
    other_names = Text(index=False, multi=True)  # shown nowhere; searched through `folded_names`
    suggest = Text(index=False)
    folded_suggest = Text(analyzer=name_prefixes, search_analyzer=folded_words)
    digest = Keyword()

"""Publishing many new records at once, with the same history a publish writes one record at a time.

`services.publish` is the way to publish: it validates, saves, and lets Wagtail publish, and each
publish costs a few hundred queries. Loading tens of thousands of records (the `--scale` demo, an
import) that way would take hours, so `publish_new_records` writes the same rows in batches instead:

- the record and its parts, live, with a Wagtail revision as their latest and live revision (so
  editors can open, edit and republish them in the admin as if they had been published there);
- public revision 1 of each record, with the content `tracker.publishing.snapshots.build_snapshot` gives and
  hashed as `services.record_publication` does, so history pages, citations and `verify_history`
  treat them like any other;
- a simple-history row ("+", the published state) for the record and each part, with the user and
  the change reason;
- a "created" and a "published" entry in Wagtail's log (the admin's history tab);
- Wagtail's reference index (the admin's "usage" of each office and place) and search index.

What it does not do: validate (build valid records, as `tracker/demo/scale.py` does), or send
Wagtail's `published` signal for each record. Anything that must follow every publish (a search
queue, say) should also listen to `records_published_in_bulk`, sent once per batch, in the same
transaction, after the rows exist.

Speed: 100,000 commitments with their parts make about three million rows. Rows whose ids are
needed later (records, parts, Wagtail revisions) go through `bulk_create`; the rest (history, public
revisions, log and reference index) through one `executemany` each, skipping the model instances
that `bulk_create` would build for every row. Snapshots and references are worked out from the
objects in memory, with choice labels and content types looked up once per batch: no query is made
per record.
"""

import uuid

from django.contrib.contenttypes.fields import GenericForeignKey, GenericRel
from django.db import DEFAULT_DB_ALIAS, connection, connections, models, transaction
from django.dispatch import Signal
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel, get_all_child_relations
from wagtail.models import ModelLogEntry, ReferenceIndex, Revision
from wagtail.search.backends import get_search_backends
from wagtail.search.index import class_is_indexed

from tracker.models import PublicRevision
from tracker.publishing.publish import publisher_for
from tracker.publishing.snapshots import Snapshots

# Sent with sender=<record model>, records=[the records just published] (parts attached in memory).
records_published_in_bulk = Signal()


@transaction.atomic
def publish_new_records(model, records, *, user=None, summary, published_at=None):
    """Publish unsaved `records` of `model` (with their parts attached in memory and the records
    they point to set as objects, not ids) as their first public revision.

    Every record needs its slug set (uniqueness is left to the database, which refuses duplicates).
    No query is made per record: pass them in batches of a few thousand.
    """
    if not summary.strip():
        raise ValueError("Publishing needs an edit summary.")
    if not connection.features.can_return_rows_from_bulk_insert:
        raise NotImplementedError("Bulk publishing needs a database that returns ids from bulk inserts.")
    records = list(records)
    if not records:
        return
    now = published_at or timezone.now()
    for record in records:
        if record.pk is not None or not record.slug:
            raise ValueError(f"{record!r} must be new and have a slug to be published in bulk.")
        record.live, record.has_unpublished_changes = True, False
        record.first_published_at = record.last_published_at = now
        record.edit_summary = summary
    create_rows(model, records)
    parts = _save_parts(model, records)

    revisions = [
        Revision(
            content_type=model.get_content_type(),
            base_content_type=model.get_base_content_type(),
            object_id=str(record.pk),
            created_at=now,
            user=user,
            object_str=str(record),
            content=record.serializable_data(),
        )
        for record in records
    ]
    create_rows(Revision, revisions)
    _point_at_revisions(model, records, revisions)

    user_id = user.pk if user is not None else None
    _write_history(model, records, user_id, summary, now)
    for part_model, rows in parts.items():
        _write_history(part_model, rows, user_id, summary, now)
    _write_public_revisions(model, records, revisions, user, summary, now)
    _write_log(model, records, revisions, user_id, now)
    index_references(records)
    index_for_search(model, records)
    records_published_in_bulk.send(sender=model, records=records)


def _save_parts(model, records):
    """Save each record's inline parts (owners, status changes...), numbered in the order given."""
    parts = {}
    for relation in get_all_child_relations(model):
        accessor, parent_field = relation.get_accessor_name(), relation.field.name
        rows = parts.setdefault(relation.related_model, [])
        for record in records:
            for order, part in enumerate(getattr(record, accessor).all()):
                setattr(part, parent_field, record)
                if hasattr(part, "sort_order"):
                    part.sort_order = order
                rows.append(part)
    for part_model, rows in parts.items():
        create_rows(part_model, rows)
    return {part_model: rows for part_model, rows in parts.items() if rows}


def _point_at_revisions(model, records, revisions):
    """Make each revision the record's latest and live one (one statement run for every row, rather
    than `bulk_update`, whose CASE expressions grow with the batch)."""
    quote, meta = connection.ops.quote_name, model._meta
    latest, live = meta.get_field("latest_revision").column, meta.get_field("live_revision").column
    sql = (
        f"UPDATE {quote(meta.db_table)} SET {quote(latest)} = %s, {quote(live)} = %s "  # noqa: S608 (model names)
        f"WHERE {quote(meta.pk.column)} = %s"
    )
    pairs = list(zip(records, revisions, strict=True))
    with connection.cursor() as cursor:
        cursor.executemany(sql, [(revision.pk, revision.pk, record.pk) for record, revision in pairs])
    for record, revision in pairs:
        record.latest_revision = record.live_revision = revision


def insert_rows(model, rows):
    """INSERT `rows` (dicts of attribute name -> value) into `model`'s table with one executemany.

    For rows whose ids are never needed: no model instance is built per row, which is most of
    what `bulk_create` spends. Values are converted for the database as `bulk_create` would, except
    strings, integers and booleans for fields that store them as they are.
    """
    if not rows:
        return
    db = connections[DEFAULT_DB_ALIAS]  # the connection itself: the proxy costs a lookup per use
    fields = [f for f in model._meta.concrete_fields if not isinstance(f, models.AutoField)]
    quote = db.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608
    converters = [(f.attname, _converter(f, db), f.get_default) for f in fields]
    params = [
        tuple(convert(row[name] if name in row else default()) for name, convert, default in converters) for row in rows
    ]
    with db.cursor() as cursor:
        cursor.executemany(sql, params)


def create_rows(model, objs):
    """`bulk_create` for new rows whose ids are needed, with fewer, larger statements (Django's
    SQLite backend assumes the 999-variable limit of old SQLite versions) and the cheaper value
    conversion of `insert_rows`. Sets each object's id, as `bulk_create` does."""
    db = connections[DEFAULT_DB_ALIAS]
    if not objs:
        return
    if not db.features.can_return_rows_from_bulk_insert:
        model.objects.bulk_create(objs)
        return
    meta = model._meta
    fields = [f for f in meta.concrete_fields if not isinstance(f, models.AutoField)]
    foreign_keys = [f for f in fields if f.is_relation]
    converters = [(f, _converter(f, db)) for f in fields]
    quote = db.ops.quote_name
    head = f"INSERT INTO {quote(meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) VALUES "  # noqa: S608
    row = "(" + ", ".join(["%s"] * len(fields)) + ")"
    per_statement = max(1, _max_parameters(db) // len(fields))
    with db.cursor() as cursor:
        for start in range(0, len(objs), per_statement):
            chunk = objs[start : start + per_statement]
            params = []
            for obj in chunk:
                for field in foreign_keys:  # an object assigned before it had an id
                    if getattr(obj, field.attname) is None and field.is_cached(obj):
                        setattr(obj, field.attname, field.get_cached_value(obj).pk)
                params.extend(convert(field.pre_save(obj, True)) for field, convert in converters)
            cursor.execute(f"{head}{', '.join([row] * len(chunk))} RETURNING {quote(meta.pk.column)}", params)
            # New ids increase in the order the rows were inserted, whatever order RETURNING lists them.
            for obj, (pk,) in zip(chunk, sorted(cursor.fetchall()), strict=True):
                obj.pk = pk
                obj._state.adding, obj._state.db = False, db.alias


def _max_parameters(db):
    if db.vendor == "sqlite":
        import sqlite3

        return db.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    return 30000  # PostgreSQL allows 65535 per statement


# Field types whose database value is the Python value itself, when that is a str, int, bool or None.
STORED_AS_IS = {
    "AutoField", "BigAutoField", "SmallAutoField", "BigIntegerField", "IntegerField", "SmallIntegerField",
    "PositiveIntegerField", "PositiveSmallIntegerField", "PositiveBigIntegerField", "BooleanField",
    "CharField", "SlugField", "TextField", "URLField", "EmailField",
}  # fmt: skip
PLAIN = (str, int, bool, type(None))


def _converter(field, db):
    target = field.target_field if field.is_relation else field
    if target.get_internal_type() in STORED_AS_IS:

        def convert(value):
            return value if type(value) in PLAIN else field.get_db_prep_save(value, db)

        return convert
    return lambda value: field.get_db_prep_save(value, db)


def _write_history(model, instances, user_id, reason, now):
    """The simple-history row of each new instance, as `bulk_history_create` would write it."""
    history = model.history.model
    tracked = [field.attname for field in history.tracked_fields]
    base = {
        "history_date": now,
        "history_change_reason": reason,
        "history_type": "+",
        "history_user_id": user_id,
    }
    insert_rows(history, [{**{name: getattr(obj, name) for name in tracked}, **base} for obj in instances])


def _write_public_revisions(model, records, revisions, user, summary, now):
    content_type_id = model.get_content_type().pk
    publisher = publisher_for(user)
    snapshot = Snapshots()
    rows = []
    for record, revision in zip(records, revisions, strict=True):
        public = PublicRevision(
            content_type_id=content_type_id,
            object_id=str(record.pk),
            number=1,
            published_at=now,
            edit_summary=summary,
            publisher=publisher,
            content=snapshot.of(record),
            previous_hash="",
            wagtail_revision_id=revision.pk,
        )
        public.hash = public.compute_hash()
        rows.append(public.__dict__)
    insert_rows(PublicRevision, rows)


def _write_log(model, records, revisions, user_id, now):
    content_type_id = model.get_content_type().pk
    insert_rows(
        ModelLogEntry,
        [
            {
                "content_type_id": content_type_id,
                "label": str(record),
                "action": action,
                "data": {},
                "timestamp": now,
                "uuid": None,
                "user_id": user_id,
                "revision_id": revision.pk,
                "content_changed": True,
                "deleted": False,
                "object_id": str(record.pk),
            }
            for record, revision in zip(records, revisions, strict=True)
            for action in ("wagtail.create", "wagtail.publish")
        ],
    )


def index_references(records):
    """Wagtail's reference index rows for these just-saved records (what each one points at),
    worked out from the records and their parts in memory."""
    references = References()
    rows = []
    for record in records:
        model = type(record)
        if not ReferenceIndex.is_indexed(model):
            continue
        content_type_id, base_id = model.get_content_type().pk, model.get_base_content_type().pk
        for to_content_type_id, to_object_id, model_path, content_path in references.of(record):
            rows.append(
                {
                    "content_type_id": content_type_id,
                    "base_content_type_id": base_id,
                    "object_id": str(record.pk),
                    "to_content_type_id": to_content_type_id,
                    "to_object_id": to_object_id,
                    "model_path": model_path,
                    "content_path": content_path,
                    "content_path_hash": uuid.uuid5(REFERENCE_PATH_NAMESPACE, content_path),
                }
            )
    insert_rows(ReferenceIndex, rows)


# Wagtail's namespace for content path hashes (ReferenceIndex._get_content_path_hash).
REFERENCE_PATH_NAMESPACE = uuid.UUID("bdc70d8b-e7a2-4c2a-bf43-2a3e3fcbbe86")


class References:
    """What Wagtail's `ReferenceIndex._extract_references_from_object` finds, for records whose
    references are plain foreign keys on the record and on its parts (tracker records are), with the
    list of such keys worked out once per model. Anything else is left to Wagtail's own method.
    tests/tracker/test_demo_data.py checks the two agree."""

    def __init__(self):
        self._keys = {}

    def keys(self, model):
        """([(foreign key, content type id of what it points at)], whether that is all there is),
        following the rules of Wagtail's method."""
        if model not in self._keys:
            keys, simple = [], True
            for field in model._meta.get_fields():
                if hasattr(field, "extract_references"):
                    simple = False  # a StreamField or the like: Wagtail's method knows how
                if not (field.is_relation and field.many_to_one):
                    continue
                if getattr(field, "wagtail_reference_index_ignore", False) or getattr(
                    field.related_model, "wagtail_reference_index_ignore", False
                ):
                    continue
                if isinstance(field, ParentalKey | GenericRel):
                    continue
                if isinstance(field, GenericForeignKey):
                    simple = False
                    continue
                keys.append((field, ReferenceIndex._get_base_content_type(field.related_model).pk))
            self._keys[model] = (keys, simple)
        return self._keys[model]

    def _own(self, obj):
        keys, _ = self.keys(type(obj))
        for field, content_type_id in keys:
            value = field.value_from_object(obj)
            if value is not None:
                yield content_type_id, str(value), field.name, field.name

    def of(self, record):
        model = type(record)
        relations = get_all_child_relations(model) if isinstance(record, ClusterableModel) else []
        plain = self.keys(model)[1] and all(
            self.keys(r.related_model)[1] and not issubclass(r.related_model, ClusterableModel) for r in relations
        )
        if not plain:
            return set(ReferenceIndex._extract_references_from_object(record))
        found = set(self._own(record))
        for relation in relations:
            name = relation.get_accessor_name()
            for part in getattr(record, name).all():
                found.update(
                    (ct, to_id, f"{name}.item.{model_path}", f"{name}.{part.pk}.{content_path}")
                    for ct, to_id, model_path, content_path in self._own(part)
                )
        return found


def index_for_search(model, records):
    """Add the records to Wagtail's own search index (the admin's search), as a save would."""
    if not class_is_indexed(model):
        return
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(model, records)

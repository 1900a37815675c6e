"""Publishing many new records at once, with the same history a publish writes one record at a time.

`publish()` (tracker/publishing/publish.py) is the way to publish one record: it validates, saves, and
lets Wagtail publish, and each publish costs a few hundred queries. Loading tens of thousands of records
(the `--scale` demo, an import) that way would take hours, so `publish_new_records` writes the same rows
in batches, through the same public APIs:

- the record and its parts, live, with a Wagtail revision as their latest and live revision (so
  editors can open, edit and republish them in the admin as if they had been published there);
- public revision 1 of each record, appended to the chain by `PublicRevision.objects.append`, the one
  method single publishes use too, so history pages, citations and `verify_history` treat them alike;
- a simple-history row ("+", the published state) for the record and each part, with the user and
  the change reason (simple-history's `bulk_history_create`);
- a "created" and a "published" entry in Wagtail's log (the admin's history tab);
- Wagtail's reference index (the admin's "usage" of each office and place) and its admin search index.

Then `records_published_in_bulk` is sent, once per batch, inside the transaction (search queues the
records then). What it does not do: validate (build valid records, as tracker/demo/scale.py does, or
check them first, as an import's dry run does), or send Wagtail's `published` signal for each record.

Speed: a fixed number of queries per batch for every row except Wagtail's reference index, which its
public API writes one record at a time. Pass batches of a few thousand records.
"""

from django.db import connection, transaction
from django.utils import timezone
from modelcluster.models import get_all_child_relations
from wagtail.models import ModelLogEntry, ReferenceIndex, Revision
from wagtail.search.backends import get_search_backends
from wagtail.search.index import class_is_indexed

from tracker.models import PublicRevision
from tracker.models.audit import audit
from tracker.models.public_revisions import Publication
from tracker.models.snapshots import Snapshots
from tracker.publishing.publish import publisher_for
from tracker.publishing.signals import records_published_in_bulk

BATCH = 1000


def publish_new_records(model, records, *, user=None, summary, published_at=None):
    """Publish unsaved `records` of `model` (with their parts attached in memory and the records
    they point to set as objects, not ids) as their first public revision.

    Every record needs its slug set (uniqueness is left to the database, which refuses duplicates).
    All or nothing: one transaction.
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
    with audit(user, summary), transaction.atomic():
        model.objects.bulk_create(records, batch_size=BATCH)
        parts = _save_parts(model, records)
        revisions = _save_revisions(model, records, user, now)
        _write_history(model, records, parts, user, summary, now)
        snapshot = Snapshots()
        PublicRevision.objects.append(
            [
                Publication(record, snapshot.of(record), revision.pk)
                for record, revision in zip(records, revisions, strict=True)
            ],
            published_at=now,
            edit_summary=summary,
            publisher=publisher_for(user),
        )
        _write_log(model, records, revisions, user, now)
        for record in records:
            ReferenceIndex.create_or_update_for_object(record)
        index_for_admin_search(model, records)
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
        part_model.objects.bulk_create(rows, batch_size=BATCH)
    return {part_model: rows for part_model, rows in parts.items() if rows}


def _save_revisions(model, records, user, now):
    """A Wagtail revision of each record, made its latest and live one."""
    revisions = Revision.objects.bulk_create(
        [
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
        ],
        batch_size=BATCH,
    )
    for record, revision in zip(records, revisions, strict=True):
        record.latest_revision = record.live_revision = revision
    # bulk_update's CASE expressions grow with the batch: keep its batches small.
    model.objects.bulk_update(records, ["latest_revision", "live_revision"], batch_size=250)
    return revisions


def _write_history(model, records, parts, user, summary, now):
    """The simple-history row of each new record and part, as a save would write it."""
    for history_model, instances in [(model, records), *parts.items()]:
        history_model.history.bulk_history_create(
            instances, batch_size=BATCH, default_user=user, default_change_reason=summary, default_date=now
        )


def _write_log(model, records, revisions, user, now):
    content_type = model.get_content_type()
    ModelLogEntry.objects.bulk_create(
        [
            ModelLogEntry(
                content_type=content_type,
                label=str(record),
                action=action,
                data={},
                timestamp=now,
                user=user,
                revision=revision,
                content_changed=True,
                object_id=str(record.pk),
            )
            for record, revision in zip(records, revisions, strict=True)
            for action in ("wagtail.create", "wagtail.publish")
        ],
        batch_size=BATCH,
    )


def index_for_admin_search(model, records):
    """Add the records to Wagtail's own search index (the admin's search), as a save would."""
    if not class_is_indexed(model):
        return
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(model, records)

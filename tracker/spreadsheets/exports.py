"""CSV exports: the current state of the published commitments, in exactly the columns of the import
template (so a file can be exported, edited and imported again), and the full public history, one
row per public revision with its hash chain and content.

Taken-down records are left out of both: the exports show what the public may see. Every text cell
is written as `cells.exported` makes it: no control or bidi control characters, and a quote before
a text a spreadsheet program would run as a formula (the import takes it off again).
"""

import csv
import json

from django.db.models import Prefetch

from tracker.models import Commitment, CommitmentOwner, PublicRevision
from tracker.models.text import escape_bidi
from tracker.spreadsheets.cells import exported
from tracker.spreadsheets.columns import COMMITMENT_COLUMNS, LIST_SEPARATOR, OWNER_COLUMNS

HISTORY_COLUMNS = (
    "record_type",
    "record_slug",
    "record_name",
    "number",
    "published_at",
    "edit_summary",
    "publisher",
    "hash",
    "previous_hash",
    "content",
)


class Echo:
    """A file-like object that hands back what is written (for streaming responses)."""

    def write(self, value):
        return value


def commitment_rows():
    """The header and one row per published commitment, as the import template has them."""
    yield [column.name for column in COMMITMENT_COLUMNS]
    owners = Prefetch("owners", queryset=CommitmentOwner.objects.select_related("office"))
    records = (
        Commitment.objects.published()
        .select_related("jurisdiction", "made_by_office")
        .prefetch_related(owners, "sources")
        .order_by("external_id", "slug")
    )
    for record in records.iterator(chunk_size=2000):
        yield [value for _, value in commitment_cells(record)]


def _public(record):
    return record is not None and record.taken_down_at is None


def commitment_cells(record):
    # An office taken down for legal reasons is named in no export; an import of this row keeps it as an owner
    # (tracker/spreadsheets/filling.py), so the round trip changes nothing.
    owners = [owner for owner in record.owners.all() if _public(owner.office)]
    source = next(iter(record.sources.all()), None)

    def date(day):
        return day.isoformat() if day else ""

    cells = {
        # Commitments entered in the admin have no external id: their slug stands in, and the import
        # finds them by it.
        "external_id": record.external_id or record.slug,
        "title": record.title,
        "title_ur": record.title_ur,
        "text": record.text,
        "sector": record.sector,
        "jurisdiction": record.jurisdiction.slug,
        "made_by_office": record.made_by_office.slug if _public(record.made_by_office) else "",
        "made_on": date(record.made_on),
        "deadline": date(record.deadline),
        "status": record.status,
        "progress": record.progress,
        "source_quote": record.source_quote,
        "source_url": source.url if source else "",
        "source_title": source.title if source else "",
        "source_publisher": source.publisher if source else "",
        "source_published_on": date(source.published_on) if source else "",
        "source_kind": source.kind if source else "",
    }
    for column, role in OWNER_COLUMNS.items():
        cells[column] = LIST_SEPARATOR.join(owner.office.slug for owner in owners if owner.role == role)
    return [(column.name, cells[column.name]) for column in COMMITMENT_COLUMNS]


def history_rows(model=None):
    """The header and one row per public revision (of every record type, or of `model`)."""
    yield list(HISTORY_COLUMNS)
    revisions = PublicRevision.objects.as_public().order_by("content_type_id", "object_id", "number")
    if model is not None:
        from django.contrib.contenttypes.models import ContentType

        revisions = revisions.filter(content_type=ContentType.objects.get_for_model(model, for_concrete_model=False))
    hidden = _taken_down()
    for revision in revisions.iterator(chunk_size=2000):
        if (revision.content_type_id, revision.object_id) in hidden:
            continue
        content = revision.content
        yield [
            content.get("type", ""),
            content.get("slug", ""),
            content.get("name", ""),
            revision.number,
            revision.published_at.isoformat(),
            revision.edit_summary,
            revision.publisher,
            revision.hash,
            revision.previous_hash,
            # The stored content exactly (bidi controls as JSON escapes), so it can be checked against the hash.
            escape_bidi(json.dumps(content, ensure_ascii=False, sort_keys=True)),
        ]


def _taken_down():
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    from tracker.models.base import TrackerRecord

    hidden = set()
    for model in apps.get_app_config("tracker").get_models():
        if issubclass(model, TrackerRecord):
            content_type = ContentType.objects.get_for_model(model, for_concrete_model=False).pk
            for pk in model.objects.taken_down().values_list("pk", flat=True):
                hidden.add((content_type, str(pk)))
    return hidden


def _cells(row):
    return [exported(value) for value in row]


def write_csv(rows, stream):
    writer = csv.writer(stream)
    for row in rows:
        writer.writerow(_cells(row))


def csv_lines(rows):
    """The CSV text of `rows`, line by line (a byte-order mark first, so Excel reads it as UTF-8)."""
    writer = csv.writer(Echo())
    yield "\ufeff"
    for row in rows:
        yield writer.writerow(_cells(row))

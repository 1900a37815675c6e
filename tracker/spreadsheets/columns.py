"""The columns of the two import files, in template order. The export of commitments writes exactly
COMMITMENT_COLUMNS, so an exported file can be edited and imported again."""

from dataclasses import dataclass

COMMITMENTS = "commitments"
STATUS_UPDATES = "status-updates"
LIST_SEPARATOR = ";"  # between office slugs in one owners cell


@dataclass(frozen=True)
class Column:
    name: str
    help: str
    required_for_new: bool = False


COMMITMENT_COLUMNS = (
    Column(
        "external_id", "Your id for the commitment. Unique, and never changed: imports find the commitment by it.", True
    ),
    Column("title", "The promise in a few words.", True),
    Column("title_ur", "The title in Urdu (optional)."),
    Column("text", "What was promised.", True),
    Column("sector", "One of the sector values (see below).", True),
    Column("jurisdiction", "The slug of the jurisdiction (the last part of its public address).", True),
    Column("made_by_office", "The slug of the office whose holder made the promise (optional)."),
    Column("made_on", "The date the promise was made, as YYYY-MM-DD.", True),
    Column("deadline", "The promised date, as YYYY-MM-DD (optional)."),
    Column("status", "One of the status values. Published commitments change status by a status update."),
    Column("progress", "A whole number from 0 to 100."),
    Column("source_quote", "The words of the promise, quoted (optional)."),
    Column("political_owners", "Slugs of the elected offices that own it, separated by ';'."),
    Column("administrative_owners", "Slugs of the appointed offices that must deliver it, separated by ';'."),
    Column("supporting_owners", "Slugs of supporting offices, separated by ';' (optional)."),
    Column("source_url", "The address of the source of the promise."),
    Column("source_title", "The title of that source."),
    Column("source_publisher", "Who published it (optional)."),
    Column("source_published_on", "When it was published, as YYYY-MM-DD (optional)."),
    Column("source_kind", "What the source is: one of the source kind values (see below)."),
)

STATUS_UPDATE_COLUMNS = (
    Column("external_id", "The external id of the commitment whose status changes.", True),
    Column("to_status", "The new status value.", True),
    Column("effective_date", "The date the change happened, as YYYY-MM-DD (not in the future).", True),
    Column("recorded_on", "The date the tracker learned of it, as YYYY-MM-DD (optional: today)."),
    Column("progress", "The commitment's progress after the change, 0 to 100 (optional: unchanged)."),
    Column("note", "A note on the change (optional)."),
    Column("source_url", "The address of the evidence.", True),
    Column("source_title", "The title of the evidence.", True),
    Column("source_publisher", "Who published it (optional)."),
    Column("source_published_on", "When it was published, as YYYY-MM-DD (optional)."),
    Column("source_quote", "The words in the source that support the change (optional)."),
    Column("source_archive_url", "A copy in a web archive (optional)."),
    Column(
        "source_kind",
        "What the evidence is: one of the source kind values (see below). Delivered and partially delivered "
        "need a kind that can prove delivery.",
    ),
)

COLUMNS = {COMMITMENTS: COMMITMENT_COLUMNS, STATUS_UPDATES: STATUS_UPDATE_COLUMNS}
KIND_LABELS = {COMMITMENTS: "commitments", STATUS_UPDATES: "status updates"}

OWNER_COLUMNS = {
    "political_owners": "political",
    "administrative_owners": "administrative",
    "supporting_owners": "supporting",
}

# Where a model's validation error is reported: model field -> column of the file.
COMMITMENT_FIELD_COLUMNS = {
    "title": "title",
    "title_ur": "title_ur",
    "text": "text",
    "sector": "sector",
    "jurisdiction": "jurisdiction",
    "made_by_office": "made_by_office",
    "made_on": "made_on",
    "deadline": "deadline",
    "status": "status",
    "progress": "progress",
    "source_quote": "source_quote",
    "external_id": "external_id",
}
SOURCE_FIELD_COLUMNS = {
    "url": "source_url",
    "title": "source_title",
    "publisher": "source_publisher",
    "published_on": "source_published_on",
    "quote": "source_quote",
    "archive_url": "source_archive_url",
    "kind": "source_kind",
}
STATUS_CHANGE_FIELD_COLUMNS = {
    **SOURCE_FIELD_COLUMNS,
    "to_status": "to_status",
    "from_status": "to_status",
    "effective_date": "effective_date",
    "recorded_on": "recorded_on",
    "note": "note",
}


def sheet_kind(headers):
    """Which kind of file these headers belong to: a status update file names a to_status."""
    return STATUS_UPDATES if "to_status" in headers else COMMITMENTS

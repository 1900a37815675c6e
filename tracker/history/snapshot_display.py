"""A stored snapshot as readers see it: labels and values read from the JSON alone.

Nothing here looks at the live models, so a revision renders the same after fields are renamed, added
or removed: a key the code no longer knows is still shown, under a label made from its name.
"""

import datetime
import re
from dataclasses import dataclass

from django.urls import NoReverseMatch
from django.utils import dateformat

from tracker.history.addresses import RELATED_KIND, record_url

# Labels in readers' words for the keys snapshots have used; any other key is shown by its own name.
LABELS = {
    "title": "Title",
    "title_ur": "Title in Urdu",
    "name": "Name",
    "name_ur": "Name in Urdu",
    "text": "What was promised",
    "text_ur": "What was promised, in Urdu",
    "summary_ur": "Summary in Urdu",
    "note_ur": "Note in Urdu",
    "made_by_office": "Made by (office)",
    "made_on": "Made on",
    "source_quote": "Quote of the promise",
    "deadline": "Deadline",
    "progress": "Progress (%)",
    "from_status": "From",
    "to_status": "To",
    "effective_date": "Effective date",
    "recorded_on": "Recorded on",
    "arrived_on": "Since",
    "url": "Source address",
    "archive_url": "Archived copy",
    "published_on": "Published on",
    "reference_number": "Reference number",
    "decided_on": "Decided on",
    "deciding_office": "Decided by",
    "amount_pkr": "Amount (PKR)",
    "is_sole": "Held by one person at a time",
    "start_date": "From",
    "end_date": "Until",
    "how": "How they came to hold it",
    "end_reason": "How it ended",
    "parent": "Part of",
    "classification": "Kind",
    "slug": "Web address",
}
# Each kind of part: what one of them is called, and what the list of them is called.
PARTS = {
    "owners": ("owner", "Owners"),
    "status_changes": ("status change", "Status changes"),
    "movements": ("movement", "Where the file went"),
    "sources": ("source", "Sources"),
    "linked_commitments": ("linked commitment", "Linked commitments"),
    "tenures": ("tenure", "Holders"),
}
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# The order readers meet keys in. PostgreSQL's jsonb does not keep the stored order of keys, so pages
# order them here; keys not listed (from older or newer schemas) follow, alphabetically.
ORDER = (
    "title", "title_ur", "name", "name_ur", "kind", "text", "text_ur", "summary", "summary_ur",
    "made_by_office", "made_on", "source_quote", "sector", "jurisdiction", "deadline", "status", "progress",
    "reference_number", "decided_on", "deciding_office", "amount_pkr", "organization", "is_sole", "tier", "parent",
    "classification", "office", "role", "from_status", "to_status", "effective_date", "recorded_on",
    "arrived_on", "person", "start_date", "end_date", "how", "end_reason", "notification", "commitment",
    "note", "note_ur", "url", "publisher", "published_on", "quote", "archive_url",
    # parts
    "owners", "status_changes", "movements", "sources", "linked_commitments", "tenures",
)  # fmt: skip
_RANK = {key: rank for rank, key in enumerate(ORDER)}


def in_reading_order(keys):
    return sorted(keys, key=lambda key: (_RANK.get(key, len(ORDER)), str(key)))


def label(key):
    return LABELS.get(key) or str(key).replace("_", " ").capitalize()


def part_names(relation):
    singular, plural = PARTS.get(relation, (None, None))
    words = str(relation).replace("_", " ")
    return singular or words.rstrip("s"), plural or words.capitalize()


@dataclass(frozen=True)
class Shown:
    """One stored value as shown: its text, and where it links, its language and its date if it has them."""

    text: str
    href: str = ""
    lang: str = ""
    day: str = ""  # YYYY-MM-DD, for <time datetime>
    choice: str = ""  # the stored value of a choice (a status), for styling

    def __str__(self):
        return self.text

    @property
    def is_long(self):
        return len(self.text) > 60 or "\n" in self.text


EMPTY = Shown("")


def show(key, value):
    """How the value stored under `key` reads, whatever shape an older snapshot gave it."""
    lang = "ur" if str(key).endswith("_ur") else ""
    if value is None or value == "" or value == []:
        return EMPTY
    if isinstance(value, dict):
        if "label" in value:  # a choice
            return Shown(str(value.get("label") or value.get("value") or ""), choice=str(value.get("value") or ""))
        return Shown(str(value.get("name") or value.get("id") or ""), href=_related_url(key, value.get("slug")))
    if isinstance(value, bool):
        return Shown("Yes" if value else "No")
    if isinstance(value, list):
        return Shown(", ".join(show(key, item).text for item in value))
    if isinstance(value, str) and value.startswith(("https://", "http://")):
        return Shown(value, href=value)
    if isinstance(value, str) and _ISO_DAY.match(value):
        try:
            day = datetime.date.fromisoformat(value)
        except ValueError:
            return Shown(value)
        return Shown(dateformat.format(day, "j F Y"), day=value)
    return Shown(str(value), lang=lang)


def _related_url(key, slug):
    kind = RELATED_KIND.get(key)
    if not (kind and slug):
        return ""
    try:
        return record_url(kind, slug)
    except NoReverseMatch:  # an odd slug in an old snapshot: show the name without a link
        return ""


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    value: Shown


@dataclass(frozen=True)
class PartList:
    relation: str
    label: str
    items: list  # of lists of Row (empty values left out)


@dataclass(frozen=True)
class SnapshotView:
    name: str
    fields: list  # of Row (empty values shown as empty, so the reader sees they were empty)
    parts: list  # of PartList


def present(content):
    """The snapshot `content` (a PublicRevision's JSON) laid out for a revision page."""
    stored_fields, stored_parts = content.get("fields") or {}, content.get("parts") or {}
    fields = [Row(key, label(key), show(key, stored_fields[key])) for key in in_reading_order(stored_fields)]
    parts = [
        PartList(
            relation,
            part_names(relation)[1],
            [
                [
                    Row(key, label(key), show(key, item[key]))
                    for key in in_reading_order(item)
                    if key != "id" and item[key]
                ]
                for item in stored_parts[relation] or []
            ],
        )
        for relation in in_reading_order(stored_parts)
    ]
    return SnapshotView(name=str(content.get("name") or ""), fields=fields, parts=parts)


def describe_part(relation, item):
    """One line naming a part, for summaries and compares: "Deputy Commissioner Quetta (Political owner)"."""

    def text(key):
        return show(key, item.get(key)).text

    if relation == "owners":
        return " ".join(filter(None, [text("office"), f"({text('role')})" if text("role") else ""]))
    if relation == "status_changes":
        change = f"{text('from_status')} → {text('to_status')}"
        return f"{change}, {text('effective_date')}" if text("effective_date") else change
    if relation == "movements":
        return f"{text('office')} since {text('arrived_on')}" if text("arrived_on") else text("office")
    if relation == "tenures":
        dates = "–".join(filter(None, [text("start_date"), text("end_date")]))
        return f"{text('person')} ({dates})" if dates else text("person")
    for key in ("title", "name", "commitment", "office", "person", "url"):
        if text(key):
            return text(key)
    values = [show(key, item[key]).text for key in in_reading_order(item) if key != "id" and item[key]]
    return values[0] if values else ""

"""A stored snapshot as readers see it: labels and values read from the JSON alone.

Nothing here looks at the live models, so a revision renders the same after fields are renamed, added
or removed: a key the code no longer knows is still shown, under a label made from its name.
"""

import datetime
import re
from dataclasses import dataclass

from django.urls import NoReverseMatch
from django.utils import dateformat
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from tracker.history.addresses import RELATED_KIND, record_url
from tracker.models.withheld import WITHHELD, is_withheld, reason_label

# Labels in readers' words for the keys snapshots have used; any other key is shown by its own name.
LABELS = {
    "title": _("Title"),
    "title_ur": _("Title in Urdu"),
    "name": _("Name"),
    "name_ur": _("Name in Urdu"),
    "text_ur": _("What was promised, in Urdu"),
    "summary_ur": _("Summary in Urdu"),
    "note_ur": _("Note in Urdu"),
    "text": _("What was promised"),
    "made_by_office": _("Made by (office)"),
    "made_on": _("Made on"),
    "source_quote": _("Quote of the promise"),
    "deadline": _("Deadline"),
    "progress": _("Progress (%)"),
    "from_status": pgettext_lazy("status change", "From"),
    "to_status": pgettext_lazy("status change", "To"),
    "effective_date": _("Effective date"),
    "recorded_on": _("Recorded on"),
    "arrived_on": _("Since"),
    "url": _("Source address"),
    "archive_url": _("Archived copy"),
    "published_on": _("Published on"),
    "reference_number": _("Reference number"),
    "decided_on": _("Decided on"),
    "deciding_office": _("Decided by"),
    "amount_pkr": _("Amount (PKR)"),
    "is_sole": _("Held by one person at a time"),
    "start_date": _("From"),
    "end_date": _("Until"),
    "how": _("How they came to hold it"),
    "end_reason": _("How it ended"),
    "parent": _("Part of"),
    "classification": _("Kind"),
    "slug": _("Web address"),
    # The keys below read as their own names in English; listed so that they are translated.
    "kind": _("Kind"),
    "summary": _("Summary"),
    "sector": _("Sector"),
    "jurisdiction": _("Jurisdiction"),
    "status": _("Status"),
    "organization": _("Organization"),
    "tier": _("Tier"),
    "office": _("Office"),
    "role": _("Role"),
    "person": _("Person"),
    "commitment": _("Commitment"),
    "note": _("Note"),
    "publisher": _("Publisher"),
    "quote": _("Quote"),
    "notification": _("Notification"),
}
# Each kind of part: what one of them is called, and what the list of them is called.
PARTS = {
    "owners": (_("owner"), _("Owners")),
    "status_changes": (_("status change"), _("Status changes")),
    "movements": (_("movement"), _("Where the file went")),
    "sources": (_("source"), _("Sources")),
    "linked_commitments": (_("linked commitment"), _("Linked commitments")),
    "tenures": (_("tenure"), _("Holders")),
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
    known = LABELS.get(key)
    return str(known) if known else str(key).replace("_", " ").capitalize()


def part_names(relation):
    singular, plural = PARTS.get(relation, (None, None))
    words = str(relation).replace("_", " ")
    return str(singular or words.rstrip("s")), str(plural or words.capitalize())


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
        if is_withheld(value):
            return _withheld(value)
        if "label" in value:  # a choice
            # The snapshot keeps the label it was published with (English); it is read in the page's language
            # through the vocabulary's own entries in the catalogue, and stays as stored when there is none.
            stored = str(value.get("label") or value.get("value") or "")
            return Shown(gettext(stored) if stored else "", choice=str(value.get("value") or ""))
        return Shown(str(value.get("name") or value.get("id") or ""), href=_related_url(key, value.get("slug")))
    if isinstance(value, bool):
        return Shown(gettext("Yes") if value else gettext("No"))
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


def _withheld(value):
    """A reference to a record taken down for legal reasons: its reason's category, public notice and day, never
    its name."""
    said = {"notice": str(value.get(WITHHELD) or ""), "day": "", "reason": reason_label(value.get("reason"))}
    try:
        said["day"] = dateformat.format(datetime.date.fromisoformat(str(value.get("taken_down_on"))), "j F Y")
    except ValueError:
        if said["reason"]:
            return Shown(gettext("Withheld (%(reason)s): %(notice)s") % said)
        return Shown(gettext("Withheld: %(notice)s") % said)
    if said["reason"]:
        return Shown(gettext("Withheld (%(reason)s, taken down on %(day)s): %(notice)s") % said)
    return Shown(gettext("Withheld (taken down on %(day)s): %(notice)s") % said)


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
        if text("arrived_on"):
            return gettext("%(office)s since %(day)s") % {"office": text("office"), "day": text("arrived_on")}
        return text("office")
    if relation == "tenures":
        dates = "–".join(filter(None, [text("start_date"), text("end_date")]))
        return f"{text('person')} ({dates})" if dates else text("person")
    for key in ("title", "name", "commitment", "office", "person", "url"):
        if text(key):
            return text(key)
    values = [show(key, item[key]).text for key in in_reading_order(item) if key != "id" and item[key]]
    return values[0] if values else ""

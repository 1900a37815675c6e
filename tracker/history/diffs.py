"""What changed between two stored snapshots: field by field, word by word in text, and which parts
(owners, status changes, movements, sources, tenures) were added, removed or changed.

Both sides are read from stored JSON only, so any two revisions compare, whatever schema each was
published under. Words are compared with difflib.
"""

import difflib
import json
import re
from dataclasses import dataclass, field

from tracker.history.snapshot_display import Shown, describe_part, in_reading_order, label, part_names, show

_TOKENS = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class Words:
    """A run of words that is the same on both sides ("equal"), only in the older ("delete") or only in
    the newer ("insert")."""

    op: str
    text: str


@dataclass(frozen=True)
class FieldChange:
    key: str
    label: str
    old: Shown
    new: Shown
    words: list = field(default_factory=list)  # of Words, for text that was edited

    @property
    def kind(self):
        if not self.old.text:
            return "added"
        return "removed" if not self.new.text else "changed"

    @property
    def is_choice(self):
        return bool(self.old.choice or self.new.choice)


@dataclass(frozen=True)
class PartChange:
    relation: str
    singular: str  # "owner"
    group: str  # "Owners"
    kind: str  # added, removed, changed
    description: str
    fields: list  # of FieldChange: what changed, or everything the added or removed part says


@dataclass(frozen=True)
class SnapshotDiff:
    fields: list
    parts: list

    def __bool__(self):
        return bool(self.fields or self.parts)


def word_diff(old, new):
    """Word-level differences between two texts, whitespace kept, adjacent runs merged."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    runs = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op in ("delete", "replace"):
            runs.append(("delete", "".join(a[i1:i2])))
        if op in ("insert", "replace"):
            runs.append(("insert", "".join(b[j1:j2])))
        if op == "equal":
            runs.append(("equal", "".join(a[i1:i2])))
    merged = []
    for op, text in runs:
        if merged and merged[-1].op == op:
            merged[-1] = Words(op, merged[-1].text + text)
        else:
            merged.append(Words(op, text))
    return merged


def _field_change(key, old_value, new_value):
    if _canonical(old_value) == _canonical(new_value):
        return None
    old, new = show(key, old_value), show(key, new_value)
    words = []
    if isinstance(old_value, str) and isinstance(new_value, str) and not (old.day or new.day):
        words = word_diff(old.text, new.text)
    return FieldChange(key, label(key), old, new, words)


def _canonical(value):
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def _field_changes(old, new, skip=("id",)):
    keys = in_reading_order({*old, *new})
    changes = (_field_change(key, old.get(key), new.get(key)) for key in keys if key not in skip)
    return [change for change in changes if change is not None]


def _identity(item):
    """Parts are matched by their id across revisions; older snapshots without ids, by their content."""
    return ("id", item["id"]) if item.get("id") is not None else ("content", _canonical(item))


def _without_id(item):
    return _canonical({key: value for key, value in item.items() if key != "id"})


def _pair_reissued(old_by_id, new_by_id):
    """Drop parts that only got a new id (a part saved again without its old id) but say the same:
    for readers they were neither removed nor added."""
    unmatched_old = {}
    for identity, item in old_by_id.items():
        if identity not in new_by_id:
            unmatched_old.setdefault(_without_id(item), []).append(identity)
    for identity, item in list(new_by_id.items()):
        if identity in old_by_id:
            continue
        same = unmatched_old.get(_without_id(item))
        if same:
            del old_by_id[same.pop()]
            del new_by_id[identity]


def _part_changes(relation, old_items, new_items):
    names = part_names(relation)
    old_by_id = {_identity(item): item for item in old_items}
    new_by_id = {_identity(item): item for item in new_items}
    _pair_reissued(old_by_id, new_by_id)
    changes = []
    for identity, item in new_by_id.items():
        before = old_by_id.get(identity)
        if before is None:
            changes.append(
                PartChange(relation, *names, "added", describe_part(relation, item), _field_changes({}, item))
            )
        elif _canonical(before) != _canonical(item):
            changes.append(
                PartChange(relation, *names, "changed", describe_part(relation, item), _field_changes(before, item))
            )
    for identity, item in old_by_id.items():
        if identity not in new_by_id:
            changes.append(
                PartChange(relation, *names, "removed", describe_part(relation, item), _field_changes(item, {}))
            )
    return changes


def compare(old_content, new_content):
    """The differences from one stored snapshot to another (`old_content` None: everything is new)."""
    old_content, new_content = old_content or {}, new_content or {}
    fields = _field_changes(old_content.get("fields") or {}, new_content.get("fields") or {})
    if old_content and old_content.get("slug") != new_content.get("slug"):
        old_slug, new_slug = old_content.get("slug"), new_content.get("slug")
        fields.append(FieldChange("slug", label("slug"), show("slug", old_slug), show("slug", new_slug)))
    old_parts, new_parts = old_content.get("parts") or {}, new_content.get("parts") or {}
    parts = []
    for relation in in_reading_order({*old_parts, *new_parts}):
        parts.extend(_part_changes(relation, old_parts.get(relation) or [], new_parts.get(relation) or []))
    return SnapshotDiff(fields=fields, parts=parts)

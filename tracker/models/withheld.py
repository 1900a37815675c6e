"""Records taken down, withheld from what other records' public revisions show.

A public revision keeps a related record as `{"id", "slug", "name"}` (tracker/models/snapshots.py): a
commitment's owner office, a tenure's person, a decision's deciding office. When that record is taken down
for legal reasons, its own pages answer 410 with the public notice, and so must every other record's
revision that names it: revision pages, compares, the one-line summaries, the API's revisions, the history
download and the webhooks show in its place

    {"withheld": "<the public notice>", "taken_down_on": "YYYY-MM-DD", "reason": "<its TakedownReason or "">"}

and never its name, slug or id. The stored revision is not changed (the chain stays verifiable, and a
restore brings the name back as it was); the copy read for the public is.

    PublicRevision.objects.for_record(record).as_public()   # revisions read with references withheld
    withhold(content)                                       # one snapshot's content
    withheld_state(references(content), TakenDown())        # what withholding it depends on now
"""

import copy
from functools import cache

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone

from tracker.models.vocabulary import TakedownReason

WITHHELD = "withheld"


class TakenDown:
    """The records taken down now: their notice and day, by (model label, id), read in one query per kind
    of record the contents refer to (taken-down records are few, and found by a partial index)."""

    def __init__(self):
        self._by_model = {}

    def notice(self, model, pk):
        label = model._meta.label_lower
        if label not in self._by_model:
            rows = model.objects.taken_down().values_list("pk", "takedown_notice", "taken_down_at", "takedown_reason")
            self._by_model[label] = {
                str(key): {WITHHELD: notice, "taken_down_on": timezone.localdate(at).isoformat(), "reason": reason}
                for key, notice, at, reason in rows
            }
        return self._by_model[label].get(str(pk))


@cache
def _related_model(label, name, relation=""):
    """The tracker record a snapshot's `name` refers to (in part `relation` when given), or None."""
    try:
        model = apps.get_model(label)
        if relation:
            model = model._meta.get_field(relation).related_model
        field = model._meta.get_field(name)
    except (LookupError, ValueError, FieldDoesNotExist):  # an old snapshot's field or kind no longer exists
        return None
    target = field.related_model if isinstance(field, models.ForeignKey) else None
    return target if target is not None and hasattr(target.objects, "taken_down") else None


def _notices(label, values, taken_down, relation=""):
    """{field name: the public notice to show instead} for the references in `values` to taken-down records."""
    found = {}
    for name, value in values.items():
        if not (isinstance(value, dict) and "id" in value and "name" in value):
            continue
        model = _related_model(label, name, relation)
        notice = model and taken_down.notice(model, value["id"])
        if notice:
            found[name] = dict(notice)
    return found


def references(content):
    """Every reference in `content` that a takedown would withhold: ((model, id), ...), in the order
    `withhold` reads them. With `withheld_state`, what a kept rendering of `content` depends on."""
    if not isinstance(content, dict) or not isinstance(content.get("type"), str):
        return ()
    label = content["type"]
    found = _references(label, content.get("fields") or {})
    for relation, items in (content.get("parts") or {}).items():
        for item in items or []:
            if isinstance(item, dict):
                found += _references(label, item, relation)
    return tuple(found)


def _references(label, values, relation=""):
    found = []
    for name, value in values.items():
        if isinstance(value, dict) and "id" in value and "name" in value:
            model = _related_model(label, name, relation)
            if model is not None:
                found.append((model, str(value["id"])))
    return found


def withheld_state(references, taken_down):
    """The notices that `withhold` would show now for `references` (from `references()`), as a hashable
    value: two reads of the same content with the same state show the same."""
    return tuple(
        (model._meta.label_lower, pk, tuple(sorted(notice.items())))
        for model, pk in references
        if (notice := taken_down.notice(model, pk))
    )


def withhold(content, taken_down=None):
    """`content` with every reference to a taken-down record withheld (the same dict when none is). The
    content is copied only when something in it is withheld: the history's pages and feeds read a hundred
    revisions at a time, and almost none name a taken-down record."""
    if not isinstance(content, dict) or not isinstance(content.get("type"), str):
        return content
    taken_down = taken_down or TakenDown()
    label = content["type"]
    fields = _notices(label, content.get("fields") or {}, taken_down)
    parts = {
        (relation, index): notices
        for relation, items in (content.get("parts") or {}).items()
        for index, item in enumerate(items or [])
        if isinstance(item, dict) and (notices := _notices(label, item, taken_down, relation))
    }
    if not fields and not parts:
        return content
    shown = copy.deepcopy(content)
    if fields:
        shown["fields"].update(fields)
    for (relation, index), notices in parts.items():
        shown["parts"][relation][index].update(notices)
    return shown


def is_withheld(value):
    return isinstance(value, dict) and WITHHELD in value


def reason_label(value):
    """The reader's words for a takedown's reason category ("" when none was given or it is unknown)."""
    return str(TakedownReason(value).label) if value in TakedownReason.values else ""


class PublicRevisionIterable(models.query.ModelIterable):
    """Revisions as the public reads them: each one's content with taken-down records withheld."""

    def __iter__(self):
        taken_down = TakenDown()
        for revision in super().__iter__():
            revision.content = withhold(revision.content, taken_down)
            yield revision

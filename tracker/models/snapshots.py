"""The public snapshot of a record: plain JSON of everything a revision page shows, with related
records resolved to their names so the snapshot stands alone, whatever the schema becomes later."""

import datetime
from decimal import Decimal

from django.db import models
from django.utils import translation

from tracker.models.public_revisions import SNAPSHOT_FORMAT


def record_type(record):
    return record._meta.label_lower


class Snapshots:
    """Builds public snapshots. One instance may serve many records (bulk publishing, imports): each
    choice label is looked up once per field rather than once per value, as Django's get_FOO_display
    would rebuild the choices every time."""

    def __init__(self):
        self._labels = {}

    def label(self, field, value):
        if field not in self._labels:
            self._labels[field] = {key: str(label) for key, label in field.flatchoices}
        return self._labels[field].get(value, value)

    def value(self, obj, field):
        value = getattr(obj, field.name)
        if value is None or (field.choices and value == ""):
            return None
        if isinstance(field, models.ForeignKey):
            return {"id": value.pk, "slug": getattr(value, "slug", None), "name": str(value)}
        if field.choices:
            return {"value": value, "label": self.label(field, value)}
        if isinstance(value, datetime.date | datetime.datetime):
            return value.isoformat()
        if isinstance(value, Decimal):
            return str(value)
        return value

    def fields(self, obj, names):
        meta = obj._meta
        return {name: self.value(obj, meta.get_field(name)) for name in names}

    def of(self, record):
        """Everything public about `record` as it is in memory (parts included)."""
        # Labels are stored in English so that the snapshot, and its hash, do not depend on the
        # language of whoever happened to publish.
        with translation.override("en"):
            return {
                "type": record_type(record),
                "format": SNAPSHOT_FORMAT,
                "id": record.pk,
                "slug": record.slug,
                "name": str(record),
                "fields": self.fields(record, record.public_fields),
                "parts": {
                    relation: [{"id": part.pk, **self.fields(part, names)} for part in getattr(record, relation).all()]
                    for relation, names in record.public_parts.items()
                },
            }


def build_snapshot(record):
    """Everything public about `record` as it is in memory (parts included)."""
    return Snapshots().of(record)

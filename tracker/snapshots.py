"""The public snapshot of a record: plain JSON of everything a revision page shows, with related
records resolved to their names so the snapshot stands alone, whatever the schema becomes later."""

import datetime
from decimal import Decimal

from django.db import models
from django.utils import translation

from .models.public_revisions import SNAPSHOT_FORMAT


def record_type(record):
    return record._meta.label_lower


def _value(obj, field):
    value = getattr(obj, field.name)
    if value is None or (field.choices and value == ""):
        return None
    if isinstance(field, models.ForeignKey):
        return {"id": value.pk, "slug": getattr(value, "slug", None), "name": str(value)}
    if field.choices:
        return {"value": value, "label": str(getattr(obj, f"get_{field.name}_display")())}
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _fields(obj, names):
    meta = obj._meta
    return {name: _value(obj, meta.get_field(name)) for name in names}


def build_snapshot(record):
    """Everything public about `record` as it is in memory (parts included)."""
    # Labels are stored in English so that the snapshot, and its hash, do not depend on the
    # language of whoever happened to publish.
    with translation.override("en"):
        content = {
            "type": record_type(record),
            "format": SNAPSHOT_FORMAT,
            "id": record.pk,
            "slug": record.slug,
            "name": str(record),
            "fields": _fields(record, record.public_fields),
            "parts": {},
        }
        for relation, names in record.public_parts.items():
            content["parts"][relation] = [
                {"id": part.pk, **_fields(part, names)} for part in getattr(record, relation).all()
            ]
    return content

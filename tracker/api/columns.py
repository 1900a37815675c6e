"""The columns of a CSV of API objects, read from their serializer: each nested object (a reference to
another record, a source) becomes columns of its own (`jurisdiction.slug`), each list one column holding it as
JSON. The same walk gives the data dictionary of the bulk downloads: every column with its type and the
field's help text.

    columns(CommitmentSerializer())   -> [Column("id", "integer", "Permanent id of the record."), ...]
    row(columns, data)                -> the values of one serialized object, in column order
"""

import json
from dataclasses import dataclass

from rest_framework import serializers

# Field classes and the type a column of theirs holds, most specific first.
TYPES = (
    (serializers.BooleanField, "boolean"),
    (serializers.IntegerField, "integer"),
    (serializers.DecimalField, "decimal"),
    (serializers.DateTimeField, "datetime"),
    (serializers.DateField, "date"),
    (serializers.ChoiceField, "code"),
    (serializers.URLField, "url"),
    (serializers.JSONField, "json"),
)


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    description: str


def _description(field):
    text = str(field.help_text or "").strip()
    label = str(field.label or "").strip()
    if text:
        return text
    return label or field.field_name.replace("_", " ").capitalize()


def _type_of(field):
    if isinstance(field, serializers.SerializerMethodField):
        hint = getattr(field.parent, f"get_{field.field_name}", None)
        returns = getattr(hint, "__annotations__", {}).get("return")
        return {"bool": "boolean", "str": "text"}.get(getattr(returns, "__name__", ""), "json")
    return next((name for cls, name in TYPES if isinstance(field, cls)), "text")


def columns(serializer, prefix=""):
    """Every column of `serializer`'s objects, nested objects flattened."""
    found = []
    for name, field in serializer.fields.items():
        if isinstance(field, serializers.ListSerializer | serializers.ListField):
            found.append(Column(prefix + name, "json", _description(field) + " (a JSON list)"))
        elif isinstance(field, serializers.Serializer):
            found += columns(field, prefix=f"{prefix}{name}.")
        else:
            found.append(Column(prefix + name, _type_of(field), _description(field)))
    return found


def value_at(data, path):
    for key in path.split("."):
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def cell(value):
    """A value as a CSV cell: lists and objects as JSON, booleans as true/false, null as empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    return value


def row(found, data):
    return [cell(value_at(data, column.name)) for column in found]

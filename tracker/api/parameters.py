"""The query parameters the API reads besides the commitment list's filters: `on` (the date owners and
holders are resolved on), `changed_since` (records published since) and `id`; and `check()`, which holds any
declared parameter (the commitment list's filters, an office's kind) to what the OpenAPI document says of it.
A parameter that is given must have a valid value (leave it out for the default): a value that is not one,
an empty one included, answers 400 naming the parameter and saying why, never a silent default and never a
500. Numbers and dates are ASCII digits only: `str.isdigit()` also takes ² and ١٢, which `int()` refuses."""

import datetime
import re

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError

WHOLE = re.compile(r"[0-9]{1,18}\Z")
DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
IDS_PATTERN = r"^[0-9]{1,18}(,[0-9]{1,18})*$"
SOME_IDS = re.compile(r"[0-9]{1,18}(,[0-9]{1,18})*\Z")
BOOLEANS = {"true": True, "1": True, "false": False, "0": False}

ON = OpenApiParameter(
    "on",
    OpenApiTypes.DATE,
    description="Resolve each owning office (or office) to the people who held it on this date (YYYY-MM-DD). "
    "Default: today.",
)
CHANGED_SINCE = OpenApiParameter(
    "changed_since",
    {"anyOf": [{"type": "string", "format": "date"}, {"type": "string", "format": "date-time"}]},
    description="Only records published (first or again) at or after this date (YYYY-MM-DD, from the start of the "
    "day in Pakistan's time) or moment (ISO 8601, e.g. 2026-11-27T10:00:00Z).",
)
IDS = OpenApiParameter(
    "id", OpenApiTypes.STR, pattern=IDS_PATTERN, description="Only the records with these permanent ids (1,2,3)."
)
FORMAT = OpenApiParameter("format", OpenApiTypes.STR, enum=["json", "csv"], description="json (default) or csv.")


def given(request, name):
    """Every value the query gives for `name` ([] when it is left out)."""
    return request.query_params.getlist(name)


def _day(name, value):
    problem = f"“{value[:40]}” is not a date. Use the form YYYY-MM-DD, for example 2021-06-30."
    if not value:
        problem = "Give a date (YYYY-MM-DD, for example 2021-06-30), or leave the parameter out."
    if not DAY.match(value):
        raise ValidationError({name: [problem]})
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ValidationError({name: [problem]}) from None


def on_date(request):
    values = given(request, "on")
    for value in values:
        _day("on", value)
    return _day("on", values[-1]) if values else timezone.localdate()


def changed_since(request):
    """The moment of `changed_since`, or None."""
    values = given(request, "changed_since")
    moments = [_moment(value) for value in values]
    return moments[-1] if moments else None


def _moment(value):
    problem = f"“{value[:40]}” is not a date or a moment. Use YYYY-MM-DD or an ISO 8601 moment such as "
    problem += "2026-11-27T10:00:00Z."
    value = value.strip()
    if not value or not value.isascii():
        raise ValidationError({"changed_since": [problem]})
    try:
        moment = parse_datetime(value) if "T" in value or " " in value else None
        if moment is None:
            moment = datetime.datetime.combine(_day("changed_since", value), datetime.time.min)
    except (ValueError, ValidationError):
        raise ValidationError({"changed_since": [problem]}) from None
    if moment.year < 2 or moment.year > 9998:
        raise ValidationError({"changed_since": [problem]})
    moment = timezone.make_aware(moment) if timezone.is_naive(moment) else moment
    # In UTC: the database refuses some offsets a moment may be written with (+16:14).
    return moment.astimezone(datetime.UTC)


def ids(request):
    values = given(request, "id")
    if not values:
        return None
    if not all(SOME_IDS.match(value) for value in values):
        raise ValidationError({"id": ["Give permanent ids as whole numbers separated by commas, e.g. 12,40."]})
    return [int(part) for part in values[-1].split(",")]


def _schema(parameter):
    """The JSON schema of a declared parameter, as the OpenAPI document writes it."""
    if isinstance(parameter.type, dict):
        return dict(parameter.type)
    found = {
        OpenApiTypes.BOOL: {"type": "boolean"},
        OpenApiTypes.DATE: {"type": "string", "format": "date"},
        OpenApiTypes.INT: {"type": "integer"},
    }.get(parameter.type, {"type": "string"})
    if parameter.enum:
        found["enum"] = list(parameter.enum)
    if parameter.pattern:
        found["pattern"] = parameter.pattern
    return found


def _problem(name, schema, value):
    """Why `value` does not fit the schema, or ""."""
    if "enum" in schema and value not in schema["enum"]:
        return f"Give one of: {', '.join(map(str, schema['enum']))}; or leave {name} out for any."
    if schema.get("type") == "boolean" and value not in BOOLEANS:
        return "Give true or false (or 1 or 0)."
    if schema.get("type") == "integer":
        low, high = schema.get("minimum", 0), schema.get("maximum")
        number = int(value) if WHOLE.match(value) else None
        if number is None or number < low or (high is not None and number > high):
            return f"Give a whole number from {low}" + (f" to {high}." if high is not None else " up.")
    if schema.get("format") == "date":
        try:
            _day(name, value)
        except ValidationError as error:
            return error.detail[name][0]
    if "pattern" in schema and not re.search(schema["pattern"], value):
        return "This value is not of the form the API document gives."
    return ""


def check(request, declared):
    """400 naming every declared query parameter the request gives a value for that does not fit its schema."""
    problems = {}
    for parameter in declared:
        schema = _schema(parameter)
        for value in given(request, parameter.name):
            problem = _problem(parameter.name, schema, value)
            if problem:
                problems[parameter.name] = [problem]
                break
    if problems:
        raise ValidationError(problems)

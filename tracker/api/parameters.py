"""The query parameters the API reads besides the commitment list's filters: `on` (the date owners and
holders are resolved on) and `changed_since` (records published since). Each is checked, and a value that is
not one answers 400 saying why, as the pages do."""

import datetime

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError

from tracker.public.views.common import parse_day

ON = OpenApiParameter(
    "on",
    OpenApiTypes.DATE,
    description="Resolve each owning office (or office) to the people who held it on this date (YYYY-MM-DD). "
    "Default: today.",
)
CHANGED_SINCE = OpenApiParameter(
    "changed_since",
    OpenApiTypes.DATETIME,
    description="Only records published (first or again) at or after this date (YYYY-MM-DD, from the start of the "
    "day in Pakistan's time) or moment (ISO 8601, e.g. 2026-11-27T10:00:00Z).",
)
IDS = OpenApiParameter("id", OpenApiTypes.STR, description="Only the records with these permanent ids (1,2,3).")
FORMAT = OpenApiParameter("format", OpenApiTypes.STR, enum=["json", "csv"], description="json (default) or csv.")


def on_date(request):
    day, problem = parse_day(request.query_params.get("on"))
    if problem:
        raise ValidationError({"on": [problem]})
    return day or timezone.localdate()


def changed_since(request):
    """The moment of `changed_since`, or None."""
    value = (request.query_params.get("changed_since") or "").strip()
    if not value:
        return None
    problem = f"“{value[:40]}” is not a date or a moment. Use YYYY-MM-DD or an ISO 8601 moment such as "
    problem += "2026-11-27T10:00:00Z."
    try:
        moment = parse_datetime(value) if "T" in value or " " in value else None
        if moment is None:
            day = datetime.date.fromisoformat(value)
            moment = datetime.datetime.combine(day, datetime.time.min)
    except ValueError:
        raise ValidationError({"changed_since": [problem]}) from None
    if moment.year < 2 or moment.year > 9998:
        raise ValidationError({"changed_since": [problem]})
    moment = timezone.make_aware(moment) if timezone.is_naive(moment) else moment
    # In UTC: the database refuses some offsets a moment may be written with (+16:14).
    return moment.astimezone(datetime.UTC)


def ids(request):
    value = request.query_params.get("id")
    if not value:
        return None
    found = [part.strip() for part in value.split(",") if part.strip()]
    if not found or not all(part.isdigit() and len(part) < 19 for part in found):
        raise ValidationError({"id": ["Give permanent ids as whole numbers separated by commas, e.g. 12,40."]})
    return [int(part) for part in found]

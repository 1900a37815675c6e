"""Each record's representation in an API list, kept in the shared cache until the public state changes.

A list page of 50 commitments builds each one's owners, their holders on the day asked about and a
dozen links: about 120 ms of Python per page at any size, for answers that only change when something is
published. Each record's representation is kept under the public state's version (which every change of
it moves on, tracker/public/report_cache.py), the day, the date asked about, the host and the record's own
publication, and read back for all of a page's records in one round trip."""

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from tracker.public import report_cache


def _key(view, record, on):
    request = view.request
    return ":".join(
        (
            "api:record",
            report_cache.state_version(),
            timezone.localdate().isoformat(),
            on.isoformat() if on else "",
            f"{request.scheme}://{request.get_host()}",
            view.get_serializer_class().__name__,
            str(record.pk),
            record.last_published_at.isoformat() if record.last_published_at else "",
        )
    )


def representations(view, records):
    """The serialized `records` of a list page, in their order: kept ones read, the others serialized
    together (one fetch of their offices' tenures) and kept for `API_KEEP_SECONDS` (0: never kept)."""
    seconds = getattr(settings, "API_KEEP_SECONDS", 0)
    if not seconds:
        return view.get_serializer(records, many=True).data
    on = view.get_serializer_context()["on"]
    keys = [_key(view, record, on) for record in records]
    found = cache.get_many(keys)
    missing = [record for record, key in zip(records, keys, strict=True) if key not in found]
    if missing:
        made = view.get_serializer(missing, many=True).data
        fresh = {key: data for record, data in zip(missing, made, strict=True) for key in [_key(view, record, on)]}
        cache.set_many(fresh, seconds)
        found.update(fresh)
    return [found[key] for key in keys]

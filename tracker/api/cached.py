"""Each record's representation in an API list, cached until the public state changes.

A list page of 50 commitments builds each one's owners, their holders on the day asked about and a
dozen links: about 120 ms of Python per page at any size, for answers that only change when something is
published. Each record's representation is cached under the public state's version (which every change of
it moves on, tracker/public/public_state.py), the day, the date asked about and the host, and read back
for all of a page's records in one round trip."""

from django.conf import settings
from django.utils import timezone

from tracker.public import public_state, shared_cache


def _prefix(view):
    """What every cached representation of this request's list shares in its key."""
    request, on = view.request, view.get_serializer_context()["on"]
    return ":".join(
        (
            "api:record",
            public_state.version(),
            timezone.localdate().isoformat(),
            on.isoformat() if on else "",
            f"{request.scheme}://{request.get_host()}",
            view.get_serializer_class().__name__,
        )
    )


def representations(view, records):
    """The serialized `records` of a list page, in their order: cached ones read, the others serialized
    together (one fetch of their offices' tenures) and cached for `API_CACHE_SECONDS` (0: never cached)."""
    seconds = settings.API_CACHE_SECONDS
    if not seconds:
        return [data for _record, data in _serialized(view, records)]
    prefix = _prefix(view)

    def make(missing):
        keys = {record.pk: key for key, record in missing}
        return {keys[record.pk]: data for record, data in _serialized(view, [record for _key, record in missing])}

    return shared_cache.cached_each([(f"{prefix}:{record.pk}", record) for record in records], make, seconds)


def _serialized(view, records):
    """(record, representation) of `records` that are still published, read again with the related rows
    the serializer needs (the view's `with_related`), in their order."""
    if not records:
        return []
    related = view.with_related(view.model.objects.published().filter(pk__in=[record.pk for record in records]))
    by_pk = {record.pk: record for record in related}
    ready = [by_pk[record.pk] for record in records if record.pk in by_pk]
    return list(zip(ready, view.get_serializer(ready, many=True).data, strict=True))

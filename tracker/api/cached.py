"""Each record's representation in an API list, cached until what it shows changes.

A list page of 50 commitments builds each one's owners, their holders on the day asked about and a
dozen links: about 120 ms of Python per page at any size, for answers that only change when something is
published. Each record's representation is cached under the day, the date asked about and the host, and
read back for all of a page's records in one round trip; and under what it depends on:

- a commitment's, under its own published revision and the version of everything around it (its place,
  its owners' offices and their holders, its sources' archived copies: `public_state.around_commitments`,
  which every change but a commitment's own publish moves on), so that a publish makes one of a page's
  fifty again, not all of them;
- any other record's (a decision names its commitments, an office or a person reads tenures), under the
  public state's version, which every change moves on (tracker/public/public_state.py)."""

from django.conf import settings
from django.utils import timezone

from tracker.public import public_state, shared_cache


def _prefix(view):
    """What every cached representation of this request's list shares in its key."""
    request, on = view.request, view.get_serializer_context()["on"]
    return ":".join(
        (
            "api:record",
            public_state.around_commitments() if _by_revision(view) else public_state.version(),
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

    if _by_revision(view):
        keyed = [(f"{prefix}:{record.pk}:{record.live_revision_id}", record) for record in records]
    else:
        keyed = [(f"{prefix}:{record.pk}", record) for record in records]
    return shared_cache.cached_each(keyed, make, seconds)


def _by_revision(view):
    """Whether the list's records are kept by their own published revision (see the module)."""
    from tracker.models import Commitment

    return view.model is Commitment


def _serialized(view, records):
    """(record, representation) of `records` that are still published, read again with the related rows
    the serializer needs (the view's `with_related`), in their order."""
    if not records:
        return []
    related = view.with_related(view.model.objects.published().filter(pk__in=[record.pk for record in records]))
    by_pk = {record.pk: record for record in related}
    ready = [by_pk[record.pk] for record in records if record.pk in by_pk]
    return list(zip(ready, view.get_serializer(ready, many=True).data, strict=True))

"""The stable identifiers and links every API object carries: its permanent id (the database id, which never
changes, unlike the slug an editor may rename), its slug, and the addresses of its API object, its public page
and its public history.

Links are absolute: from the request when there is one, else from `SITE_URL` (the bulk downloads are built
without a request)."""

from django.conf import settings
from django.urls import reverse

from tracker.models.kinds import RECORD_KINDS, kind_of

# The first part of each kind's API address (/api/v1/<segment>/<slug>/).
API_SEGMENTS = {kind.model: kind.api_segment for kind in RECORD_KINDS}
MODELS_BY_SEGMENT = {segment: model for model, segment in API_SEGMENTS.items()}


def absolute(request, path):
    if path is None:
        return None
    return request.build_absolute_uri(path) if request is not None else settings.SITE_URL + path


def api_url(request, record):
    segment = API_SEGMENTS[type(record)]
    return absolute(request, reverse(f"api:{segment}-detail", args=[record.slug]))


def html_url(request, record):
    """The record's public page; None for organisations, which have none."""
    return absolute(request, record.get_absolute_url())


def history_url(request, record):
    """The record's public history page; None for organisations, which have none."""
    kind = kind_of(record)
    if kind is None or kind.segment is None:
        return None
    return absolute(request, reverse(f"tracker:{kind.url_name}_history", args=[record.slug]))


def revisions_url(request, record):
    segment = API_SEGMENTS[type(record)]
    return absolute(request, reverse(f"api:{segment}-revisions", args=[record.slug]))

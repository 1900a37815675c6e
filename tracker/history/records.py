"""Finding the record a public history address names."""

from functools import wraps

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse

from tracker.history.gone import gone_response
from tracker.models import PublicRevision
from tracker.models.kinds import KINDS_WITH_PAGES

# The largest number a database integer column holds (a larger one overflows SQLite's driver).
MAX_REVISION_NUMBER = 2**63 - 1


def public_record(request, kind, slug):
    """(record, None) when the public may see the record at this address; (None, response) when the
    address must answer otherwise: 410 for a taken-down record, a permanent redirect for an address
    the record had before its slug changed (so cited links keep working). Http404 for anything else."""
    model = KINDS_WITH_PAGES[kind].model
    if "\x00" in slug:  # no slug holds a NUL byte, and PostgreSQL refuses to compare text with one
        raise Http404(f"No {model._meta.verbose_name} at this address.")
    record = model.objects.filter(live=True, slug=slug).first()
    if record is not None:
        gone = gone_response(request, record)
        return (None, gone) if gone else (record, None)
    renamed = _record_once_called(model, slug)
    if renamed is None:
        raise Http404(f"No {model._meta.verbose_name} at this address.")
    gone = gone_response(request, renamed)
    if gone:
        return None, gone
    match = request.resolver_match
    kwargs = {key: value for key, value in match.kwargs.items() if key != "kind"} | {"slug": renamed.slug}
    query = request.META.get("QUERY_STRING", "")
    return None, redirect(reverse(match.view_name, kwargs=kwargs) + (f"?{query}" if query else ""), permanent=True)


def _record_once_called(model, slug):
    """The live record that was published under `slug` before, if any (slugs can be edited)."""
    published_as = (
        PublicRevision.objects.filter(content_type=ContentType.objects.get_for_model(model), content__slug=slug)
        .order_by("-published_at")
        .values_list("object_id", flat=True)
        .first()
    )
    if published_as is None:
        return None
    return model.objects.filter(live=True, pk=published_as).exclude(slug=slug).first()


def record_view(view):
    """A view of one record's public history: called as view(request, kind, record, **rest), or
    answered for it (404, 410 Gone, or a redirect from an older address)."""

    @wraps(view)
    def wrapper(request, kind, slug, **kwargs):
        # Revision numbers in the address (number, a, b) run from 1; the int converter takes any digits.
        if any(not 0 < value <= MAX_REVISION_NUMBER for value in kwargs.values() if isinstance(value, int)):
            raise Http404("No such revision.")
        record, answer = public_record(request, kind, slug)
        return answer or view(request, kind, record, **kwargs)

    return wrapper

"""The 410 Gone answer of a record taken down for legal reasons (tracker/publishing/takedown.py).

A taken-down record disappears from every list, search result and feed (`RecordQuerySet.published()`
leaves it out), and each of its own public addresses answers 410 Gone with the public notice, the
category of its reason and the date, never the record's content or title.
"""

from functools import wraps

from django.http import Http404
from django.shortcuts import render

from tracker.models.kinds import kind_of
from tracker.models.withheld import reason_label


def gone_response(request, record):
    """The 410 Gone page for a taken-down record, or None when the record is not taken down.

    Every public view of a record calls it first, so that all the record's addresses answer alike:

        record = get_object_or_404(Commitment.objects.filter(live=True), slug=slug)
        if gone := gone_response(request, record):
            return gone

    (`Commitment.objects.published()` already leaves taken-down records out, which gives 404
    rather than 410.)
    """
    if record.taken_down_at is None:
        return None
    context = {
        "what": kind_of(record).label,
        "taken_down_at": record.taken_down_at,
        "notice": record.takedown_notice,
        "reason": reason_label(record.takedown_reason),
    }
    return render(request, "history/gone.html", context, status=410)


def answers_gone(model):
    """Wrap a record's own page view so that a taken-down record answers 410 with its notice rather than
    404. The lookup runs only when the view found nothing, so published pages cost no extra query."""

    def wrap(view):
        @wraps(view)
        def wrapper(request, slug, *args, **kwargs):
            try:
                return view(request, slug, *args, **kwargs)
            except Http404:
                if "\x00" in slug:  # not a slug (and PostgreSQL refuses text holding a NUL byte)
                    raise
                record = model.objects.taken_down().filter(slug=slug).first()
                if record is None:
                    raise
                return gone_response(request, record)

        return wrapper

    return wrap

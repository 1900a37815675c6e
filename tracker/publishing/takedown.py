"""Taking a record down for legal reasons, and bringing it back.

A taken-down record disappears from every list, search result and feed (`RecordQuerySet.published()`
leaves it out) and its own public addresses answer 410 Gone with the public notice. Its public
revisions are not touched: the hash chain stays verifiable and the daily digest unchanged, and when
the record is restored its history is back exactly as it was.
"""

from functools import wraps

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from search import indexing as search_indexing
from tracker.history.kinds import kind_of, type_label
from tracker.models.audit import audit


def take_down(record, *, notice, user=None):
    """Take `record` off the public site, with `notice` shown in its place."""
    notice = (notice or "").strip()
    if not notice:
        raise ValidationError({"takedown_notice": "Say publicly why the record was taken down, and on whose order."})
    _set(record, user, f"Taken down: {notice}", taken_down_at=timezone.now(), takedown_notice=notice)


def restore(record, *, reason, user=None):
    """Put a taken-down record back on the public site, with its history as it was."""
    _set(record, user, f"Restored: {reason}", taken_down_at=None, takedown_notice="")


def _set(record, user, reason, **values):
    with audit(user, reason), transaction.atomic():
        for name, value in values.items():
            setattr(record, name, value)
        record.save(update_fields=list(values))
        # The search index follows: a drain reads the published state, which now leaves it out (or in).
        search_indexing.enqueue(record)


def gone_response(request, record):
    """The 410 Gone page for a taken-down record, or None when the record is not taken down.

    Every public view of a record calls it first, so that all the record's addresses answer alike:

        record = get_object_or_404(Commitment.objects.filter(live=True), slug=slug)
        if gone := gone_response(request, record):
            return gone

    (`Commitment.objects.published()` already leaves taken-down records out, which gives 404
    rather than 410.) The page shows the notice and the date, never the record's content or title.
    """
    if record.taken_down_at is None:
        return None
    kind = kind_of(record)
    context = {
        "what": type_label(kind) if kind else str(record._meta.verbose_name).capitalize(),
        "taken_down_at": record.taken_down_at,
        "notice": record.takedown_notice,
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
                record = model.objects.taken_down().filter(slug=slug).first()
                if record is None:
                    raise
                return gone_response(request, record)

        return wrapper

    return wrap

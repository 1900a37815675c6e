"""Deleting a record that was never published: an abandoned draft.

A record that has been published once has public revisions that readers cite (a history page must show
in ten years what the tracker said); deleting its row would leave those citations pointing at nothing, so
it is refused: unpublish it, or take it down for legal reasons, instead. What is deleted is named, with
the reason, in the record's row history and in the admin's audit log.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from tracker.models import PublicRevision
from tracker.models.audit import audit

DELETED = "tracker.delete"


def deletion_problem(record):
    """Why `record` may not be deleted, in plain words, or "" when it may."""
    if PublicRevision.objects.for_record(record).exists():
        return _(
            "“%(record)s” has been published: readers cite its public history, which must stay. Unpublish it "
            "instead, or take it down if a legal order requires it."
        ) % {"record": record}
    return ""


def delete(record, *, user=None, reason=""):
    """Delete `record`, a draft never published, saying why."""
    problem = deletion_problem(record)
    if problem:
        raise ValidationError(problem)
    reason = (reason or "").strip() or _("Draft deleted")
    with audit(user, reason), transaction.atomic():
        log(instance=record, action=DELETED, user=user, data={"reason": reason})
        record.delete()

"""Writing a plan: each created or changed commitment becomes one public revision carrying the
import's edit summary, with the user and the summary in its history rows.

Changed commitments are published one by one through `publish()` (tracker/publishing/publish.py). New
commitments are published in batches through `publish_new_records()` (tracker/publishing/bulk.py), which
writes the same revisions and history rows without a few hundred queries per record. Everything happens
in one transaction: if any record fails, nothing is imported.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils.translation import ngettext

from tracker.models import Commitment
from tracker.publishing.bulk import publish_new_records
from tracker.publishing.permissions import editing_organisation_id
from tracker.publishing.publish import lock_records, publish

PERMISSION = "tracker.publish_commitment"  # importing publishes


class ImportRefused(Exception):
    """Nothing was imported; the message says why and what to do."""


@dataclass
class Applied:
    created: int
    changed: int
    rows: int

    @property
    def commitments_created(self):
        """ "1 commitment created", "38 commitments created"."""
        return ngettext("%(n)d commitment created", "%(n)d commitments created", self.created) % {"n": self.created}

    @property
    def rows_read(self):
        return ngettext("%(n)d row", "%(n)d rows", self.rows) % {"n": self.rows}


def apply_plan(plan, *, user, summary, apply_valid_rows=False, on_progress=None, batch_size=1000):
    """Publish what `plan` would create or change. Returns what was written."""
    if user is None or not user.has_perm(PERMISSION):
        raise PermissionDenied("Importing publishes commitments: it needs the permission to publish them.")
    summary = (summary or "").strip()
    if not summary:
        raise ImportRefused("An import needs an edit summary: say where the data comes from and why it changes.")
    rejected = len(plan.rejected)
    if rejected and not apply_valid_rows:
        raise ImportRefused(
            f"{rejected} row{'s' if rejected != 1 else ''} of the file {'were' if rejected != 1 else 'was'} "
            "rejected, so nothing was imported. Correct them and import the file again, or choose to apply "
            "the valid rows only."
        )
    step = on_progress or (lambda n: None)
    new = [write for write in plan.writes if write.new]
    changed = [write for write in plan.writes if not write.new]
    try:
        with transaction.atomic():
            # The changed commitments' rows first, in one order: the new ones' batches take the site-wide
            # log's lock, which an editor publishing one of them may be waiting for while holding its row.
            lock_records(Commitment, [write.record.pk for write in changed])
            _publish_new(new, user, summary, batch_size, step)
            for write in changed:
                _publish(write, user, summary)
                step(1)
    except IntegrityError:
        raise ImportRefused(
            "Another commitment with the same external id or address was saved while importing, so nothing "
            "was imported. Run the import again: it will find that commitment."
        ) from None
    return Applied(created=len(new), changed=len(changed), rows=sum(len(write.rows) for write in plan.writes))


def _publish_new(writes, user, summary, batch_size, step):
    # New commitments belong to the importer's editing organisation, so its editors can keep them.
    organisation_id = editing_organisation_id(user)
    for write in writes:
        write.record.maintained_by_id = write.record.maintained_by_id or organisation_id
    if not connection.features.can_return_rows_from_bulk_insert:
        for write in writes:  # a database that cannot bulk publish: one by one, the same result
            _publish(write, user, summary)
            step(1)
        return
    for start in range(0, len(writes), batch_size):
        batch = writes[start : start + batch_size]
        publish_new_records(Commitment, [write.record for write in batch], user=user, summary=summary)
        step(len(batch))


def _publish(write, user, summary):
    try:
        publish(write.record, user=user, summary=summary)
    except ValidationError as error:
        rows = ", ".join(str(number) for number in write.rows)
        raise ImportRefused(
            f"Row {rows} ({write.record.external_id}) could not be published, so nothing was imported: "
            + " ".join(error.messages)
        ) from None

"""What both planners share: the commitments a file names, loaded at once, and the rules for
publishing over one of them.

A row changes something only if the public snapshot of its commitment differs before and after, and
it may change a commitment only if the admin has not taken it down, locked it, drafted over it or
unpublished it. Both kinds of file decide that the same way, so it is decided here.
"""

from django.db.models import Prefetch

from tracker.models import Commitment, CommitmentOwner, Movement
from tracker.models.snapshots import Snapshots
from tracker.spreadsheets import cells
from tracker.spreadsheets.columns import COMMITMENT_FIELD_COLUMNS
from tracker.spreadsheets.outcomes import Plan


def load_commitments(external_ids):
    """Commitments by external id, with everything their snapshot shows. A commitment entered in
    the admin has no external id; the export gives its slug instead, and it is found by that."""
    owners = Prefetch("owners", queryset=CommitmentOwner.objects.select_related("office"))
    movements = Prefetch("movements", queryset=Movement.objects.select_related("office"))
    records = Commitment.objects.select_related("jurisdiction", "made_by_office", "locked_by").prefetch_related(
        owners, movements, "status_changes", "sources"
    )
    found = {}
    wanted = sorted({external_id for external_id in external_ids if external_id})
    for start in range(0, len(wanted), 1000):
        chunk = wanted[start : start + 1000]
        found.update((record.external_id, record) for record in records.filter(external_id__in=chunk))
        by_slug = [external_id for external_id in chunk if external_id not in found]
        found.update((record.slug, record) for record in records.filter(external_id="", slug__in=by_slug))
    return found


def blocked(record):
    """Why an import must not publish over this commitment as it stands in the admin, if it must not."""
    if record.taken_down_at:
        return "This commitment was taken down and cannot be changed by an import."
    if record.locked:
        return f"This commitment is locked in the admin by {record.locked_by or 'an editor'}: ask them to unlock it."
    if record.has_unpublished_changes:
        return "This commitment has unpublished changes in the admin: publish or discard that draft first."
    if not record.live:
        return "This commitment was unpublished in the admin: publish it there before importing changes to it."
    return None


def changed_parts(before, after):
    """What differs between two snapshots of a commitment, named as the file's columns (or parts)."""
    names = [
        COMMITMENT_FIELD_COLUMNS.get(name, name)
        for name in after["fields"]
        if before["fields"].get(name) != after["fields"][name]
    ]
    names += [part.replace("_", " ") for part in after["parts"] if before["parts"].get(part) != after["parts"][part]]
    return names


class Planner:
    """Plans one table: `row(row)` gives each row's result, `finish()` may add writes at the end."""

    def __init__(self, table):
        self.table = table
        self.snapshots = Snapshots()
        self.plan_ = Plan(filename=table.filename, kind=table.kind)
        self.existing = load_commitments(cells.text(row.cells.get("external_id")) for row in table.rows)

    def plan(self, progress):
        for row in progress(self.table.rows):
            self.plan_.rows.append(self.row(row))
        self.finish()
        return self.plan_

    def finish(self):
        pass

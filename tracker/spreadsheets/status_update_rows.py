"""Planning the status updates file: each row is one status change of a commitment, with its evidence.

Unlike the commitments file, several rows may change one commitment, so a row is tried on the
commitment as the earlier rows left it, put back as it was when the row is rejected, and the
commitment is written once, at the end, if all its rows together changed it.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone

from tracker.models import StatusChange
from tracker.models.rules import latest_status_change
from tracker.models.snapshots import Snapshots
from tracker.models.vocabulary import CommitmentStatus
from tracker.spreadsheets import cells
from tracker.spreadsheets.columns import STATUS_CHANGE_FIELD_COLUMNS
from tracker.spreadsheets.filling import MISSING, SOURCE_CELLS, Reader, errors_by_column, publication_refusals
from tracker.spreadsheets.outcomes import CHANGED, CREATED, REJECTED, ROW, Problem, RowResult, Write
from tracker.spreadsheets.planning import Planner, blocked, changed_parts

# Where a problem with the commitment's own fields is reported in a status updates file.
COMMITMENT_COLUMNS = {"progress": "progress", "status": "to_status"}


class StatusUpdatePlanner(Planner):
    """Rows of the status updates file: each row is one status change of a commitment, with its
    evidence. A status change is the same one if it has the same effective date and new status;
    several rows for one commitment make one new public revision of it."""

    def __init__(self, table):
        super().__init__(table)
        self.before = {}  # commitment pk -> snapshot before this file
        self.rows_of = {}  # commitment pk -> row numbers that change it
        self.today = timezone.localdate()

    def row(self, row):
        external_id = cells.text(row.cells.get("external_id"))
        result = RowResult(row.number, external_id)
        record = self.existing.get(external_id)
        if not external_id:
            return self.reject(result, [Problem("external_id", "The external id is empty: name the commitment.")])
        if record is None:
            return self.reject(
                result,
                [Problem("external_id", f"No commitment has the external id “{external_id}”. Import it first.")],
            )
        result.title = record.title
        self.before.setdefault(record.pk, self.snapshots.of(record))
        reader = Reader(row.cells, places=None)
        to_status = reader.get("to_status", lambda v: cells.choice(v, CommitmentStatus, "status"))
        effective = reader.get("effective_date", cells.date)
        recorded = reader.get("recorded_on", cells.date)
        progress = reader.get("progress", cells.whole_number)
        values = {
            name: reader.get(column, SOURCE_CELLS.get(name, cells.text))
            for name, column in STATUS_CHANGE_FIELD_COLUMNS.items()
            if name not in ("to_status", "from_status", "effective_date", "recorded_on")
        }
        values = {name: value for name, value in values.items() if value is not MISSING}
        if not to_status and to_status is not MISSING:
            reader.problems.append(Problem("to_status", "The to_status cell is empty: give the new status."))
        if effective is None:
            reader.problems.append(Problem("effective_date", "The effective_date cell is empty: say when it happened."))
        if reader.problems:
            return self.reject(result, reader.problems)

        saved = State(record)
        changes = list(record.status_changes.all())
        change = next((c for c in changes if c.effective_date == effective and c.to_status == to_status), None)
        if change is None:
            change = StatusChange(
                from_status=from_status_for(record, changes, effective),
                to_status=to_status,
                effective_date=effective,
                recorded_on=recorded if recorded not in (MISSING, None) else self.today,
            )
            changes.append(change)
            result.outcome = CREATED
        elif recorded not in (MISSING, None):
            change.recorded_on = recorded
        for name, value in values.items():
            setattr(change, name, value)
        record.status_changes = sorted(changes, key=lambda c: c.effective_date)
        record.status = latest_status_change(changes).to_status
        if progress not in (MISSING, None):
            record.progress = progress
        problems = self.validate(record, change)
        if problems:
            saved.restore()
            return self.reject(result, problems)
        if result.outcome != CREATED:
            after = self.snapshots.of(record)
            if after == saved.snapshot:
                return result
            result.outcome = CHANGED
            result.changes = changed_parts(saved.snapshot, after)
        reason = blocked(record)
        if reason:
            saved.restore()
            return self.reject(result, [Problem(ROW, reason)])
        self.rows_of.setdefault(record.pk, []).append(row.number)
        return result

    def validate(self, record, change):
        """The row's own status change first, its problems named as the file's columns; then the
        commitment with it, as a publish checks it in the admin."""
        problems = []
        try:
            change.full_clean(exclude=["commitment", "sort_order"])
        except ValidationError as error:
            problems += errors_by_column(error, STATUS_CHANGE_FIELD_COLUMNS)
        return problems + publication_refusals(record, COMMITMENT_COLUMNS, cells_refused=bool(problems))

    def reject(self, result, problems):
        result.outcome, result.problems = REJECTED, problems
        return result

    def finish(self):
        records = {record.pk: record for record in self.existing.values()}
        for pk, numbers in self.rows_of.items():
            record = records[pk]
            if self.snapshots.of(record) != self.before[pk]:
                self.plan_.writes.append(Write(record, numbers, new=False))


def from_status_for(record, changes, effective):
    """The status a commitment had just before `effective`, as its status changes tell it."""
    earlier = [c for c in changes if c.effective_date <= effective]
    if earlier:
        return latest_status_change(earlier).to_status
    if changes:
        return min(changes, key=lambda c: c.effective_date).from_status
    return record.status


class State:
    """A commitment's status changes, status and progress, to put back when a row is rejected."""

    def __init__(self, record):
        self.record = record
        self.changes = list(record.status_changes.all())
        self.values = [dict(change.__dict__) for change in self.changes]
        self.status, self.progress = record.status, record.progress
        self.snapshot = Snapshots().of(record)

    def restore(self):
        for change, values in zip(self.changes, self.values, strict=True):
            change.__dict__.update(values)
        self.record.status_changes = self.changes
        self.record.status, self.record.progress = self.status, self.progress

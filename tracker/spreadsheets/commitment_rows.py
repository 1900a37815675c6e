"""Planning the commitments file, row by row.

What is particular to this file lives here: external ids must be unique within it, a new commitment
gets a slug no other has, and every row makes its own write.
"""

from django.utils.text import slugify

from tracker.models import Commitment
from tracker.spreadsheets import cells
from tracker.spreadsheets.filling import Reader
from tracker.spreadsheets.outcomes import CHANGED, CREATED, REJECTED, ROW, Problem, RowResult, Write
from tracker.spreadsheets.planning import Planner, blocked, changed_parts


class CommitmentPlanner(Planner):
    """Rows of the commitments file: each row is one commitment, created or brought up to date."""

    def __init__(self, table):
        super().__init__(table)
        self.places = cells.Places()
        self.seen = {}  # external id -> first row number
        self.slugs = set(Commitment.objects.values_list("slug", flat=True))

    def row(self, row):
        external_id = cells.text(row.cells.get("external_id"))
        result = RowResult(row.number, external_id, title=cells.text(row.cells.get("title")))
        if not external_id:
            return self.reject(
                result, "external_id", "The external id is empty: every row needs one, unique in the file."
            )
        if len(external_id) > 100:
            return self.reject(result, "external_id", "The external id is longer than 100 characters.")
        if external_id in self.seen:
            return self.reject(
                result, "external_id", f"The external id “{external_id}” is also used in row {self.seen[external_id]}."
            )
        self.seen[external_id] = row.number
        existing = self.existing.get(external_id)
        before = self.snapshots.of(existing) if existing is not None else None
        record = (
            existing
            if existing is not None
            else Commitment(external_id=external_id, owners=[], sources=[], status_changes=[], movements=[])
        )
        result.problems = Reader(row.cells, self.places).fill(record)
        result.title = result.title or str(record.title)
        if result.problems:
            return self.reject(result)
        after = self.snapshots.of(record)
        if before is not None and before == after:
            return result  # unchanged
        if existing is not None:
            reason = blocked(existing)
            if reason:
                return self.reject(result, ROW, reason)
            result.outcome, result.changes = CHANGED, changed_parts(before, after)
        else:
            result.outcome = CREATED
            record.slug = self.new_slug(record)
        self.plan_.writes.append(Write(record, [row.number], new=existing is None))
        return result

    def reject(self, result, column=None, message=None):
        if message:
            result.problems.append(Problem(column, message))
        result.outcome = REJECTED
        return result

    def new_slug(self, record):
        base = slugify(record.title, allow_unicode=True)[:100] or "commitment"
        slug, n = base, 2
        while slug in self.slugs:
            slug, n = f"{base}-{n}", n + 1
        self.slugs.add(slug)
        return slug

"""The bookkeeping of a dry run: what it found for each row, and what it would write.

A `Plan` is all that leaves the planning: the command's report, the admin's preview and
`tracker.publishing.imports.apply_plan` read it, and none of them needs to know how the rows were
read. Keeping it apart from the planners lets the planners and their readers share it without
importing one another.
"""

from dataclasses import dataclass, field

from tracker.models import Commitment

CREATED, CHANGED, UNCHANGED, REJECTED = "created", "changed", "unchanged", "rejected"
OUTCOMES = (CREATED, CHANGED, UNCHANGED, REJECTED)
ROW = ""  # a problem with the row as a whole (the publication rules about the whole commitment)


@dataclass
class Problem:
    column: str
    message: str


@dataclass
class RowResult:
    number: int
    external_id: str
    outcome: str = UNCHANGED
    title: str = ""
    changes: list = field(default_factory=list)
    problems: list = field(default_factory=list)


@dataclass
class Write:
    """A commitment to publish, and the rows of the file it comes from."""

    record: Commitment
    rows: list
    new: bool


@dataclass
class Plan:
    filename: str
    kind: str
    rows: list = field(default_factory=list)
    writes: list = field(default_factory=list)

    def count(self, outcome):
        return sum(1 for row in self.rows if row.outcome == outcome)

    @property
    def counts(self):
        return {outcome: self.count(outcome) for outcome in OUTCOMES}

    @property
    def rejected(self):
        return [row for row in self.rows if row.outcome == REJECTED]

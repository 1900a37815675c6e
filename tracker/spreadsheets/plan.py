"""The dry run: what an import would do, row by row, without writing anything.

Each row is built into the commitment it describes (in memory, parts included) and checked by the
check every publish runs, in the admin too (`check_publishable`: the fields, the publication rules, the
parts), so a row is rejected when the admin would refuse to publish that commitment, in its words
(`filling.publication_refusals`).
Whether a row changes anything is decided by comparing the public snapshot of the commitment before
and after: a row that would publish the same public content is "unchanged" and makes no revision.

This module is the way in: `make_plan` picks the planner for the kind of file. The work is done in
`filling` (a row's cells into a commitment), `planning` (what both planners share),
`commitment_rows` and `status_update_rows` (one planner for each kind of file), and `outcomes` (the
plan and its rows, which the report, the admin and `apply_plan` read; re-exported here).
"""

from tracker.spreadsheets.columns import COMMITMENTS
from tracker.spreadsheets.commitment_rows import CommitmentPlanner
from tracker.spreadsheets.outcomes import (
    CHANGED,
    CREATED,
    OUTCOMES,
    REJECTED,
    UNCHANGED,
    Plan,
    Problem,
    RowResult,
    Write,
)
from tracker.spreadsheets.status_update_rows import StatusUpdatePlanner

__all__ = [
    "CHANGED",
    "CREATED",
    "OUTCOMES",
    "REJECTED",
    "UNCHANGED",
    "Plan",
    "Problem",
    "RowResult",
    "Write",
    "make_plan",
]


def make_plan(table, progress=iter):
    """The plan for a `reading.Table`. `progress` wraps the rows (the command's progress bar)."""
    if table.kind == COMMITMENTS:
        return CommitmentPlanner(table).plan(progress)
    return StatusUpdatePlanner(table).plan(progress)

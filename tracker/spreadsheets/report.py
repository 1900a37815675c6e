"""The dry-run report as plain text (the command prints it; the admin shows the same facts as a table)."""

from tracker.spreadsheets.columns import KIND_LABELS
from tracker.spreadsheets.outcomes import CHANGED, CREATED, REJECTED, UNCHANGED


def summary_line(plan):
    counts = plan.counts
    return (
        f"{plan.filename} ({KIND_LABELS[plan.kind]}): {len(plan.rows)} rows: "
        f"{counts[CREATED]} to create, {counts[CHANGED]} to change, {counts[UNCHANGED]} unchanged, "
        f"{counts[REJECTED]} rejected."
    )


def problem_lines(plan):
    """One line per problem: row, column and reason."""
    for row in plan.rejected:
        for problem in row.problems:
            where = f"column {problem.column}" if problem.column else "the whole row"
            yield f"Row {row.number}, {where} (external id {row.external_id or 'missing'}): {problem.message}"


def change_lines(plan, everything=False):
    for row in plan.rows:
        if row.outcome == CHANGED:
            yield f"Row {row.number} ({row.external_id}): change {', '.join(row.changes)}: {row.title}"
        elif everything and row.outcome in (CREATED, UNCHANGED):
            yield f"Row {row.number} ({row.external_id}): {row.outcome}: {row.title}"


def report(plan, everything=False):
    return "\n".join([summary_line(plan), *problem_lines(plan), *change_lines(plan, everything)])

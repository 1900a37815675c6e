"""The key facts at the top of record pages: what a citizen looks for in the first five seconds.

- A commitment: its status (and progress), overdue or when it is due, who answers to voters for it and
  who must deliver it, each with the person holding the office today (`commitment_glance`).

With it the page says when it was last updated: the date of its latest public revision
(`tracker.history.tenures.last_change`, one query). The rest is worked out from rows the page loads anyway.
"""

import datetime
from dataclasses import dataclass, field

from tracker.models.vocabulary import CommitmentStatus, OfficeKind, OwnershipRole
from tracker.public.owners_over_time import role_label

OVERDUE, DUE, CLOSED, NO_DEADLINE = "overdue", "due", "closed", "none"


@dataclass
class OwnerLine:
    label: str  # "Answers to voters", "Must deliver"...
    owners: list  # [OwnerOnDate]: the owners of that role with today's holders; empty: none recorded


@dataclass
class CommitmentGlance:
    status: str
    status_label: str
    status_since: datetime.date | None  # the day it reached its status, when a status change says so
    final: bool  # the status is final (delivered, broken...)
    progress: int
    deadline: datetime.date | None
    deadline_state: str  # OVERDUE, DUE, CLOSED or NO_DEADLINE
    lines: list = field(default_factory=list)  # [OwnerLine]


def owner_lines(owners_now):
    """Who answers to voters and who must deliver, always both (an empty line says none is recorded), then
    any other political owner (one not elected). Supporting owners are left to the owners' table."""
    lines = {}
    for role, kind in ((OwnershipRole.POLITICAL, OfficeKind.ELECTED), (OwnershipRole.ADMINISTRATIVE, None)):
        label = role_label(role, kind)
        lines[str(label)] = OwnerLine(label, [])
    for owner in owners_now:
        if owner.owner.role == OwnershipRole.SUPPORTING:
            continue
        label = role_label(owner.owner.role, owner.office.kind)
        lines.setdefault(str(label), OwnerLine(label, [])).owners.append(owner)
    return list(lines.values())


def commitment_glance(commitment, owners_now, latest_change, today):
    """The summary under a commitment's title. `latest_change` is the status change that set its status
    (None when no change says when), `owners_now` its owners with today's holders (`owners_on`)."""
    final = commitment.status in CommitmentStatus.terminal()
    if not commitment.deadline:
        state = NO_DEADLINE
    elif final:
        state = CLOSED
    elif commitment.deadline < today:
        state = OVERDUE
    else:
        state = DUE
    return CommitmentGlance(
        status=commitment.status,
        status_label=commitment.get_status_display(),
        status_since=latest_change.effective_date if latest_change else None,
        final=final,
        progress=commitment.progress,
        deadline=commitment.deadline,
        deadline_state=state,
        lines=owner_lines(owners_now),
    )

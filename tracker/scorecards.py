"""Scorecards: what happened to the commitments an office owned while a person held it.

A commitment counts for a tenure only for the days of that tenure (see the methodology page):
- owned: the commitment was open (made, not yet closed) on some day of the tenure;
- delivered / broken: its status changed to Delivered / Broken on a day of the tenure;
- overdue: it was overdue (deadline passed, not closed) on some day of the tenure.
A person's totals count each commitment once per column, however many of their tenures it spans.
"""

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from .choices import CommitmentStatus, OwnershipRole
from .timelines import terminal_date


def _overlaps(start_a, end_a, start_b, end_b):
    return start_a <= end_b and start_b <= end_a


@dataclass
class CommitmentFacts:
    """What the scorecards need to know about one commitment, computed once."""

    commitment: object
    changes: list
    closed_on: date | None = None

    def __post_init__(self):
        self.closed_on = terminal_date(self.changes)

    def open_during(self, start, end):
        last_open = self.closed_on - timedelta(days=1) if self.closed_on else end
        return _overlaps(self.commitment.made_on, last_open, start, end)

    def overdue_during(self, start, end):
        deadline = self.commitment.deadline
        if deadline is None:
            return False
        first_overdue = deadline + timedelta(days=1)
        last_overdue = self.closed_on - timedelta(days=1) if self.closed_on else end
        return first_overdue <= last_overdue and _overlaps(first_overdue, last_overdue, start, end)

    def changed_to_during(self, status, start, end):
        return any(c.to_status == status and start <= c.effective_date <= end for c in self.changes)


@dataclass
class Score:
    owned: set = field(default_factory=set)
    delivered: set = field(default_factory=set)
    broken: set = field(default_factory=set)
    overdue: set = field(default_factory=set)

    def add(self, other):
        for name in ("owned", "delivered", "broken", "overdue"):
            getattr(self, name).update(getattr(other, name))

    def counts(self):
        return {name: len(getattr(self, name)) for name in ("owned", "delivered", "broken", "overdue")}


def score_tenure(tenure, facts_list, today):
    start, end = tenure.start_date, min(tenure.end_date or today, today)
    score = Score()
    for facts in facts_list:
        pk = facts.commitment.pk
        changed_during = any(start <= c.effective_date <= end for c in facts.changes)
        if not (facts.open_during(start, end) or changed_during):
            continue
        score.owned.add(pk)
        if facts.changed_to_during(CommitmentStatus.DELIVERED, start, end):
            score.delivered.add(pk)
        if facts.changed_to_during(CommitmentStatus.BROKEN, start, end):
            score.broken.add(pk)
        if facts.overdue_during(start, end):
            score.overdue.add(pk)
    return score


def facts_by_office(office_ids):
    """{office_id: [CommitmentFacts]} for the published commitments these offices own (3 queries)."""
    from .models import CommitmentOwner, StatusChange

    owners = (
        CommitmentOwner.objects.filter(office_id__in=set(office_ids), commitment__live=True)
        .select_related("commitment")
        .order_by("commitment__made_on")
    )
    owners = list(owners)
    changes = defaultdict(list)
    for change in StatusChange.objects.filter(commitment_id__in={o.commitment_id for o in owners}):
        changes[change.commitment_id].append(change)
    facts = {}
    grouped = defaultdict(list)
    for owner in owners:
        cid = owner.commitment_id
        facts.setdefault(cid, CommitmentFacts(owner.commitment, changes[cid]))
        if facts[cid] not in grouped[owner.office_id]:
            grouped[owner.office_id].append(facts[cid])
    return grouped


@dataclass
class TenureScorecard:
    tenure: object
    counts: dict


def person_scorecard(tenures, today):
    """([TenureScorecard per tenure], totals) for a person's tenures."""
    grouped = facts_by_office(t.office_id for t in tenures)
    total = Score()
    rows = []
    for tenure in tenures:
        score = score_tenure(tenure, grouped.get(tenure.office_id, []), today)
        total.add(score)
        rows.append(TenureScorecard(tenure, score.counts()))
    return rows, total.counts()


@dataclass
class KindComparison:
    role: str
    label: str
    total: int
    delivered_share: float | None
    overdue_share: float | None
    median_days_overdue: float | None


def compare_owner_roles(commitments, roles_by_commitment, today):
    """Elected (political) against appointed (administrative) owners, side by side."""
    rows = []
    for role in (OwnershipRole.POLITICAL, OwnershipRole.ADMINISTRATIVE):
        group = [c for c in commitments if role in roles_by_commitment.get(c.pk, ())]
        delivered = [c for c in group if c.status == CommitmentStatus.DELIVERED]
        overdue_days = [(today - c.deadline).days for c in group if c.is_overdue]
        rows.append(
            KindComparison(
                role=role,
                label=role.label,
                total=len(group),
                delivered_share=len(delivered) / len(group) if group else None,
                overdue_share=len(overdue_days) / len(group) if group else None,
                median_days_overdue=statistics.median(overdue_days) if overdue_days else None,
            )
        )
    return rows

"""Scorecards: what happened to the commitments an office owned while a person held it.

A commitment counts for a tenure only for the days of that tenure (see the methodology page):
- owned: the commitment was open (made, not yet closed) on some day of the tenure;
- delivered / broken: its status changed to Delivered / Broken on a day of the tenure;
- overdue: it was overdue (deadline passed, not closed) on some day of the tenure.
A person's totals count each commitment once per column, however many of their tenures it spans.
"""

from collections import defaultdict, namedtuple
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, Q

from tracker.models.vocabulary import CommitmentStatus, OwnershipRole
from tracker.public.timelines import terminal_date


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


# What a scorecard reads of a commitment and of a status change. Plain tuples, not model instances:
# an office may own tens of thousands of commitments, and building models would take most of the page's time.
OwnedCommitment = namedtuple("OwnedCommitment", "pk made_on deadline status")
Change = namedtuple("Change", "to_status effective_date")


def facts_by_office(office_ids):
    """{office_id: [CommitmentFacts]} for the published commitments these offices own (2 queries)."""
    from tracker.models import Commitment, CommitmentOwner, StatusChange

    office_ids = set(office_ids)
    owned = CommitmentOwner.objects.filter(office_id__in=office_ids, commitment__in=Commitment.objects.published())
    changes = defaultdict(list)
    # A subquery rather than a list of ids: an office may own tens of thousands of commitments.
    for commitment_id, *change in StatusChange.objects.filter(
        commitment_id__in=owned.values("commitment_id")
    ).values_list("commitment_id", "to_status", "effective_date"):
        changes[commitment_id].append(Change(*change))
    facts = {}
    grouped = defaultdict(list)
    seen = set()  # (office, commitment): a commitment may list the same office in two roles
    rows = owned.order_by("commitment__made_on").values_list(
        "office_id", "commitment_id", "commitment__made_on", "commitment__deadline", "commitment__status"
    )
    for office_id, cid, made_on, deadline, status in rows:
        if cid not in facts:
            facts[cid] = CommitmentFacts(OwnedCommitment(cid, made_on, deadline, status), changes[cid])
        if (office_id, cid) not in seen:
            seen.add((office_id, cid))
            grouped[office_id].append(facts[cid])
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


def compare_owner_roles(commitments, today):
    """Elected (political) against appointed (administrative) owners, side by side, for a queryset of
    commitments. Counted by the database (two queries per role), so a province with 100,000
    commitments costs what a district with ten does."""
    from tracker.models import CommitmentOwner, Office

    terminal = CommitmentStatus.terminal()
    overdue = Q(deadline__lt=today) & ~Q(status__in=terminal)
    rows = []
    for role in (OwnershipRole.POLITICAL, OwnershipRole.ADMINISTRATIVE):
        owned = CommitmentOwner.objects.filter(role=role, office__in=Office.objects.published()).values("commitment_id")
        group = commitments.filter(pk__in=owned).order_by()
        figures = group.aggregate(
            total=Count("pk"),
            delivered=Count("pk", filter=Q(status=CommitmentStatus.DELIVERED)),
            overdue=Count("pk", filter=overdue),
        )
        total, late = figures["total"], figures["overdue"]
        rows.append(
            KindComparison(
                role=role,
                label=role.label,
                total=total,
                delivered_share=figures["delivered"] / total if total else None,
                overdue_share=late / total if total else None,
                median_days_overdue=_median_days_overdue(group.filter(overdue), late, today),
            )
        )
    return rows


def _median_days_overdue(overdue, count, today):
    """The median of (today - deadline) over `count` overdue commitments: the middle one or two
    deadlines, fetched from the database in order rather than all of them."""
    if not count:
        return None
    middle = overdue.order_by("-deadline").values_list("deadline", flat=True)[(count - 1) // 2 : count // 2 + 1]
    days = [(today - deadline).days for deadline in middle]
    return sum(days) / len(days)

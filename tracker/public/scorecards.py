"""Scorecards: what happened to the commitments an office owned while a person held it.

A commitment counts for a tenure only for the days of that tenure (see the methodology page):
- owned: the commitment was open (made, not yet closed) on some day of the tenure;
- delivered / broken: its status changed to Delivered / Broken on a day of the tenure;
- overdue: it was overdue (deadline passed, not closed) on some day of the tenure, but not yet on its
  first day;
- inherited: it was already overdue on the tenure's first day. It is shown apart and not counted as
  overdue against the holder: the delay began before them.
A person's totals count each commitment once per column, however many of their tenures it spans.
"""

from collections import defaultdict, namedtuple
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils.translation import gettext_lazy as _

from tracker.models.vocabulary import CommitmentStatus
from tracker.public.timelines import terminal_date

SCORE_COLUMNS = ("owned", "delivered", "broken", "overdue", "inherited")


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

    def overdue_on(self, day):
        deadline = self.commitment.deadline
        return deadline is not None and deadline < day and (self.closed_on is None or self.closed_on > day)

    def changed_to_during(self, status, start, end):
        return any(c.to_status == status and start <= c.effective_date <= end for c in self.changes)


@dataclass
class Score:
    owned: set = field(default_factory=set)
    delivered: set = field(default_factory=set)
    broken: set = field(default_factory=set)
    overdue: set = field(default_factory=set)
    inherited: set = field(default_factory=set)

    def add(self, other):
        for name in SCORE_COLUMNS:
            getattr(self, name).update(getattr(other, name))

    def counts(self):
        return {name: len(getattr(self, name)) for name in SCORE_COLUMNS}


# {"facts": {office id: [CommitmentFacts]}, "scores": {tenure: Score}} while `offices_read_once()` is open.
_read_once = ContextVar("offices_read_once", default=None)


@contextmanager
def offices_read_once():
    """Within this block each office's commitments are read, and each tenure scored, once for every figure
    that needs them. A publish makes stale the rows of every person who held the offices owning the
    commitment (ten or more for an office of a province whose holders are transferred often), and each
    person's row needs its scorecard and its comparison: without this block, each read the office's
    thousands of commitments again. For a computation that sees the data as of its start, like the
    summaries' refresh (a change made meanwhile marks the rows stale again). Opened within itself, it
    keeps what the outer block read."""
    if _read_once.get() is not None:
        yield
        return
    token = _read_once.set({"facts": {}, "scores": {}})
    try:
        yield
    finally:
        _read_once.reset(token)


def score_tenure(tenure, facts_list, today):
    """The tenure's Score over its office's commitments (`facts_list`), once within `offices_read_once()`."""
    memo = _read_once.get()
    if memo is None:
        return _score_tenure(tenure, facts_list, today)
    key = (tenure.pk, tenure.office_id, tenure.start_date, tenure.end_date, today)
    if key not in memo["scores"]:
        memo["scores"][key] = _score_tenure(tenure, facts_list, today)
    return memo["scores"][key]


def score_afresh(tenure, facts_list, today):
    """The tenure's Score over `facts_list`, never the one `offices_read_once()` kept (facts not read from
    the database: what a commitment was before a publish, `holder_tally.py`)."""
    return _score_tenure(tenure, facts_list, today)


def _score_tenure(tenure, facts_list, today):
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
        if facts.overdue_on(start):
            score.inherited.add(pk)
        elif facts.overdue_during(start, end):
            score.overdue.add(pk)
    return score


# What a scorecard reads of a commitment and of a status change. Plain tuples, not model instances:
# an office may own tens of thousands of commitments, and building models would take most of the page's time.
OwnedCommitment = namedtuple("OwnedCommitment", "pk made_on deadline status")
Change = namedtuple("Change", "to_status effective_date")


def facts_by_office(office_ids):
    """{office_id: [CommitmentFacts]} for the published commitments these offices own (2 queries; within
    `offices_read_once()`, none for the offices already read)."""
    office_ids = set(office_ids)
    memo = _read_once.get()
    if memo is None:
        return _read_facts(office_ids)
    read = memo["facts"]
    missing = office_ids - read.keys()
    if missing:
        found = _read_facts(missing)
        read.update({pk: found.get(pk, []) for pk in missing})
    return {pk: read[pk] for pk in office_ids if read[pk]}


def _read_facts(office_ids):
    from tracker.models import Commitment, CommitmentOwner, StatusChange

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
    score: Score = field(default_factory=Score)


def person_scorecard(tenures, today):
    """([TenureScorecard per tenure], totals) for a person's tenures."""
    rows, total = person_scores(tenures, today)
    return rows, total.counts()


def person_scores(tenures, today):
    """([TenureScorecard per tenure], the totals' Score: the commitments behind every figure)."""
    grouped = facts_by_office(t.office_id for t in tenures)
    total = Score()
    rows = []
    for tenure in tenures:
        score = score_tenure(tenure, grouped.get(tenure.office_id, []), today)
        total.add(score)
        rows.append(TenureScorecard(tenure, score.counts(), score))
    return rows, total


SCORE_LABELS = (_("Owned"), _("Delivered"), _("Broken"), _("Overdue"), _("Inherited overdue"))


def scorecard_cells(person, rows, total):
    """([(tenure, [(label, count, url) per column]) per tenure], [(label, count, url) per column] for all
    tenures): every figure of the scorecard links to the commitment list showing the commitments behind it."""
    from tracker.public.delivery import list_url

    columns = list(zip(SCORE_COLUMNS, SCORE_LABELS, strict=True))
    query = {"scorecard": person.slug}
    tenures = [
        (
            row.tenure,
            [(label, row.counts[c], list_url({**query, "tenure": row.tenure.pk}, scored=c)) for c, label in columns],
        )
        for row in rows
    ]
    counts = total.counts()
    return tenures, [(label, counts[c], list_url(query, scored=c)) for c, label in columns]


def person_tenures(person):
    """The person's tenures of published offices, in order: the rows of their scorecard."""
    from tracker.models import Office

    return list(
        person.tenures.filter(office__in=Office.objects.published())
        .select_related("office__organization")
        .order_by("start_date")
    )


def scored_commitments(person, column, today, tenure_id=None):
    """The ids behind one figure of a person's scorecard: `column` (one of SCORE_COLUMNS) of one
    tenure, or of all of them (each commitment once), as the scorecard counts them."""
    tenures = [t for t in person_tenures(person) if tenure_id is None or t.pk == tenure_id]
    _rows, total = person_scores(tenures, today)
    return getattr(total, column)


@dataclass
class OwnerGroupRow:
    """One owner group of a place (elected political owners, appointed administrative owners, and
    administrators in either role): the accountability page's measures and the overdue share."""

    measures: object  # delivery.Measures
    overdue: object  # delivery.Share


@dataclass
class PlaceComparison:
    groups: list  # [OwnerGroupRow] of the groups that own a commitment here
    stays: list  # [delivery.KindStay]: how long the next step waited with each kind of office


def compare_owner_groups(commitments, place, today):
    """What differs between the commitments here owned by elected offices, by appointed offices and by
    administrators, with the accountability page's rules (tracker/public/delivery.py): outcomes,
    overdue, delay past the deadline, and where the next step waited. A commitment usually has an
    elected and an appointed owner, so the groups share commitments; the figures that differ are who
    holds each role, how the commitments went, and which offices they waited with. Five queries."""
    from tracker.public import delivery

    facts = delivery.load_facts(commitments, today)
    query = {"jurisdiction": place.slug}
    groups = []
    measured = delivery.by_owner_group(facts, today, query)
    for (_key, role, kind, _label), measures in zip(delivery.OWNER_GROUPS, measured, strict=True):
        members = [f for f in facts if f.counted and (role, kind) in f.owners]
        if not members and not measures.withdrawn.count:
            continue
        late = sum(1 for f in members if f.deadline and f.deadline < today and f.status not in delivery.TERMINAL)
        url = delivery.list_url(query, owner_role=role, office_kind=kind, counted=1, overdue=1)
        groups.append(OwnerGroupRow(measures, delivery.Share(late, len(members), url)))
    return PlaceComparison(groups, delivery.time_with_kinds(facts, query))

"""Time to delivery on the accountability page: how soon commitments were delivered, counting the ones
still open as still running rather than leaving them out or calling them failed (Kaplan-Meier curves and
log-rank tests, computed by lifelines; docs/reference.md, the methodology's #time-to-delivery).

The rules, which the methodology page states in words:

- **Which commitments.** Published ones, less the withdrawn (as everywhere on the page).
- **Delivery** is the event: a commitment whose status is Delivered, on the first day a change to
  Delivered took effect. A commitment shown as Delivered with no such date recorded is left out of the
  curves, and the page says how many were.
- **Still running.** Every other counted commitment (not started, in progress, stalled, partially
  delivered, broken) has not been delivered: it is followed until today and counted as still running
  then ("censored"), never dropped and never counted as failed.
- **Two clocks.** From the deadline: commitments with a deadline, the days from the deadline to delivery,
  0 when delivered on or before it; one not delivered is followed from its deadline to today, so one
  whose deadline has not passed yet is left out (it cannot be late yet). From the promise: the days from
  the day the commitment was made to delivery, or to today.
- **Groups**: by whether the council was elected or run by an administrator when the commitment fell due
  (as the page's council comparison), and by the kind of office owning it (as its owner groups).
- Each group with at least MIN_COUNT commitments gets its curve: the share delivered by each day, with a
  95% interval; the shares delivered by the deadline and within a year; the median time to delivery with
  its 95% interval, or "not reached" when fewer than half were delivered in the time followed. Fewer than
  MIN_COUNT: "too few to say", the counts only.
- The two sides of a comparison are set against each other by a log-rank test when both have at least
  MIN_COUNT commitments; below P_THRESHOLD the difference is called unusual if both delivered at the same
  pace, otherwise one that could arise by chance. Never a cause.

What is kept (the report is pickled, tracker/public/summaries.py) is plain numbers: the counts, a few
estimates and at most MAX_POINTS points of each curve, never the commitments.
"""

import bisect
import math
from dataclasses import dataclass

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tracker.models.vocabulary import CommitmentStatus
from tracker.public import council_periods as cp
from tracker.public.delivery import MIN_COUNT, OWNER_GROUPS, list_url

S = CommitmentStatus
DEADLINE, PROMISE = "deadline", "promise"
CLOCKS = (
    (DEADLINE, _("From the deadline")),
    (PROMISE, _("From the promise")),
)
# How far the curves are drawn and kept: three years after a deadline, five after a promise.
HORIZON = {DEADLINE: 3 * 365, PROMISE: 5 * 365}
YEAR = 365
MAX_POINTS = 60
P_THRESHOLD = 0.05

# The comparisons: (key, title, its two sides), the sides named as in `_sides`.
COMPARISONS = (
    (
        "council",
        _("By whether the council was elected when the commitment fell due"),
        (cp.ELECTED, cp.ADMINISTRATOR),
    ),
    (
        "political",
        _("Political owners: elected office or administrator"),
        ("political-elected", "political-administrator"),
    ),
    (
        "administrative",
        _("Administrative owners: appointed office or administrator"),
        ("administrative-appointed", "administrative-administrator"),
    ),
)


def _sides(kinds_of):
    """{side: (label, its commitment list's query, whether a commitment is in it)}: the council groups as
    the page's council comparison, the owner groups as its owner groups."""
    sides = {
        kind: (cp.PERIOD_KINDS[kind], {"council": kind}, lambda f, kind=kind: kind in kinds_of.get(f.pk, ()))
        for kind in (cp.ELECTED, cp.ADMINISTRATOR)
    }
    for key, role, kind, label in OWNER_GROUPS:
        query = {"owner_role": role, "office_kind": kind}
        sides[key] = (label, query, lambda f, role=role, kind=kind: (role, kind) in f.owners)
    return sides


def duration(facts, clock, today):
    """(days, delivered) of one commitment on one clock, or None when it is left out of that clock."""
    if not facts.counted:
        return None
    delivered = facts.status == S.DELIVERED
    if delivered and facts.delivered_on is None:
        return None
    start = facts.deadline if clock == DEADLINE else facts.made_on
    if start is None:
        return None
    if delivered:
        return max((facts.delivered_on - start).days, 0), True
    if clock == DEADLINE and facts.deadline >= today:
        return None  # not due yet: it cannot be late
    return max((today - start).days, 0), False


# --- What is kept --------------------------------------------------------------------------------------


def _percent(value):
    return None if value is None else round(value * 100)


@dataclass
class AtDay:
    """The share delivered by a day, with its 95% interval (fractions)."""

    share: float
    low: float
    high: float

    @property
    def percent(self):
        return _percent(self.share)

    @property
    def interval_percent(self):
        return _percent(self.low), _percent(self.high)


@dataclass
class Median:
    """The median time to delivery in days, and its 95% interval; None where it is not reached."""

    days: float | None
    low: float | None
    high: float | None

    @property
    def rounded(self):
        return tuple(None if v is None else round(v) for v in (self.days, self.low, self.high))


@dataclass
class GroupTime:
    key: str
    label: str
    url: str  # the group's commitments in the list
    commitments: int
    delivered: int
    by_deadline: AtDay | None = None  # only from the deadline
    within_year: AtDay | None = None  # None when nobody was followed a year (or too few)
    median: Median | None = None
    points: tuple = ()  # ((day, share, low, high), ...), at most MAX_POINTS

    @property
    def running(self):
        return self.commitments - self.delivered

    @property
    def enough(self):
        return self.commitments >= MIN_COUNT


@dataclass
class ClockTime:
    clock: str
    label: str
    groups: list  # [GroupTime], the two sides
    p_value: float | None  # of the log-rank test; None when a side has too few

    @property
    def test_words(self):
        """The log-rank test in plain words, in the page's language."""
        if self.p_value is None:
            return gettext("Too few commitments on one side to test the difference.")
        if self.p_value < 0.001:
            p = "p < 0.001"
        else:
            # Three decimals near the threshold, so that 0.049 never reads as 0.05 beside "unusual".
            p = f"p = {self.p_value:.3f}" if self.p_value < 0.1 else f"p = {self.p_value:.2f}"
        if self.p_value < P_THRESHOLD:
            text = gettext(
                "A difference this large would be unusual if the two groups delivered at the same pace "
                "(log-rank test, %(p)s)."
            )
        else:
            text = gettext("A difference like this could well arise by chance (log-rank test, %(p)s).")
        return text % {"p": f"\u2066{p}\u2069"}


@dataclass
class Comparison:
    key: str
    title: str
    clocks: list  # [ClockTime]


@dataclass
class TimeToDelivery:
    comparisons: list  # [Comparison]
    undated: int  # shown as Delivered with no date of delivery: left out
    not_yet_due: int  # not delivered and not due yet: left out of the clock from the deadline


# --- Estimates ------------------------------------------------------------------------------------------


def _number(value):
    """A float from lifelines' numpy numbers, None for not a number or infinity."""
    value = float(value)
    return None if math.isnan(value) or math.isinf(value) else value


def _curve(fitter):
    """[(day, share delivered, low, high)] at each day the Kaplan-Meier estimate changes."""
    days = [float(t) for t in fitter.survival_function_.index]
    alive = fitter.survival_function_.iloc[:, 0].tolist()
    lower = fitter.confidence_interval_.iloc[:, 0].tolist()
    upper = fitter.confidence_interval_.iloc[:, 1].tolist()
    rows = []
    for day, s, lo, hi in zip(days, alive, lower, upper, strict=True):
        lo = s if math.isnan(lo) else lo
        hi = s if math.isnan(hi) else hi
        rows.append((day, 1 - s, 1 - hi, 1 - lo))
    if not rows or rows[0][0] > 0:
        rows.insert(0, (0.0, 0.0, 0.0, 0.0))
    return rows


def _at(rows, day):
    """The row of the curve in force on `day`: the last one at or before it (the first when none is)."""
    return rows[max(bisect.bisect_right(rows, day, key=lambda row: row[0]) - 1, 0)]


def _points(rows, end):
    """The curve up to `end`, at most MAX_POINTS points: its own steps when they are few, else the curve
    read at evenly spaced days."""
    inside = [r for r in rows if r[0] <= end]
    if inside[-1][0] < end:
        inside.append((end, *_at(rows, end)[1:]))
    if len(inside) > MAX_POINTS:
        inside = [
            (round(end * i / (MAX_POINTS - 1)), *_at(rows, end * i / (MAX_POINTS - 1))[1:]) for i in range(MAX_POINTS)
        ]
    return tuple((round(d), round(s, 4), round(lo, 4), round(hi, 4)) for d, s, lo, hi in inside)


def _group(key, label, url, observed, clock):
    delivered = sum(1 for _days, event in observed if event)
    group = GroupTime(key, label, url, len(observed), delivered)
    if not group.enough:
        return group
    from lifelines import KaplanMeierFitter
    from lifelines.utils import median_survival_times

    fitter = KaplanMeierFitter().fit([d for d, _e in observed], [e for _d, e in observed])
    rows = _curve(fitter)
    if clock == DEADLINE:
        group.by_deadline = AtDay(*_at(rows, 0)[1:])
    followed = max(d for d, _e in observed)
    if followed >= YEAR or delivered == len(observed):
        group.within_year = AtDay(*_at(rows, YEAR)[1:])
    bounds = median_survival_times(fitter.confidence_interval_)
    group.median = Median(_number(fitter.median_survival_time_), _number(bounds.iloc[0, 0]), _number(bounds.iloc[0, 1]))
    group.points = _points(rows, min(followed, HORIZON[clock]))
    return group


def _logrank(sides):
    if not all(len(side) >= MIN_COUNT for side in sides):
        return None
    from lifelines.statistics import logrank_test

    (a, b) = sides
    result = logrank_test([d for d, _e in a], [d for d, _e in b], [e for _d, e in a], [e for _d, e in b])
    return _number(result.p_value)


def time_to_delivery(facts, kinds_of, today, query):
    """The page's time to delivery: each comparison on each clock. `kinds_of` is {commitment id: council
    kinds on its deadline} (accountability.build_report's), `query` the page's filters for the list."""
    sides = _sides(kinds_of)
    # Each commitment's durations once per clock, and each side's commitments once (by their place in
    # `facts`, which keeps their order): not once per comparison, clock and side.
    durations = {clock: [duration(f, clock, today) for f in facts] for clock, _label in CLOCKS}
    members = {side: [i for i, f in enumerate(facts) if belongs(f)] for side, (_l, _q, belongs) in sides.items()}
    comparisons = []
    for key, title, pair in COMPARISONS:
        clocks = []
        for clock, clock_label in CLOCKS:
            observed, shown = [], []
            for side in pair:
                label, extra, _belongs = sides[side]
                found = [d for d in map(durations[clock].__getitem__, members[side]) if d is not None]
                observed.append(found)
                shown.append(_group(side, label, list_url(query, counted=1, **extra), found, clock))
            clocks.append(ClockTime(clock, clock_label, shown, _logrank(observed)))
        comparisons.append(Comparison(key, title, clocks))
    counted = [f for f in facts if f.counted]
    return TimeToDelivery(
        comparisons,
        undated=sum(1 for f in counted if f.status == S.DELIVERED and f.delivered_on is None),
        not_yet_due=sum(1 for f in counted if f.status != S.DELIVERED and f.deadline and f.deadline >= today),
    )

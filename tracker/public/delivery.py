"""Who delivers: the measures of the accountability page (docs/reference.md, the methodology's
#who-delivers), computed from published records only.

Everything is read in a fixed number of queries (`load_facts`), whatever the number of commitments,
and worked out in memory from plain tuples. The rules, which the methodology page states in words:

- A commitment is **counted** when it is published (live and not taken down; a taken-down commitment
  is not counted anywhere) and not withdrawn. Withdrawn commitments are shown beside the counted ones,
  never in a share's denominator: the government took them back, so they were neither kept nor broken.
- Outcomes are the current status: delivered, partially delivered, broken, stalled, and still open
  (not started or in progress).
- **Delay** is measured in days past the deadline for commitments with a deadline that were delivered
  or partially delivered (to the first day a terminal status took effect; 0 when on time), and for
  open commitments whose deadline has passed (to today: the delay so far). Broken and withdrawn
  commitments, and delivered ones whose delivery date is not recorded, have no delay.
- **Time with an office kind** (the file-tracking measure): the days a commitment's next step sat with
  offices of that kind, each movement lasting until the next one, the last until the commitment closed
  or today, as on a commitment's own page.
- Each commitment's promise date and first date of delivery are read too, for the time to delivery
  (`survival.py`, which states its own rules).
- A share is shown with its 95% Wilson interval, and only when at least MIN_COUNT commitments are
  behind it; medians likewise. Counts are always shown.
"""

import math
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlencode

from django.db.models import Min, Q
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from tracker.models.base import page_address
from tracker.models.vocabulary import CommitmentStatus, OfficeKind, OwnershipRole

# Below 10 commitments a single one moves a share by more than 10 percentage points, and the 95%
# interval of a 50% share is wider than plus or minus 27 points: a percentage would say more than the
# data can. The counts are still shown.
MIN_COUNT = 10
Z_95 = 1.959964

S = CommitmentStatus
OUTCOMES = (
    ("delivered", _("Delivered"), {S.DELIVERED}),
    ("partially_delivered", _("Partially delivered"), {S.PARTIALLY_DELIVERED}),
    ("broken", _("Broken"), {S.BROKEN}),
    ("stalled", _("Stalled"), {S.STALLED}),
    ("open", _("Still open (not started or in progress)"), {S.NOT_STARTED, S.IN_PROGRESS}),
)
CLOSED_WITH_DELAY = {S.DELIVERED, S.PARTIALLY_DELIVERED}
TERMINAL = frozenset(S.terminal())

# The owner groups compared side by side: (key, role, office kind, label). A commitment usually has a
# political and an administrative owner, so it counts in one column of each role.
OWNER_GROUPS = (
    ("political-elected", OwnershipRole.POLITICAL, OfficeKind.ELECTED, _("Political owner: elected office")),
    (
        "political-administrator",
        OwnershipRole.POLITICAL,
        OfficeKind.ADMINISTRATOR,
        _("Political owner: administrator"),
    ),
    (
        "administrative-appointed",
        OwnershipRole.ADMINISTRATIVE,
        OfficeKind.APPOINTED,
        _("Administrative owner: appointed office"),
    ),
    (
        "administrative-administrator",
        OwnershipRole.ADMINISTRATIVE,
        OfficeKind.ADMINISTRATOR,
        _("Administrative owner: administrator"),
    ),
)


# --- Statistics -------------------------------------------------------------------------------------


def wilson(successes, total, z=Z_95):
    """The Wilson score interval (low, high) of a share, or None when there is nothing to share."""
    if not total:
        return None
    p = successes / total
    denominator = 1 + z * z / total
    centre = (p + z * z / (2 * total)) / denominator
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def quartiles(values):
    """(lower quartile, median, upper quartile) of a list of numbers (the "inclusive" method, so the
    quartiles of two values are their own quarter points), or None for an empty list."""
    values = sorted(values)
    if not values:
        return None
    if len(values) == 1:
        return values[0], values[0], values[0]
    q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return q1, median, q3


# --- Facts: what the measures read of each commitment -------------------------------------------------


@dataclass(slots=True)  # a hundred thousand at national scale: slots make each smaller and faster
class Facts:
    pk: int
    status: str
    deadline: date | None
    jurisdiction_id: int
    made_by_kind: str | None
    closed_on: date | None = None
    made_on: date | None = None  # the day of the promise
    delivered_on: date | None = None  # the first day a change to Delivered took effect
    owners: set = field(default_factory=set)  # {(role, office kind)}
    stays: dict = field(default_factory=dict)  # {office kind: days}
    # Not withdrawn: read by every measure of every group (a million times for one national report), so
    # worked out once, not by a property on each reading.
    counted: bool = field(init=False)

    def __post_init__(self):
        self.counted = self.status != S.WITHDRAWN

    def delay(self, today):
        """Days past the deadline (see the module's rules), or None when it has none."""
        if self.deadline is None:
            return None
        if self.status in CLOSED_WITH_DELAY:
            return None if self.closed_on is None else max((self.closed_on - self.deadline).days, 0)
        if self.status in TERMINAL:
            return None
        return (today - self.deadline).days if self.deadline < today else None


def published_office_kinds():
    """{office id: kind} of every published office (one query; offices are few)."""
    from tracker.models import Office

    return dict(Office.objects.published().values_list("pk", "kind"))


MOVEMENT_FIELDS = ("commitment_id", "office_id", "arrived_on", "sort_order")


def load_facts(commitments, today, *, measured_only=False):
    """[Facts] for a queryset of published commitments: five queries, whatever their number. The first change
    to a final status and the first to Delivered are read in one aggregate query.

    With `measured_only`, only what `measure` reads (the status, the deadline, the days it closed and was
    delivered), in two queries: not who owns each, nor which kind of office made it, nor where its next
    step waited (left empty). The figures of an office and of a group of offices are measures only; at
    national scale their owners and movements were most of the rows read (425,000 of 575,000)."""
    from tracker.models import CommitmentOwner, Movement

    kinds = {} if measured_only else published_office_kinds()
    commitments = commitments.order_by()
    # A hundred thousand rows at national scale in each query: each loop does as little as it can per row.
    facts = {
        pk: Facts(pk, status, deadline, place, kinds.get(made_by), None, made_on)
        for pk, status, deadline, place, made_by, made_on in commitments.values_list(
            "pk", "status", "deadline", "jurisdiction_id", "made_by_office_id", "made_on"
        )
    }
    ids = commitments.values("pk")
    _read_closing_days(facts, ids)
    if measured_only:
        return list(facts.values())
    # Without the models' own order: sorting a few hundred thousand rows spilled to disk at national scale.
    owners = CommitmentOwner.objects.filter(commitment_id__in=ids).order_by()
    for cid, role, office_id in owners.values_list("commitment_id", "role", "office_id"):
        kind, found = kinds.get(office_id), facts.get(cid)
        if kind is not None and found is not None:
            found.owners.add((role, kind))
    stops = defaultdict(list)
    movements = Movement.objects.filter(commitment_id__in=ids).order_by()  # stays_by_kind puts them in order
    for cid, office_id, arrived, order in movements.values_list(*MOVEMENT_FIELDS):
        kind = kinds.get(office_id)
        if kind is not None:
            stops[cid].append((arrived, order or 0, kind))
    for cid, moves in stops.items():
        found = facts.get(cid)
        if found is not None:
            found.stays = stays_by_kind(moves, found.closed_on or today)
    return list(facts.values())


def _read_closing_days(facts, ids):
    """Each commitment's first day of a final status and first day of Delivered, in one aggregate query."""
    from tracker.models import StatusChange

    closed = (
        StatusChange.objects.filter(commitment_id__in=ids, to_status__in=TERMINAL)
        .values("commitment_id")
        .annotate(first=Min("effective_date"), delivered=Min("effective_date", filter=Q(to_status=S.DELIVERED)))
        .values_list("commitment_id", "first", "delivered")
    )
    for cid, first, delivered in closed:
        found = facts.get(cid)
        if found is not None:
            found.closed_on = first
            found.delivered_on = delivered


def stays_by_kind(moves, until):
    """{office kind: days} from [(arrived_on, sort_order, kind)]: each stop lasts until the next one,
    the last until `until` (as `tracker.public.timelines.time_with_offices` counts a commitment's page)."""
    moves = sorted(moves)
    days = {}
    for index, (arrived, _order, kind) in enumerate(moves):
        end = moves[index + 1][0] if index + 1 < len(moves) else until
        days[kind] = days.get(kind, 0) + max((end - arrived).days, 0)
    return days


# --- Figures: a number, what it is out of, and the list behind it ---------------------------------------


def _list_address(query_string):
    return f"{page_address('commitment_list')}?{query_string}"


# Figures are kept (PublicSummary rows, the shared cache) and read by pages in English and in Urdu: the
# address is made when a page shows it, in that page's language (a lazy string pickles as its recipe).
_lazy_list_address = lazy(_list_address, str)


def list_url(query, **more):
    """The address of the commitment list showing the commitments behind a figure, in the language of the
    page that shows it."""
    params = {k: v for k, v in {**query, **more}.items() if v not in (None, "")}
    return _lazy_list_address(urlencode(params))


@dataclass
class Share:
    count: int
    total: int
    url: str

    @property
    def enough(self):
        return self.total >= MIN_COUNT

    @property
    def value(self):
        return self.count / self.total if self.total else None

    @property
    def interval(self):
        return wilson(self.count, self.total)

    @property
    def percent(self):
        return None if self.value is None else round(self.value * 100)

    @property
    def interval_percent(self):
        found = self.interval
        return None if found is None else (round(found[0] * 100), round(found[1] * 100))


@dataclass
class Spread:
    """A median (with its quartiles) of `count` values. The values themselves are not kept when a report is
    stored (tracker/public/summaries.py pickles it): over 100,000 commitments they would make the stored
    report hundreds of kilobytes, read on every request, for figures that need only the count and quartiles."""

    values: list = field(compare=False)
    url: str
    summary: tuple = field(init=False)  # (count, quartiles)

    def __post_init__(self):
        self.summary = (len(self.values), quartiles(self.values))

    def __getstate__(self):
        return {**self.__dict__, "values": None}

    @property
    def count(self):
        return self.summary[0]

    @property
    def enough(self):
        return self.count >= MIN_COUNT

    @property
    def quartiles(self):
        return self.summary[1]

    @property
    def median(self):
        found = self.quartiles
        return found[1] if found else None

    @property
    def rounded(self):
        """(lower quartile, median, upper quartile) in whole days, for reading."""
        found = self.quartiles
        return None if found is None else tuple(round(v) for v in found)


@dataclass
class Measures:
    """The outcome shares and the delay of one group of commitments."""

    key: str
    label: str
    counted: Share  # of everything in the group that is not withdrawn (total = count)
    withdrawn: Share
    outcomes: list  # [(key, label, Share)]
    delay: Spread

    def outcome(self, key):
        return next(share for k, _label, share in self.outcomes if k == key)


def measure(key, label, facts, today, query):
    """The measures of a group of commitments (`facts`); `query` selects the same group in the
    commitment list, so every figure links to its own commitments."""
    counted = [f for f in facts if f.counted]
    total = len(counted)
    statuses_counted = Counter(f.status for f in counted)  # one pass, not one per outcome
    outcomes = [
        (
            name,
            text,
            Share(
                sum(statuses_counted[status] for status in statuses),
                total,
                list_url(query, status=name if len(statuses) == 1 else "", counted=1, open=1 if name == "open" else ""),
            ),
        )
        for name, text, statuses in OUTCOMES
    ]
    delays = [d for d in (f.delay(today) for f in counted) if d is not None]
    return Measures(
        key=key,
        label=label,
        counted=Share(total, total, list_url(query, counted=1)),
        withdrawn=Share(len(facts) - total, len(facts), list_url(query, status=S.WITHDRAWN)),
        outcomes=outcomes,
        delay=Spread(delays, list_url(query, delay=1)),
    )


def by_owner_group(facts, today, query):
    """[Measures] for each owner group (elected political owners, appointed administrative owners...)."""
    groups = []
    for key, role, kind, label in OWNER_GROUPS:
        members = [f for f in facts if (role, kind) in f.owners]
        groups.append(measure(key, label, members, today, {**query, "owner_role": role, "office_kind": kind}))
    return groups


@dataclass
class KindStay:
    kind: str
    label: str
    days: Spread


def time_with_kinds(facts, query):
    """How long commitments sat with each kind of office: the median of each commitment's total days
    with that kind, over the counted commitments whose next step went to one."""
    rows = []
    for kind in OfficeKind:
        values = [f.stays[kind] for f in facts if f.counted and kind in f.stays]
        rows.append(KindStay(kind.value, kind.label, Spread(values, list_url(query, counted=1, moved_to_kind=kind))))
    return rows


@dataclass
class MakerRow:
    kind: str
    label: str
    made: Share  # counted commitments this kind of office made, out of all counted
    kept: Share  # delivered, out of those made
    partly: Share  # partially delivered, out of those made


def makers(facts, query):
    """Who made the commitments that were kept: by the kind of office that made each one."""
    counted = [f for f in facts if f.counted]
    rows = []
    for kind, label in [*((k.value, k.label) for k in OfficeKind), ("none", _("Not recorded"))]:
        made = [f for f in counted if (f.made_by_kind or "none") == kind]
        q = {**query, "made_by_kind": kind, "counted": 1}
        rows.append(
            MakerRow(
                kind,
                label,
                Share(len(made), len(counted), list_url(q)),
                Share(sum(1 for f in made if f.status == S.DELIVERED), len(made), list_url(q, status=S.DELIVERED)),
                Share(
                    sum(1 for f in made if f.status == S.PARTIALLY_DELIVERED),
                    len(made),
                    list_url(q, status=S.PARTIALLY_DELIVERED),
                ),
            )
        )
    return rows

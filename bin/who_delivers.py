#!/usr/bin/env python3
"""Recompute every figure of "Who delivers" (/accountability/) from the public bulk downloads alone.

The page's figures can be downloaded as CSV (/accountability/csv/?table=...). This script computes the same
tables again from tracker-json.zip, the file anyone can download from /data/, and prints them in exactly the
same form (the same header, rows, order and number formatting), so that anyone can check that the page
counts what it says it counts. It follows the rules the methodology page states in words (/methodology/,
"Who delivers: how the comparison is counted", "Like with like" and "Time to delivery"), one small function
for each, and uses none of the site's own code: only Python's standard library, statsmodels for the
Cochran-Mantel-Haenszel test and lifelines for the Kaplan-Meier curves and the log-rank test.

    python bin/who_delivers.py tracker-json.zip --table councils
    python bin/who_delivers.py tracker-json.zip --table periods --district lahore --sector health
    python bin/who_delivers.py tracker-json.zip --table owners --due-from 2020-01-01 --due-to 2021-12-31
    python bin/who_delivers.py tracker-json.zip --all who-delivers/      # every table, one file each

The tables are those of the page: owners, councils, like, periods, time, makers, survival, curves. The
filters are the page's: --province or --district (a slug or a name, in any case), --sector, --due-from and
--due-to (deadlines, both days included). Delays, periods and commitments still running are counted to
"today", which is by default the day the downloads were built (their manifest.json, in Pakistan time); the
page counts to the day it is read, so give --today to compare with the page on another day.

What the downloads hold is what the public may see: commitments, offices, organisations and places taken
down or unpublished are not in them, which is also what the page counts. A commitment's file movements come
in the order the site keeps them; two movements on the same day whose order was never set are the one case
where the page may order them differently.
"""

import argparse
import csv
import io
import json
import math
import statistics
import sys
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

TABLES = ("owners", "councils", "like", "periods", "time", "makers", "survival", "curves")

# "With fewer than 10 commitments behind a share or a median, the page says 'too few to say'."
MIN_COUNT = 10
Z_95 = 1.959964  # the 95% point of the normal distribution, as the page uses it
PAKISTAN_TIME = timezone(timedelta(hours=5))  # the site's time zone (no daylight saving)
ONE_DAY = timedelta(days=1)

# Statuses, office kinds and roles as the downloads spell them.
DELIVERED, PARTIALLY_DELIVERED, BROKEN, STALLED = "delivered", "partially_delivered", "broken", "stalled"
NOT_STARTED, IN_PROGRESS, WITHDRAWN = "not_started", "in_progress", "withdrawn"
FINAL_STATUSES = {DELIVERED, PARTIALLY_DELIVERED, BROKEN, WITHDRAWN}
ELECTED, APPOINTED, ADMINISTRATOR = "elected", "appointed", "administrator"
OFFICE_KINDS = (ELECTED, APPOINTED, ADMINISTRATOR)
POLITICAL, ADMINISTRATIVE = "political", "administrative"
NO_HOLDER = "none"
SECTORS = ("education", "health", "water_sanitation", "e_governance", "local_government", "roads_transport", "finance")

# The outcomes, in the page's order: (name, the current statuses it covers).
OUTCOMES = (
    ("delivered", {DELIVERED}),
    ("partially_delivered", {PARTIALLY_DELIVERED}),
    ("broken", {BROKEN}),
    ("stalled", {STALLED}),
    ("open", {NOT_STARTED, IN_PROGRESS}),
)

# The owner groups, in the page's order: (name, the owner's role, the kind of the owning office).
OWNER_GROUPS = (
    ("political-elected", POLITICAL, ELECTED),
    ("political-administrator", POLITICAL, ADMINISTRATOR),
    ("administrative-appointed", ADMINISTRATIVE, APPOINTED),
    ("administrative-administrator", ADMINISTRATIVE, ADMINISTRATOR),
)


# --- Reading the downloads ------------------------------------------------------------------------------


@dataclass
class Downloads:
    commitments: list
    offices: list
    organisations: list
    jurisdictions: list
    tenures: list
    built_at: str | None


def read_downloads(path):
    """The tables this script needs, from tracker-json.zip (or a folder holding its files)."""
    path = Path(path)
    if path.is_dir():

        def read(name):
            return (path / name).read_text(encoding="utf-8") if (path / name).exists() else None

    else:
        archive = zipfile.ZipFile(path)

        def read(name):
            return archive.read(name).decode("utf-8") if name in archive.namelist() else None

    def table(name):
        text = read(f"{name}.json")
        if text is None:
            raise SystemExit(f"{path} holds no {name}.json: is it tracker-json.zip from /data/?")
        return json.loads(text)

    manifest = json.loads(read("manifest.json") or "{}")
    return Downloads(
        commitments=table("commitments"),
        offices=table("offices"),
        organisations=table("organisations"),
        jurisdictions=table("jurisdictions"),
        tenures=table("tenures"),
        built_at=manifest.get("built_at"),
    )


def day(text):
    return date.fromisoformat(text) if text else None


def ref_id(ref):
    """The id of a related record, or None when the public may not see it (the downloads then say null)."""
    return ref["id"] if ref else None


def build_day(built_at):
    """The day the downloads were built, in Pakistan time."""
    return datetime.fromisoformat(built_at).astimezone(PAKISTAN_TIME).date()


# --- Places ---------------------------------------------------------------------------------------------


def place_tree(downloads):
    """{place id: the id of the place it is part of}."""
    return {p["id"]: ref_id(p["parent"]) for p in downloads.jurisdictions}


def places_under(tree, place_id):
    """A place and every place under it (a district's tehsils and union councils...)."""
    if place_id is None:
        return set()
    children = defaultdict(list)
    for pk, parent in tree.items():
        children[parent].append(pk)
    found, stack = set(), [place_id]
    while stack:
        pk = stack.pop()
        if pk not in found:
            found.add(pk)
            stack.extend(children.get(pk, []))
    return found


def find_place(downloads, value, tier):
    """The id of the province or district the page's filter names, by its slug or its name in any case."""
    wanted = " ".join(value.split()).casefold()
    found = [
        p
        for p in downloads.jurisdictions
        if p["tier"] == tier and wanted in (p["slug"].casefold(), " ".join(p["name"].split()).casefold())
    ]
    if len(found) != 1:
        raise SystemExit(
            f"No {tier} called “{value}” is in the downloads." if not found else f"“{value}” is ambiguous."
        )
    return found[0]["id"]


# --- Which commitments count, and what is read of each ----------------------------------------------------


@dataclass
class Commitment:
    id: int
    status: str
    deadline: date | None
    place: int | None
    sector: str
    made_by_kind: str | None  # the kind of office that made it (None: not recorded)
    owners: set  # {(role, kind of the owning office)}
    closed_on: date | None  # the first day a final status took effect
    made_on: date | None = None  # the day of the promise
    delivered_on: date | None = None  # the first day a change to Delivered took effect
    stays: dict = field(default_factory=dict)  # {office kind: days}

    @property
    def counted(self):
        """Every published commitment counts, except withdrawn ones: the government took those back."""
        return self.status != WITHDRAWN


def first_final_day(status_changes, statuses=FINAL_STATUSES):
    """The first day a final status (delivered, partially delivered, broken, withdrawn; or one of `statuses`)
    took effect."""
    days = [day(c["effective_date"]) for c in status_changes if c["to_status"] in statuses]
    days = [d for d in days if d is not None]
    return min(days) if days else None


def time_with_each_kind_of_office(movements, until):
    """{office kind: days}: each movement of a commitment's next step lasts until the next one, the last until
    `until` (the day the commitment closed, or today); the days with offices of one kind are added up.
    Movements to offices the public may not see are left out."""
    stops = [(day(m["arrived_on"]), n, m["office"]["kind"]) for n, m in enumerate(movements) if m["office"]]
    stops.sort(key=lambda stop: (stop[0], stop[1]))
    days = {}
    for n, (arrived, _order, kind) in enumerate(stops):
        end = stops[n + 1][0] if n + 1 < len(stops) else until
        days[kind] = days.get(kind, 0) + max((end - arrived).days, 0)
    return days


def read_commitment(c, today):
    commitment = Commitment(
        id=c["id"],
        status=c["status"],
        deadline=day(c["deadline"]),
        place=ref_id(c["jurisdiction"]),
        sector=c["sector"] or "",
        made_by_kind=c["made_by_office"]["kind"] if c["made_by_office"] else None,
        # An owner or maker office that is no longer published is ignored (the downloads leave it null).
        owners={(o["role"], o["office"]["kind"]) for o in c["owners"] if o["office"]},
        closed_on=first_final_day(c["status_changes"]),
        made_on=day(c["made_on"]),
        delivered_on=first_final_day(c["status_changes"], {DELIVERED}),
    )
    if any(m["office"] for m in c["movements"]):
        commitment.stays = time_with_each_kind_of_office(c["movements"], commitment.closed_on or today)
    return commitment


def the_page_filters(downloads, args):
    """The commitments the page counts under its filters: place (and every place under it), sector, and a
    deadline within the period given."""
    tree = place_tree(downloads)
    place = None
    if args.district:
        place = find_place(downloads, args.district, "district")
    elif args.province:
        place = find_place(downloads, args.province, "province")
    area = places_under(tree, place) if place is not None else None

    def kept(c):
        deadline = day(c["deadline"])
        if area is not None and ref_id(c["jurisdiction"]) not in area:
            return False
        if args.sector and c["sector"] != args.sector:
            return False
        if args.due_from and (deadline is None or deadline < args.due_from):
            return False
        return not (args.due_to and (deadline is None or deadline > args.due_to))

    return [c for c in downloads.commitments if kept(c)], place, area


# --- Shares, intervals and medians ------------------------------------------------------------------------


def wilson_interval(successes, total, z=Z_95):
    """The 95% Wilson score interval (low, high) of a share: the range of shares the data are consistent with."""
    if not total:
        return None
    p = successes / total
    denominator = 1 + z * z / total
    centre = (p + z * z / (2 * total)) / denominator
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def median_and_middle_half(values):
    """(lower quartile, median, upper quartile): the "inclusive" quartiles of Python's statistics module."""
    values = sorted(values)
    if not values:
        return None
    if len(values) == 1:
        return values[0], values[0], values[0]
    return tuple(statistics.quantiles(values, n=4, method="inclusive"))


def enough(total):
    return "yes" if total >= MIN_COUNT else "no"


def percent(count, total):
    return "" if not total else f"{count / total * 100:.1f}"


def interval_percent(count, total):
    found = wilson_interval(count, total)
    return ("", "") if found is None else (f"{found[0] * 100:.1f}", f"{found[1] * 100:.1f}")


# --- Outcomes and delay of a group of commitments ---------------------------------------------------------


def delay_past_the_deadline(c, today):
    """Days from the deadline to the first day a final status took effect (0 when on time) for a delivered or
    partially delivered commitment; days from the deadline to today for one still open whose deadline has
    passed. Broken and withdrawn ones, those without a deadline, and delivered ones without a recorded date of
    delivery have none."""
    if c.deadline is None:
        return None
    if c.status in (DELIVERED, PARTIALLY_DELIVERED):
        return None if c.closed_on is None else max((c.closed_on - c.deadline).days, 0)
    if c.status in FINAL_STATUSES:
        return None
    return (today - c.deadline).days if c.deadline < today else None


def outcome_rows(group, today, prefix):
    """The CSV rows of one group: each outcome's share of the counted commitments, the withdrawn ones beside
    them (never inside a share), and the delay's quartiles."""
    counted = [c for c in group if c.counted]
    total = len(counted)
    rows = []
    for name, statuses in OUTCOMES:
        count = sum(1 for c in counted if c.status in statuses)
        rows.append(
            [*prefix, name, count, total, percent(count, total), *interval_percent(count, total), enough(total)]
        )
    withdrawn = len(group) - total
    rows.append(
        [*prefix, "withdrawn", withdrawn, len(group), percent(withdrawn, len(group))]
        + [*interval_percent(withdrawn, len(group)), ""]
    )
    delays = [d for d in (delay_past_the_deadline(c, today) for c in counted) if d is not None]
    quartiles = median_and_middle_half(delays) or ("", "", "")
    rows.append([*prefix, "delay_days", len(delays), "", "", "", "", enough(len(delays)), *quartiles])
    return rows


# --- Periods with and without an elected council ----------------------------------------------------------


@dataclass
class Period:
    kind: str  # elected, administrator, or none (no holder recorded)
    start: date
    end: date


@dataclass
class Council:
    name: str
    place: int | None
    periods: list


def periods_with_and_without_an_elected_council(elected, administrators, today):
    """[Period] from the tenures (start, end) of a council's elected offices and of its administrator offices:
    elected on a day someone held an elected office, run by an administrator when nobody did but someone held
    an administrator office, no holder recorded otherwise; from the first tenure to today."""
    spans = [(start, min(end or today, today), ELECTED) for start, end in elected]
    spans += [(start, min(end or today, today), ADMINISTRATOR) for start, end in administrators]
    spans = [s for s in spans if s[0] <= s[1]]
    if not spans:
        return []
    cuts = sorted({s[0] for s in spans} | {s[1] + ONE_DAY for s in spans} | {today + ONE_DAY})
    periods = []
    for start, following in zip(cuts, cuts[1:], strict=False):
        if start > today:
            break
        end = following - ONE_DAY
        kinds = {kind for first, last, kind in spans if first <= start and end <= last}
        kind = ELECTED if ELECTED in kinds else ADMINISTRATOR if ADMINISTRATOR in kinds else NO_HOLDER
        if periods and periods[-1].kind == kind:
            periods[-1].end = end
        else:
            periods.append(Period(kind, start, end))
    return periods


def local_councils(downloads, today):
    """Every local council with elected or administrator offices that someone held, with its periods, in the
    order of the councils' names."""
    councils = sorted(
        (o for o in downloads.organisations if o["classification"] == "council"), key=lambda o: (o["name"], o["id"])
    )
    wanted = {o["id"] for o in councils}
    office_of = {
        o["id"]: (o["organization"]["id"], o["kind"])
        for o in downloads.offices
        if o["organization"] and o["organization"]["id"] in wanted and o["kind"] in (ELECTED, ADMINISTRATOR)
    }
    # Every council with such an office, even one nobody held.
    held = {org_id: {ELECTED: [], ADMINISTRATOR: []} for org_id, _kind in office_of.values()}
    for t in downloads.tenures:
        if t["office"] and t["office"]["id"] in office_of:
            org_id, kind = office_of[t["office"]["id"]]
            held[org_id][kind].append((day(t["start_date"]), day(t["end_date"])))
    found = []
    for org in councils:
        if org["id"] not in held:
            continue
        tenures = held[org["id"]]
        periods = periods_with_and_without_an_elected_council(tenures[ELECTED], tenures[ADMINISTRATOR], today)
        if periods:
            found.append(Council(org["name"], ref_id(org["jurisdiction"]), periods))
    return found


def fell_due_under(c, councils, areas):
    """The kinds of period ({elected, administrator, none}) that the councils of a commitment's place, or of a
    place above it, were in on its deadline."""
    kinds = set()
    if c.deadline is None:
        return kinds
    for council in councils:
        if c.place in areas[id(council)]:
            kinds.update(p.kind for p in council.periods if p.start <= c.deadline <= p.end)
    return kinds


def within(period, due_from, due_to):
    """The period's days within the page's own period of deadlines, or None when they do not meet."""
    start = max(period.start, due_from) if due_from else period.start
    end = min(period.end, due_to) if due_to else period.end
    return (start, end) if start <= end else None


# --- Like with like ---------------------------------------------------------------------------------------


def district_of(tree, districts):
    """A function giving the district a place is in (itself when it is one), or None above districts."""

    def district(place_id):
        seen, pk = set(), place_id
        while pk is not None and pk not in districts and pk not in seen:
            seen.add(pk)
            pk = tree.get(pk)
        return pk if pk in districts else None

    return district


def cochran_mantel_haenszel(strata):
    """The p-value of the Cochran-Mantel-Haenszel test (with continuity correction) over the strata's 2x2
    tables: each side's delivered and not delivered. Strata that delivered all or nothing on both sides say
    nothing either way and are left out; None when no stratum is left."""
    import numpy as np
    from statsmodels.stats.contingency_tables import StratifiedTable

    tables = []
    for sides in strata:
        rows = [[count, total - count] for count, total in (sides[ELECTED], sides[ADMINISTRATOR])]
        if rows[0][0] + rows[1][0] and rows[0][1] + rows[1][1]:
            tables.append(np.array(rows, dtype=float))
    if not tables:
        return None
    p = float(StratifiedTable(tables).test_null_odds(correction=True).pvalue)
    return None if math.isnan(p) else p


def like_with_like(members):
    """[(stratum, {side: (delivered, counted)})] of the strata that contribute to both sides (at least one
    counted commitment due on each), largest first; then ("all", the sides added up over them) and the test's
    p-value (only with more than one stratum). `members` is {stratum: {side: [commitments]}}."""
    strata = []
    for key, sides in members.items():
        shares = {}
        for side in (ELECTED, ADMINISTRATOR):
            group = sides.get(side, [])
            shares[side] = (sum(1 for c in group if c.status == DELIVERED), len(group))
        if all(total for _count, total in shares.values()):
            strata.append((key, shares))
    strata.sort(key=lambda s: (-(s[1][ELECTED][1] + s[1][ADMINISTRATOR][1]), s[0]))
    pooled = {side: tuple(sum(s[1][side][i] for s in strata) for i in (0, 1)) for side in (ELECTED, ADMINISTRATOR)}
    p = cochran_mantel_haenszel([s[1] for s in strata]) if len(strata) > 1 else None
    return strata, pooled, p


def like_rows(commitments, kinds_of, downloads):
    """The like-with-like table: within the same district, then within the same sector."""
    tree = place_tree(downloads)
    districts = {p["id"]: p["slug"] for p in downloads.jurisdictions if p["tier"] == "district"}
    in_district = district_of(tree, districts)
    by_district, by_sector = {}, {}
    for c in commitments:
        if not c.counted:
            continue
        for side in (ELECTED, ADMINISTRATOR):
            if side not in kinds_of[c.id]:
                continue
            district = in_district(c.place)
            if district is not None:
                by_district.setdefault(districts[district], {}).setdefault(side, []).append(c)
            if c.sector:
                by_sector.setdefault(c.sector, {}).setdefault(side, []).append(c)
    rows = [
        ["comparison", "stratum", "council_period", "delivered", "out_of", "percent", "ci95_low", "ci95_high", "cmh_p"]
    ]
    for dimension, members in (("districts", by_district), ("sectors", by_sector)):
        strata, pooled, p = like_with_like(members)
        for key, shares in [*strata, ("all", pooled)]:
            shown_p = "" if key != "all" or p is None else f"{p:.6g}"
            for side, (count, total) in shares.items():
                rows.append(
                    [dimension, key, side, count, total, percent(count, total)]
                    + [*interval_percent(count, total), shown_p]
                )
    return rows


# --- Time to delivery -------------------------------------------------------------------------------------

# The two clocks: days counted from the deadline, or from the day the promise was made.
FROM_THE_DEADLINE, FROM_THE_PROMISE = "deadline", "promise"
# How far the curves are drawn: three years after a deadline, five after a promise.
HORIZON = {FROM_THE_DEADLINE: 3 * 365, FROM_THE_PROMISE: 5 * 365}
A_YEAR = 365
MAX_POINTS = 60  # the page keeps at most this many points of a curve
# The comparisons of time to delivery, each between two groups: the council's state when the commitment fell
# due, then the owner groups of each role.
TIME_COMPARISONS = (
    ("council", (ELECTED, ADMINISTRATOR)),
    ("political", ("political-elected", "political-administrator")),
    ("administrative", ("administrative-appointed", "administrative-administrator")),
)


def in_group(c, group, kinds_of):
    """Whether a commitment is in a group: a council state when it fell due, or an owner group."""
    if group in (ELECTED, ADMINISTRATOR):
        return group in kinds_of[c.id]
    _name, role, kind = next(g for g in OWNER_GROUPS if g[0] == group)
    return (role, kind) in c.owners


def time_followed(c, clock, today):
    """(days, delivered) of a counted commitment on a clock, or None when it is left out of that clock.
    Delivery, on the first day a change to Delivered took effect, is the event (0 days when on or before the
    deadline); every other counted commitment is still running: followed until today, never counted as failed.
    Left out: delivered ones with no date of delivery, and, from the deadline, those not due yet."""
    if not c.counted:
        return None
    delivered = c.status == DELIVERED
    if delivered and c.delivered_on is None:
        return None
    start = c.deadline if clock == FROM_THE_DEADLINE else c.made_on
    if start is None:
        return None
    if delivered:
        return max((c.delivered_on - start).days, 0), True
    if clock == FROM_THE_DEADLINE and c.deadline >= today:
        return None  # not due yet: it cannot be late
    return max((today - start).days, 0), False


def finite(value):
    value = float(value)
    return None if math.isnan(value) or math.isinf(value) else value


def share_delivered_curve(fitter):
    """[(day, share delivered, low, high)] at each day the Kaplan-Meier estimate changes: one minus the share
    not yet delivered, with its 95% interval (lifelines' default, the exponential Greenwood interval)."""
    days = [float(t) for t in fitter.survival_function_.index]
    still = fitter.survival_function_.iloc[:, 0].tolist()
    lower = fitter.confidence_interval_.iloc[:, 0].tolist()
    upper = fitter.confidence_interval_.iloc[:, 1].tolist()
    rows = []
    for when, s, lo, hi in zip(days, still, lower, upper, strict=True):
        lo = s if math.isnan(lo) else lo
        hi = s if math.isnan(hi) else hi
        rows.append((when, 1 - s, 1 - hi, 1 - lo))
    if not rows or rows[0][0] > 0:
        rows.insert(0, (0.0, 0.0, 0.0, 0.0))
    return rows


def on_day(rows, when):
    """The curve's row in force on a day (the last step on or before it)."""
    found = rows[0]
    for row in rows:
        if row[0] > when:
            break
        found = row
    return found


def curve_points(rows, end):
    """The curve up to `end` as the page keeps it: its own steps when there are at most MAX_POINTS, else the
    curve read on MAX_POINTS evenly spaced days; days whole, shares to four decimals."""
    inside = [r for r in rows if r[0] <= end]
    if inside[-1][0] < end:
        inside.append((end, *on_day(rows, end)[1:]))
    if len(inside) > MAX_POINTS:
        spaced = [end * i / (MAX_POINTS - 1) for i in range(MAX_POINTS)]
        inside = [(round(when), *on_day(rows, when)[1:]) for when in spaced]
    return [(round(d), round(s, 4), round(lo, 4), round(hi, 4)) for d, s, lo, hi in inside]


@dataclass
class TimeGroup:
    comparison: str
    group: str
    clock: str
    observed: list  # [(days, delivered)]
    by_deadline: tuple | None = None  # (share, low, high)
    within_a_year: tuple | None = None
    median: tuple | None = None  # (days, low, high), None for "not reached"
    points: list = field(default_factory=list)
    logrank_p: float | None = None


def kaplan_meier(group):
    """The group's Kaplan-Meier estimate (lifelines), when at least MIN_COUNT commitments are behind it."""
    if len(group.observed) < MIN_COUNT:
        return
    from lifelines import KaplanMeierFitter
    from lifelines.utils import median_survival_times

    fitter = KaplanMeierFitter().fit([d for d, _e in group.observed], [e for _d, e in group.observed])
    rows = share_delivered_curve(fitter)
    if group.clock == FROM_THE_DEADLINE:
        group.by_deadline = on_day(rows, 0)[1:]
    followed = max(d for d, _e in group.observed)
    if followed >= A_YEAR or all(e for _d, e in group.observed):
        group.within_a_year = on_day(rows, A_YEAR)[1:]
    bounds = median_survival_times(fitter.confidence_interval_)
    group.median = (finite(fitter.median_survival_time_), finite(bounds.iloc[0, 0]), finite(bounds.iloc[0, 1]))
    group.points = curve_points(rows, min(followed, HORIZON[group.clock]))


def log_rank(first, second):
    """The p-value of the log-rank test between two groups, when both have at least MIN_COUNT commitments."""
    if len(first.observed) < MIN_COUNT or len(second.observed) < MIN_COUNT:
        return None
    from lifelines.statistics import logrank_test

    a, b = first.observed, second.observed
    return finite(logrank_test([d for d, _e in a], [d for d, _e in b], [e for _d, e in a], [e for _d, e in b]).p_value)


def time_to_delivery(page):
    """[TimeGroup] of every comparison, clock and group, in the page's order."""
    groups = []
    for comparison, pair in TIME_COMPARISONS:
        for clock in (FROM_THE_DEADLINE, FROM_THE_PROMISE):
            two = []
            for name in pair:
                members = [c for c in page.commitments if in_group(c, name, page.kinds_of)]
                observed = [t for t in (time_followed(c, clock, page.today) for c in members) if t is not None]
                group = TimeGroup(comparison, name, clock, observed)
                kaplan_meier(group)
                two.append(group)
            p = log_rank(*two)
            for group in two:
                group.logrank_p = p
            groups += two
    return groups


def at_day_cells(found):
    return ["", "", ""] if found is None else [f"{v * 100:.1f}" for v in found]


def median_cells(median):
    return ["", "", ""] if median is None else ["not reached" if v is None else f"{v:g}" for v in median]


def survival_table(page):
    """Time to delivery: each group's counts, the shares delivered by the deadline and within a year, the
    median time to delivery, and the log-rank test of its comparison."""
    rows = [
        ["comparison", "group", "clock", "commitments", "delivered", "censored", "enough"]
        + ["delivered_by_deadline_percent", "by_deadline_ci95_low", "by_deadline_ci95_high"]
        + ["within_a_year_percent", "within_a_year_ci95_low", "within_a_year_ci95_high"]
        + ["median_days", "median_ci95_low", "median_ci95_high", "logrank_p"]
    ]
    for g in time_to_delivery(page):
        delivered = sum(1 for _d, e in g.observed if e)
        rows.append(
            [g.comparison, g.group, g.clock, len(g.observed), delivered, len(g.observed) - delivered]
            + [enough(len(g.observed)), *at_day_cells(g.by_deadline), *at_day_cells(g.within_a_year)]
            + [*median_cells(g.median), "" if g.logrank_p is None else f"{g.logrank_p:.4g}"]
        )
    return rows


def curves_table(page):
    """The points of each Kaplan-Meier curve: the share delivered by each day, with its 95% interval."""
    rows = [["comparison", "group", "clock", "day", "share_delivered_percent", "ci95_low", "ci95_high"]]
    for g in time_to_delivery(page):
        for when, share, low, high in g.points:
            rows.append([g.comparison, g.group, g.clock, when, *(f"{v * 100:.1f}" for v in (share, low, high))])
    return rows


# --- The tables -------------------------------------------------------------------------------------------

MEASURE_HEADER = ["measure", "count", "out_of", "percent", "ci95_low", "ci95_high", "enough", "q1", "median", "q3"]
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")
CONTROLS = {*map(chr, range(0x00, 0x09)), *map(chr, range(0x0B, 0x20)), *map(chr, range(0x7F, 0xA0))}
BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def as_exported(text):
    """A name as the site's CSV files write it: without control characters, and with a quote before a text a
    spreadsheet program would run as a formula."""
    text = text.replace("\r\n", "\n").translate({ord("\r"): "\n", 0x2028: "\n", 0x2029: "\n"})
    text = "".join(ch for ch in text if ch not in CONTROLS and ch not in BIDI_CONTROLS)
    return "'" + text if text.lstrip("'").startswith(FORMULA_PREFIXES) else text


@dataclass
class Page:
    """What the page's tables read: the commitments it counts under its filters, the councils and the places
    under each, the kinds of period each commitment fell due in, and the page's own place (with every place
    under it) when it has one."""

    downloads: Downloads
    args: argparse.Namespace
    today: date
    commitments: list
    councils: list
    areas: dict  # {id(council): the places under it}
    kinds_of: dict  # {commitment id: {elected, administrator, none}}
    area: set | None


def the_page(downloads, args, today):
    records, _place, area = the_page_filters(downloads, args)
    commitments = [read_commitment(c, today) for c in records]
    tree = place_tree(downloads)
    councils = local_councils(downloads, today)
    areas = {id(council): places_under(tree, council.place) for council in councils}
    kinds_of = {c.id: fell_due_under(c, councils, areas) for c in commitments}
    return Page(downloads, args, today, commitments, councils, areas, kinds_of, area)


def owners_table(page):
    """Owner groups: a commitment is in "political owner: elected office" when one of its political owners is
    an elected office, and likewise for the others."""
    rows = [["group", *MEASURE_HEADER]]
    for name, role, kind in OWNER_GROUPS:
        rows += outcome_rows([c for c in page.commitments if (role, kind) in c.owners], page.today, [name])
    return rows


def councils_table(page):
    """Commitments due while the council over them was elected, or run by an administrator."""
    rows = [["council_period", *MEASURE_HEADER]]
    for side in (ELECTED, ADMINISTRATOR):
        rows += outcome_rows([c for c in page.commitments if side in page.kinds_of[c.id]], page.today, [side])
    return rows


def like_table(page):
    return like_rows(page.commitments, page.kinds_of, page.downloads)


def periods_table(page):
    """Each council's periods, with the commitments of its place (or of the page's place, when that is under
    it) that fell due in them and within the page's own period."""
    rows = [["council", "place_id", "period", "from", "until", *MEASURE_HEADER]]
    for council in page.councils:
        council_area = page.areas[id(council)]
        if page.area is not None and not (council_area & page.area):
            continue  # neither the page's place, nor above it, nor under it
        narrow = council_area if page.area is None or council.place in page.area else page.area
        for period in council.periods:
            if period.kind == NO_HOLDER:
                continue
            days = within(period, page.args.due_from, page.args.due_to)
            if days is None:
                continue
            due = [c for c in page.commitments if c.place in narrow and c.deadline and days[0] <= c.deadline <= days[1]]
            prefix = [as_exported(council.name), council.place, period.kind, period.start, period.end]
            rows += outcome_rows(due, page.today, prefix)
    return rows


def time_table(page):
    """Time with each kind of office: the median over the counted commitments that went to such an office."""
    rows = [["office_kind", "commitments", "q1_days", "median_days", "q3_days", "enough"]]
    for kind in OFFICE_KINDS:
        values = [c.stays[kind] for c in page.commitments if c.counted and kind in c.stays]
        rows.append([kind, len(values), *(median_and_middle_half(values) or ("", "", "")), enough(len(values))])
    return rows


def makers_table(page):
    """Who made them: by the kind of office that made each counted commitment."""
    counted = [c for c in page.commitments if c.counted]
    rows = [["made_by", "made", "of_all", "delivered", "partially_delivered", "delivered_percent"]]
    for kind in (*OFFICE_KINDS, "none"):
        made = [c for c in counted if (c.made_by_kind or "none") == kind]
        kept = sum(1 for c in made if c.status == DELIVERED)
        partly = sum(1 for c in made if c.status == PARTIALLY_DELIVERED)
        rows.append([kind, len(made), len(counted), kept, partly, percent(kept, len(made))])
    return rows


TABLE_OF = {
    "owners": owners_table,
    "councils": councils_table,
    "like": like_table,
    "periods": periods_table,
    "time": time_table,
    "makers": makers_table,
    "survival": survival_table,
    "curves": curves_table,
}


def who_delivers(downloads, args, today, tables=TABLES):
    """{table: [rows]} of the page's tables under its filters."""
    page = the_page(downloads, args, today)
    return {name: TABLE_OF[name](page) for name in tables}


def as_csv(rows):
    out = io.StringIO()
    csv.writer(out).writerows(rows)  # the page's CSV: comma-separated, lines ending in CRLF
    return out.getvalue()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog="Tables: " + ", ".join(TABLES))
    parser.add_argument("downloads", help="tracker-json.zip from /data/ (or a folder of its files)")
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--table", choices=TABLES, help="print one table as CSV")
    which.add_argument("--all", metavar="DIR", type=Path, help="write every table to DIR/who-delivers-<table>.csv")
    place = parser.add_mutually_exclusive_group()
    place.add_argument("--province", help="a province's slug or name")
    place.add_argument("--district", help="a district's slug or name")
    parser.add_argument("--sector", choices=SECTORS, help="a sector, as the downloads spell it")
    parser.add_argument("--due-from", type=date.fromisoformat, help="deadlines on or after this day (YYYY-MM-DD)")
    parser.add_argument("--due-to", type=date.fromisoformat, help="deadlines on or before this day (YYYY-MM-DD)")
    parser.add_argument("--today", type=date.fromisoformat, help="count delays to this day (default: the build day)")
    args = parser.parse_args(argv)
    if args.due_from and args.due_to and args.due_from > args.due_to:
        parser.error("The period must start before it ends.")
    downloads = read_downloads(args.downloads)
    today = args.today or (build_day(downloads.built_at) if downloads.built_at else None)
    if today is None:
        parser.error("The downloads say nothing of when they were built: give --today.")
    tables = who_delivers(downloads, args, today, [args.table] if args.table else TABLES)
    if args.table:
        sys.stdout.buffer.write(as_csv(tables[args.table]).encode("utf-8"))
        return
    args.all.mkdir(parents=True, exist_ok=True)
    for name in TABLES:
        (args.all / f"who-delivers-{name}.csv").write_bytes(as_csv(tables[name]).encode("utf-8"))


if __name__ == "__main__":
    main()

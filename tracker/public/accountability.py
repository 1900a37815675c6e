"""The accountability page ("Who delivers"): its filters, the report it shows, and the same report
as CSV tables. The measures are in `delivery.py`, the council periods in `council_periods.py`."""

import csv
import io
from dataclasses import dataclass
from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from tracker.models.vocabulary import JurisdictionTier, Sector
from tracker.public import collector, delivery, like_with_like, names, survival
from tracker.public import council_periods as cp
from tracker.public.filters import DATE_PICKER
from tracker.spreadsheets.cells import exported


def _with_any(choices):
    return [("", _("Any")), *choices]


class AccountabilityForm(forms.Form):
    province = forms.CharField(label=_("Province"), required=False, max_length=120)
    district = forms.CharField(label=_("District"), required=False, max_length=120)
    sector = forms.ChoiceField(label=_("Sector"), choices=_with_any(Sector.choices), required=False)
    due_from = forms.DateField(label=_("Due on or after"), required=False, widget=DATE_PICKER)
    due_to = forms.DateField(label=_("Due on or before"), required=False, widget=DATE_PICKER)

    def _place(self, name, tier):
        slug = self.cleaned_data[name]
        if not slug:
            return None
        place = names.find("place", slug).record  # by name or slug, in any case, as the lists take it
        if place is None or place.tier != tier:
            raise forms.ValidationError(_("No %(tier)s called “%(slug)s” is tracked.") % {"tier": tier, "slug": slug})
        return place

    def clean_province(self):
        return self._place("province", JurisdictionTier.PROVINCE)

    def clean_district(self):
        return self._place("district", JurisdictionTier.DISTRICT)

    def clean(self):
        data = super().clean()
        start, end = data.get("due_from"), data.get("due_to")
        if start and end and start > end:
            raise forms.ValidationError(_("The period must start before it ends."))
        return data

    @property
    def place(self):
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        return data.get("district") or data.get("province")

    def query(self):
        """The commitment list's filters for everything this page counts."""
        data = self.cleaned_data if self.is_bound else {}
        place = self.place
        return {
            "jurisdiction": place.slug if place else "",
            "sector": data.get("sector") or "",
            "due_from": data["due_from"].isoformat() if data.get("due_from") else "",
            "due_to": data["due_to"].isoformat() if data.get("due_to") else "",
        }

    def filter(self, commitments):
        from tracker.models.querysets import descendant_ids

        data = self.cleaned_data if self.is_bound else {}
        if self.place:
            commitments = commitments.filter(jurisdiction_id__in=descendant_ids(self.place))
        if data.get("sector"):
            commitments = commitments.filter(sector=data["sector"])
        if data.get("due_from"):
            commitments = commitments.filter(deadline__gte=data["due_from"])
        if data.get("due_to"):
            commitments = commitments.filter(deadline__lte=data["due_to"])
        return commitments


@dataclass
class CouncilPeriodRow:
    council: object
    period: object
    measures: object


@dataclass
class Report:
    total: int
    owner_groups: list  # [Measures]
    council_groups: list  # [Measures]: due while elected / run by an administrator
    council_rows: list  # [CouncilPeriodRow]
    kinds: list  # [KindStay]
    makers: list  # [MakerRow]
    # The council comparison within districts and within sectors ([like_with_like.Comparison]). A default, so
    # a report stored before it existed still reads (without it) until it is computed again.
    like: tuple = ()
    # Time to delivery (survival.TimeToDelivery). None in a report kept by an older version of the code: the
    # page then leaves the section out until the report is computed again.
    time_to_delivery: object = None


def _clip(period, query):
    """The period's dates within the page's own period, or None when they do not meet."""
    start = max(period.start.isoformat(), query["due_from"] or "")
    end = min(period.end.isoformat(), query["due_to"] or "9999-12-31")
    return (start, end) if start <= end else None


@collector.held_back_while
def build_report(form, today):
    """Everything the page shows, in a fixed number of queries whatever the number of commitments."""
    from tracker.models import Commitment

    query = form.query()
    commitments = form.filter(Commitment.objects.published())
    facts = delivery.load_facts(commitments, today)
    councils = cp.councils(today)
    tree = cp.place_tree()
    subtrees = {c.jurisdiction_id: cp.under(tree, c.jurisdiction_id) for c in councils}
    due_in = cp.due_in(facts)
    kinds_of = cp.council_kinds(facts, due_in, councils, subtrees)
    council_groups = [
        delivery.measure(
            kind, cp.PERIOD_KINDS[kind], [f for f in facts if kind in kinds_of[f.pk]], today, {**query, "council": kind}
        )
        for kind in (cp.ELECTED, cp.ADMINISTRATOR)
    ]
    place = form.place
    area = cp.under(tree, place.pk) if place else None
    slugs = _slugs(tree, councils, place)
    rows = []
    for council in councils:
        council_area = subtrees[council.jurisdiction_id]
        if area is not None and not (council_area & area):
            continue  # neither the place, nor above it, nor under it
        # The narrower of the page's place and the council's: one is always under the other.
        narrow = council.jurisdiction_id if area is None or council.jurisdiction_id in area else place.pk
        narrow_area = council_area if narrow == council.jurisdiction_id else area
        due_here = [f for place_id in narrow_area for f in due_in.get(place_id, ())]
        for period in council.periods:
            if period.kind == cp.NONE:
                continue
            clipped = _clip(period, query)
            if clipped is None:
                continue
            start, end = (date.fromisoformat(day) for day in clipped)
            members = [f for f in due_here if start <= f.deadline <= end]
            sub = {**query, "jurisdiction": slugs.get(narrow, ""), "due_from": clipped[0], "due_to": clipped[1]}
            rows.append(
                CouncilPeriodRow(council, period, delivery.measure(period.kind, period.label, members, today, sub))
            )
    return Report(
        total=len(facts),
        owner_groups=delivery.by_owner_group(facts, today, query),
        council_groups=council_groups,
        council_rows=rows,
        kinds=delivery.time_with_kinds(facts, query),
        makers=delivery.makers(facts, query),
        like=tuple(like_with_like.compare(commitments, facts, kinds_of, tree, query)),
        time_to_delivery=survival.time_to_delivery(facts, kinds_of, today, query),
    )


def _slugs(tree, councils, place):
    from tracker.models import Jurisdiction

    ids = {c.jurisdiction_id for c in councils} | ({place.pk} if place else set())
    return dict(Jurisdiction.objects.filter(pk__in=ids).values_list("pk", "slug"))


# --- CSV ------------------------------------------------------------------------------------------------

TABLES = ("owners", "councils", "like", "periods", "time", "makers", "survival", "curves")


def _pct(share):
    value = share.value
    return "" if value is None else f"{value * 100:.1f}"


def _interval(share):
    found = share.interval
    return ("", "") if found is None else (f"{found[0] * 100:.1f}", f"{found[1] * 100:.1f}")


def _measure_rows(m, prefix):
    rows = []
    for key, _label, share in m.outcomes:
        low, high = _interval(share)
        rows.append([*prefix, key, share.count, share.total, _pct(share), low, high, "yes" if share.enough else "no"])
    low, high = _interval(m.withdrawn)
    rows.append([*prefix, "withdrawn", m.withdrawn.count, m.withdrawn.total, _pct(m.withdrawn), low, high, ""])
    q = m.delay.quartiles or ("", "", "")
    rows.append([*prefix, "delay_days", m.delay.count, "", "", "", "", "yes" if m.delay.enough else "no", *q])
    return rows


def _like_csv(writer, comparisons):
    """Each stratum's two sides, then each comparison's pooled sides and its test (stratum "all")."""
    writer.writerow(
        ["comparison", "stratum", "council_period", "delivered", "out_of", "percent", "ci95_low", "ci95_high", "cmh_p"]
    )
    for comparison in comparisons:
        for key, shares in [*((s.key, s.sides) for s in comparison.strata), ("all", comparison.pooled)]:
            p = "" if key != "all" or comparison.p_value is None else f"{comparison.p_value:.6g}"
            for side, share in shares.items():
                low, high = _interval(share)
                writer.writerow([comparison.dimension, key, side, share.count, share.total, _pct(share), low, high, p])


def _at_day(found):
    if found is None:
        return ["", "", ""]
    return [f"{found.share * 100:.1f}", f"{found.low * 100:.1f}", f"{found.high * 100:.1f}"]


def _median(group):
    if group.median is None:
        return ["", "", ""]
    return ["not reached" if v is None else f"{v:g}" for v in (group.median.days, group.median.low, group.median.high)]


SURVIVAL_HEADER = [
    "comparison",
    "group",
    "clock",
    "commitments",
    "delivered",
    "censored",
    "enough",
    "delivered_by_deadline_percent",
    "by_deadline_ci95_low",
    "by_deadline_ci95_high",
    "within_a_year_percent",
    "within_a_year_ci95_low",
    "within_a_year_ci95_high",
    "median_days",
    "median_ci95_low",
    "median_ci95_high",
    "logrank_p",
]


def _survival_rows(report, curves):
    found = report.time_to_delivery
    for comparison in found.comparisons if found else []:
        for clock in comparison.clocks:
            for group in clock.groups:
                prefix = [comparison.key, group.key, clock.clock]
                if curves:
                    for day, share, low, high in group.points:
                        yield [*prefix, day, f"{share * 100:.1f}", f"{low * 100:.1f}", f"{high * 100:.1f}"]
                    continue
                p = "" if clock.p_value is None else f"{clock.p_value:.4g}"
                yield [
                    *prefix,
                    group.commitments,
                    group.delivered,
                    group.running,
                    "yes" if group.enough else "no",
                    *_at_day(group.by_deadline),
                    *_at_day(group.within_year),
                    *_median(group),
                    p,
                ]


MEASURE_HEADER = ["measure", "count", "out_of", "percent", "ci95_low", "ci95_high", "enough", "q1", "median", "q3"]


def report_csv(report, table):
    """The rows of one of the page's tables as CSV text (numbers unrounded but for percentages)."""
    out = io.StringIO()
    writer = csv.writer(out)
    if table == "owners":
        writer.writerow(["group", *MEASURE_HEADER])
        for m in report.owner_groups:
            writer.writerows(_measure_rows(m, [m.key]))
    elif table == "councils":
        writer.writerow(["council_period", *MEASURE_HEADER])
        for m in report.council_groups:
            writer.writerows(_measure_rows(m, [m.key]))
    elif table == "periods":
        writer.writerow(["council", "place_id", "period", "from", "until", *MEASURE_HEADER])
        for row in report.council_rows:
            p = row.period
            prefix = [exported(row.council.organization.name), row.council.jurisdiction_id, p.kind, p.start, p.end]
            writer.writerows(_measure_rows(row.measures, prefix))
    elif table == "time":
        writer.writerow(["office_kind", "commitments", "q1_days", "median_days", "q3_days", "enough"])
        for row in report.kinds:
            q = row.days.quartiles or ("", "", "")
            writer.writerow([row.kind, row.days.count, *q, "yes" if row.days.enough else "no"])
    elif table == "like":
        _like_csv(writer, report.like)
    elif table == "makers":
        writer.writerow(["made_by", "made", "of_all", "delivered", "partially_delivered", "delivered_percent"])
        for row in report.makers:
            writer.writerow(
                [row.kind, row.made.count, row.made.total, row.kept.count, row.partly.count, _pct(row.kept)]
            )
    elif table == "survival":
        writer.writerow(SURVIVAL_HEADER)
        writer.writerows(_survival_rows(report, curves=False))
    elif table == "curves":
        writer.writerow(["comparison", "group", "clock", "day", "share_delivered_percent", "ci95_low", "ci95_high"])
        writer.writerows(_survival_rows(report, curves=True))
    return out.getvalue()

"""Like with like: the council comparison of "Who delivers" again within each district and within each sector,
so a reader sees whether a difference between elected councils and administrators survives when the same
places (or the same kinds of work) are on both sides (issue 26, item 3; the methodology's #like-with-like).

The rules, which the methodology page states in words:

- A **stratum** is a district (the district a commitment's place is in; commitments of a whole province or
  of the country are in no district and left out of the district comparison) or a sector.
- A commitment is on the elected side, the administrator side, or both, exactly as in the page's council
  comparison (`council_periods.council_kinds`): by the day it fell due.
- A stratum **contributes to both sides** when at least one counted commitment of it fell due on each side.
  Only those are compared; how many contribute, and how many had commitments on one side only, is said.
- The **shares in the same strata** add up both sides over the strata that contribute to both.
- The **direction** counts the strata with at least MIN_COUNT on each side in which the share delivered was
  lower, higher or the same under an administrator.
- The **Cochran-Mantel-Haenszel test** (statsmodels) asks whether delivered and not delivered are spread
  differently between the two sides within strata, every stratum weighed by its size; its p-value is read
  in plain words against 0.05, never as a cause.
"""

import math
from dataclasses import dataclass

from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from tracker.models.vocabulary import CommitmentStatus, JurisdictionTier, Sector
from tracker.public import council_periods as cp
from tracker.public.delivery import MIN_COUNT, Share, list_url

DISTRICTS, SECTORS = "districts", "sectors"
DIMENSIONS = {DISTRICTS: _("Within the same district"), SECTORS: _("Within the same sector")}
SIDES = (cp.ELECTED, cp.ADMINISTRATOR)
# The usual threshold: a difference at least this unlikely, were delivery the same on both sides within every
# stratum, is called unusual. The page gives the p-value itself beside the words.
UNUSUAL_BELOW = 0.05


@dataclass
class Stratum:
    key: str  # a district's slug or a sector's value
    place: object  # the district (a Jurisdiction), or None for a sector
    label: str  # a sector's name; a district is named in the page's language from `place`
    sides: dict  # {side: Share of delivered out of counted}

    @property
    def elected(self):
        return self.sides[cp.ELECTED]

    @property
    def administrator(self):
        return self.sides[cp.ADMINISTRATOR]

    @property
    def both(self):
        return all(share.total for share in self.sides.values())

    @property
    def enough(self):
        return all(share.total >= MIN_COUNT for share in self.sides.values())


@dataclass
class Comparison:
    dimension: str
    strata: list  # [Stratum] that contribute to both sides, largest first
    one_side_only: int  # strata with counted commitments due on one side only
    pooled: dict  # {side: Share} over the strata that contribute to both
    lower: int  # strata with enough on both sides where the administrator side's share is lower
    higher: int
    same: int
    p_value: float | None  # the Cochran-Mantel-Haenszel test, when it can be run

    @property
    def label(self):
        return DIMENSIONS[self.dimension]

    @property
    def compared(self):
        return self.lower + self.higher + self.same

    @property
    def enough(self):
        return all(share.total >= MIN_COUNT for share in self.pooled.values())

    @property
    def unusual(self):
        return self.p_value is not None and self.p_value < UNUSUAL_BELOW


def _district_of(tree, districts):
    """A function giving the district id a place is in (itself when it is one), or None above districts."""
    found = {}

    def district(place_id):
        if place_id not in found:
            seen, pk = set(), place_id
            while pk is not None and pk not in districts and pk not in seen:
                seen.add(pk)
                pk = tree.get(pk)
            found[place_id] = pk if pk in districts else None
        return found[place_id]

    return district


def _cmh_p_value(strata):
    """The p-value of the Cochran-Mantel-Haenszel test over the strata's 2x2 tables (side by delivered or not),
    or None when no stratum could move it (every one delivered all or nothing on both sides)."""
    import numpy as np
    from statsmodels.stats.contingency_tables import StratifiedTable

    tables = []
    for stratum in strata:
        rows = [[s.count, s.total - s.count] for s in (stratum.elected, stratum.administrator)]
        if rows[0][0] + rows[1][0] and rows[0][1] + rows[1][1]:  # otherwise it says nothing either way
            tables.append(np.array(rows, dtype=float))
    if not tables:
        return None
    p = float(StratifiedTable(tables).test_null_odds(correction=True).pvalue)
    return None if math.isnan(p) else p


def _compare(dimension, members, labels, query, query_key):
    """The Comparison over `members`: {stratum key: {side: [Facts]}}."""
    strata, one_side = [], 0
    for key, sides in members.items():
        place, label = labels.get(key, (None, key))
        stratum = Stratum(
            key,
            place,
            label,
            {
                side: Share(
                    sum(1 for f in sides.get(side, []) if f.status == CommitmentStatus.DELIVERED),
                    len(sides.get(side, [])),
                    list_url(query, **{query_key: key}, council=side, counted=1, status=CommitmentStatus.DELIVERED),
                )
                for side in SIDES
            },
        )
        if stratum.both:
            strata.append(stratum)
        elif any(share.total for share in stratum.sides.values()):
            one_side += 1
    strata.sort(key=lambda s: (-(s.elected.total + s.administrator.total), s.key))
    # The pooled figures cover several strata, which no single list address selects: they link nowhere.
    pooled = {
        side: Share(sum(s.sides[side].count for s in strata), sum(s.sides[side].total for s in strata), "")
        for side in SIDES
    }
    directions = [
        (s.administrator.count * s.elected.total > s.elected.count * s.administrator.total)
        - (s.administrator.count * s.elected.total < s.elected.count * s.administrator.total)
        for s in strata
        if s.enough
    ]
    return Comparison(
        dimension,
        strata,
        one_side,
        pooled,
        lower=directions.count(-1),
        higher=directions.count(1),
        same=directions.count(0),
        p_value=_cmh_p_value(strata) if len(strata) > 1 else None,
    )


def compare(commitments, facts, kinds_of, tree, query):
    """[Comparison] within districts and within sectors, from the report's commitments (a queryset), their
    facts and council kinds (two queries: the districts, the commitments' sectors)."""
    from tracker.models import Jurisdiction

    districts = {place.pk: place for place in Jurisdiction.objects.published().filter(tier=JurisdictionTier.DISTRICT)}
    district_of = _district_of(tree, districts)
    sectors = dict(commitments.order_by().values_list("pk", "sector"))
    by_district, by_sector = {}, {}
    for f in facts:
        if not f.counted:
            continue
        for side in SIDES:
            if side not in kinds_of[f.pk]:
                continue
            district = district_of(f.jurisdiction_id)
            if district is not None:
                by_district.setdefault(districts[district].slug, {}).setdefault(side, []).append(f)
            if sectors.get(f.pk):
                by_sector.setdefault(sectors[f.pk], {}).setdefault(side, []).append(f)
    district_labels = {place.slug: (place, place.name) for place in districts.values()}
    sector_labels = {value: (None, label) for value, label in Sector.choices}
    return [
        _compare(DISTRICTS, by_district, district_labels, query, "jurisdiction"),
        _compare(SECTORS, by_sector, sector_labels, query, "sector"),
    ]


# --- In words ---------------------------------------------------------------------------------------------


def _side_words(share):
    values = {"count": share.count, "total": share.total}
    if not share.enough:
        return gettext("%(count)s of %(total)s") % values
    low, high = share.interval_percent
    return gettext("%(count)s of %(total)s (%(percent)s%%, range %(low)s–%(high)s%%)") % {
        **values,
        "percent": share.percent,
        "low": low,
        "high": high,
    }


def in_words(comparison):
    """What one Comparison says, as sentences in the page's language, by the module's rules."""
    n, others = len(comparison.strata), comparison.one_side_only
    districts = comparison.dimension == DISTRICTS
    if not n:
        return [
            gettext("No district had commitments fall due both under an elected council and under an administrator.")
            if districts
            else gettext("No sector had commitments fall due both under an elected council and under an administrator.")
        ]
    values = {"n": n, "others": others}
    sentences = [
        (
            ngettext(
                "%(n)s district had commitments fall due both under an elected council and under an administrator.",
                "%(n)s districts had commitments fall due both under an elected council and under an administrator.",
                n,
            )
            if districts
            else ngettext(
                "%(n)s sector had commitments fall due both under an elected council and under an administrator.",
                "%(n)s sectors had commitments fall due both under an elected council and under an administrator.",
                n,
            )
        )
        % values
    ]
    if others:
        sentences.append(
            ngettext(
                "%(others)s more had them under only one of the two and is left out.",
                "%(others)s more had them under only one of the two and are left out.",
                others,
            )
            % values
        )
    elected, administrator = comparison.pooled[cp.ELECTED], comparison.pooled[cp.ADMINISTRATOR]
    sentences.append(
        gettext(
            "Counting only those, %(elected)s were delivered under an elected council "
            "and %(administrator)s under an administrator."
        )
        % {"elected": _side_words(elected), "administrator": _side_words(administrator)}
    )
    if comparison.compared:
        sentences.append(
            gettext(
                "Of the %(n)s with at least %(min)s on each side, the share delivered was lower under an "
                "administrator in %(lower)s, higher in %(higher)s and the same in %(same)s."
            )
            % {
                "n": comparison.compared,
                "min": MIN_COUNT,
                "lower": comparison.lower,
                "higher": comparison.higher,
                "same": comparison.same,
            }
        )
    if not comparison.enough:
        sentences.append(gettext("That is too few to compare like with like."))
    elif comparison.p_value is not None:
        p = {"p": f"{comparison.p_value:.2g}" if comparison.p_value >= 0.001 else "< 0.001"}
        sentences.append(
            gettext(
                "Compared within each of them, a difference like this would be unusual if delivery were the same on "
                "both sides (Cochran-Mantel-Haenszel test, p = %(p)s). The records do not say what caused it."
            )
            % p
            if comparison.unusual
            else gettext(
                "Compared within each of them, a difference like this could well arise by chance "
                "(Cochran-Mantel-Haenszel test, p = %(p)s)."
            )
            % p
        )
    return sentences

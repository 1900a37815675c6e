"""My district (/my-district/): a citizen chooses their province, then their district, and lands on one page
that answers what they came for: the commitments made for the district (and the places in it), its
offices with who holds each of them today, and whether its council is elected or run by an
administrator (the periods of tracker/public/council_periods.py, read from the tenures of its council's
offices).

The chooser reads the published place tree in one query; a district's page reads its offices and all
their tenures in two, and its commitments from the place's maintained summary (the figures of its place
page), whatever the number of offices, holders and commitments.
"""

from dataclasses import dataclass, field

from django.utils import timezone

from tracker.models import translations
from tracker.models.vocabulary import JurisdictionTier, OfficeKind, OrganizationKind
from tracker.public.alphabet import sort_key
from tracker.public.council_periods import ADMINISTRATOR, ELECTED, periods_from_tenures
from tracker.public.ownership import holders_on, tenures_by_office

# The order a district's offices are listed in: who answers to voters, who runs a lapsed council, then
# the civil servants.
KIND_ORDER = {OfficeKind.ELECTED: 0, OfficeKind.ADMINISTRATOR: 1, OfficeKind.APPOINTED: 2}


@dataclass(frozen=True)
class Place:
    pk: int
    parent: int | None
    tier: str
    slug: str
    name: str
    name_ur: str

    def shown_name(self, language):
        return translations.choose(self.name, self.name_ur, language).text


def published_places():
    """{id: Place} of every published place (one query)."""
    from tracker.models import Jurisdiction

    fields = ("pk", "parent_id", "tier", "slug", "name", "name_ur")
    return {row[0]: Place(*row) for row in Jurisdiction.objects.published().values_list(*fields)}


def _in_order(places, language):
    return sorted(places, key=lambda p: sort_key(p.shown_name(language)))


def provinces(places, language):
    return _in_order([p for p in places.values() if p.tier == JurisdictionTier.PROVINCE], language)


def districts_in(places, province, language):
    """The districts under `province`, at any depth (Pakistan's districts sit in divisions)."""
    children = {}
    for p in places.values():
        children.setdefault(p.parent, []).append(p)
    found, stack, seen = [], [province.pk], set()
    while stack:
        pk = stack.pop()
        if pk in seen:
            continue
        seen.add(pk)
        for child in children.get(pk, []):
            if child.tier == JurisdictionTier.DISTRICT:
                found.append(child)
            else:
                stack.append(child.pk)
    return _in_order(found, language)


@dataclass
class OfficeNow:
    office: object
    holders: list  # the tenures covering today: the substantive holder first

    @property
    def vacant(self):
        return not self.holders


@dataclass
class CouncilNow:
    """A council of the place and what it is today."""

    organization: object
    period: object = None  # the period running today (council_periods.Period), or None: no holder recorded
    before: object = None  # the period before it, if of another kind
    offices: list = field(default_factory=list)  # OfficeNow of its elected and administrator offices

    @property
    def elected(self):
        return self.period is not None and self.period.kind == ELECTED

    @property
    def administered(self):
        return self.period is not None and self.period.kind == ADMINISTRATOR


def offices_now(place, today=None):
    """([OfficeNow] of the published offices of the place's own organisations, elected first, then
    administrators, then appointed; [CouncilNow] of its councils, each with its elected and administrator
    offices, which the first list leaves out), in two queries."""
    from tracker.models import Office, Organization

    today = today or timezone.localdate()
    offices = list(
        Office.objects.published()
        .filter(organization__jurisdiction=place, organization__in=Organization.objects.published())
        .select_related("organization")
    )
    tenures = tenures_by_office([o.pk for o in offices])
    listed = sorted(
        (OfficeNow(o, holders_on(tenures.get(o.pk, []), today)) for o in offices),
        key=lambda n: (KIND_ORDER.get(n.office.kind, 3), n.office.title),
    )
    councils = {}
    for now in listed:
        organization = now.office.organization
        if organization.classification != OrganizationKind.COUNCIL or now.office.kind == OfficeKind.APPOINTED:
            continue
        council = councils.setdefault(organization.pk, CouncilNow(organization))
        council.offices.append(now)
    for council in councils.values():
        mine = [n.office for n in council.offices]
        elected = [t for o in mine if o.kind == OfficeKind.ELECTED for t in tenures.get(o.pk, [])]
        administrators = [t for o in mine if o.kind == OfficeKind.ADMINISTRATOR for t in tenures.get(o.pk, [])]
        periods = periods_from_tenures(elected, administrators, today)
        if periods and periods[-1].end == today:
            council.period = periods[-1]
            council.before = periods[-2] if len(periods) > 1 else None
    in_councils = {n.office.pk for c in councils.values() for n in c.offices}
    others = [n for n in listed if n.office.pk not in in_councils]
    return others, sorted(councils.values(), key=lambda c: c.organization.name)

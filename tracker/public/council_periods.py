"""Periods with and without an elected council, read from the tenures of a local council's offices.

A council (an organisation of the kind "local council") is **elected** on a day when someone holds one
of its elected offices that day (acting and additional charges included, as the public site resolves
an office's holder on a date), **run by an administrator** when nobody holds an elected office but
someone holds one of its administrator offices, and **no holder recorded** otherwise. Periods run from
the first tenure recorded to today. A commitment is placed in a period by its deadline: it was due
while the council of its place (or of a place above it) was elected, or run by an administrator.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tracker.models.vocabulary import OfficeKind, OrganizationKind
from tracker.public.ownership import tenures_by_office

ELECTED, ADMINISTRATOR, NONE = "elected", "administrator", "none"
PERIOD_KINDS = {
    ELECTED: _("Elected council"),
    ADMINISTRATOR: _("Run by an administrator"),
    NONE: _("No holder recorded"),
}
ONE_DAY = timedelta(days=1)


@dataclass
class Period:
    kind: str
    start: date
    end: date
    holders: list = field(default_factory=list)  # the tenures of the council's offices in the period

    @property
    def label(self):
        return PERIOD_KINDS[self.kind]

    @property
    def days(self):
        return (self.end - self.start).days + 1

    def people(self):
        """The people who held the council's offices during the period, in order, each once."""
        seen, names = set(), []
        for tenure in self.holders:
            if tenure.person_id not in seen:
                seen.add(tenure.person_id)
                names.append(tenure.person)
        return names


@dataclass
class Council:
    organization: object
    jurisdiction_id: int
    periods: list


def periods_from_tenures(elected, administrators, today):
    """[Period] from the tenures of a council's elected offices and of its administrator offices."""
    spans = [(t.start_date, min(t.end_date or today, today), ELECTED, t) for t in elected]
    spans += [(t.start_date, min(t.end_date or today, today), ADMINISTRATOR, t) for t in administrators]
    spans = [s for s in spans if s[0] <= s[1]]
    if not spans:
        return []
    cuts = sorted({s[0] for s in spans} | {s[1] + ONE_DAY for s in spans} | {today + ONE_DAY})
    periods = []
    for start, following in zip(cuts, cuts[1:], strict=False):
        end = following - ONE_DAY
        if start > today:
            break
        covering = [s for s in spans if s[0] <= start and end <= s[1]]
        kinds = {s[2] for s in covering}
        kind = ELECTED if ELECTED in kinds else ADMINISTRATOR if ADMINISTRATOR in kinds else NONE
        holders = [s[3] for s in covering if s[2] == kind]
        if periods and periods[-1].kind == kind:
            periods[-1].end = end
            periods[-1].holders += [t for t in holders if t not in periods[-1].holders]
        else:
            periods.append(Period(kind, start, end, holders))
    return periods


def councils(today):
    """Every published council with elected or administrator offices, and its periods (three queries)."""
    from tracker.models import Office, Organization

    orgs = {
        org.pk: org
        for org in Organization.objects.published().filter(classification=OrganizationKind.COUNCIL).order_by("name")
    }
    offices = list(
        Office.objects.published()
        .filter(organization_id__in=orgs, kind__in=[OfficeKind.ELECTED, OfficeKind.ADMINISTRATOR])
        .values_list("pk", "organization_id", "kind")
    )
    tenures = tenures_by_office(pk for pk, _org, _kind in offices)
    by_org = defaultdict(lambda: {OfficeKind.ELECTED: [], OfficeKind.ADMINISTRATOR: []})
    for pk, org_id, kind in offices:
        by_org[org_id][kind] += tenures.get(pk, [])
    found = []
    for org_id, org in orgs.items():
        held = by_org.get(org_id)
        if not held:
            continue
        periods = periods_from_tenures(held[OfficeKind.ELECTED], held[OfficeKind.ADMINISTRATOR], today)
        if periods:
            found.append(Council(org, org.jurisdiction_id, periods))
    return found


def place_tree():
    """{jurisdiction id: parent id} of every published place (one query)."""
    from tracker.models import Jurisdiction

    return dict(Jurisdiction.objects.published().values_list("pk", "parent_id"))


def under(tree, place_id):
    """The ids of a place and of every place under it, from `place_tree()`."""
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


def due_in(facts):
    """{place id: the facts with a deadline there}, for `council_kinds` and the report's council periods."""
    found = defaultdict(list)
    for f in facts:
        if f.deadline is not None:
            found[f.jurisdiction_id].append(f)
    return found


def council_kinds(facts, due, council_list, subtrees):
    """{commitment id: the kinds of period ({elected, administrator, none}) the councils over its place were
    in on its deadline} for every one of `facts` (none for a commitment without a deadline), with `due` their
    `due_in`. Each council reads only the commitments under it: a national report is a hundred thousand
    commitments and dozens of councils."""
    kinds = {f.pk: set() for f in facts}
    for council in council_list:
        for place_id in subtrees[council.jurisdiction_id]:
            for f in due.get(place_id, ()):
                for period in council.periods:
                    if period.start <= f.deadline <= period.end:
                        kinds[f.pk].add(period.kind)
    return kinds


def period_q(kind, council_list, subtrees):
    """A Q selecting the commitments due, under some council, in a period of `kind`: the same
    commitments as `council_kinds`, for the commitment list."""
    query = Q(pk__in=[])
    for council in council_list:
        for period in council.periods:
            if period.kind == kind:
                query |= Q(
                    jurisdiction_id__in=subtrees[council.jurisdiction_id],
                    deadline__gte=period.start,
                    deadline__lte=period.end,
                )
    return query

"""The key facts at the top of record pages: what a citizen looks for in the first five seconds.

- A commitment: its status (and progress), overdue or when it is due, who answers to voters for it and
  who must deliver it, each with the person holding the office today (`commitment_glance`).
- An office: who holds it now and since when, or since when it is vacant (`vacant_since`).
- A person: the offices they hold now, or the last one they held (`offices_now`).
- A place: its council's status (elected, or run by an administrator), and who holds its main offices
  now (`place_facts`).

Every record page also says when it was last updated: the date of its latest public revision
(`tracker.history.tenures.last_change`). Worked out from rows the pages load anyway, in at most one
query more.
"""

import datetime
from dataclasses import dataclass, field

from tracker.models.vocabulary import CommitmentStatus, OfficeKind, OrganizationKind, OwnershipRole
from tracker.public.council_periods import periods_from_tenures
from tracker.public.owners_over_time import role_label
from tracker.public.ownership import holders_on, tenures_by_office

ONE_DAY = datetime.timedelta(days=1)
OVERDUE, DUE, CLOSED, NO_DEADLINE = "overdue", "due", "closed", "none"


@dataclass
class OwnerLine:
    label: str  # "Answers to voters", "Must deliver"...
    owners: list  # [OwnerOnDate]: the owners of that role with today's holders; empty: none recorded


@dataclass
class CommitmentGlance:
    status: str
    status_label: str
    status_since: datetime.date | None  # the day it reached its status, when a status change says so
    final: bool  # the status is final (delivered, broken...)
    progress: int
    deadline: datetime.date | None
    deadline_state: str  # OVERDUE, DUE, CLOSED or NO_DEADLINE
    lines: list = field(default_factory=list)  # [OwnerLine]


def owner_lines(owners_now):
    """Who answers to voters and who must deliver, always both (an empty line says none is recorded), then
    any other political owner (one not elected). Supporting owners are left to the owners' table."""
    lines = {}
    for role, kind in ((OwnershipRole.POLITICAL, OfficeKind.ELECTED), (OwnershipRole.ADMINISTRATIVE, None)):
        label = role_label(role, kind)
        lines[str(label)] = OwnerLine(label, [])
    for owner in owners_now:
        if owner.owner.role == OwnershipRole.SUPPORTING:
            continue
        label = role_label(owner.owner.role, owner.office.kind)
        lines.setdefault(str(label), OwnerLine(label, [])).owners.append(owner)
    return list(lines.values())


def commitment_glance(commitment, owners_now, latest_change, today):
    """The summary under a commitment's title. `latest_change` is the status change that set its status
    (None when no change says when), `owners_now` its owners with today's holders (`owners_on`)."""
    final = commitment.status in CommitmentStatus.terminal()
    if not commitment.deadline:
        state = NO_DEADLINE
    elif final:
        state = CLOSED
    elif commitment.deadline < today:
        state = OVERDUE
    else:
        state = DUE
    return CommitmentGlance(
        status=commitment.status,
        status_label=commitment.get_status_display(),
        status_since=latest_change.effective_date if latest_change else None,
        final=final,
        progress=commitment.progress,
        deadline=commitment.deadline,
        deadline_state=state,
        lines=owner_lines(owners_now),
    )


def vacant_since(tenures, today):
    """The day an office nobody holds today fell vacant (the day after its last holder left), or None when
    someone holds it, or nobody ever did as far as the tracker knows."""
    if any(t.covers(today) for t in tenures):
        return None
    ended = [t.end_date for t in tenures if t.end_date is not None and t.end_date < today]
    return max(ended) + ONE_DAY if ended else None


@dataclass
class HeldNow:
    """An office with who holds it today (substantive holder first), or since when it is vacant."""

    office: object
    holders: list  # [Tenure]
    vacant_since: datetime.date | None = None


def offices_now(tenures, today):
    """A person's tenures that cover today, earliest first; else [] (see `last_held`)."""
    return [t for t in tenures if t.covers(today)]


def last_held(tenures, today):
    """The tenure a person held last, when they hold nothing today (None otherwise, or if never)."""
    if offices_now(tenures, today):
        return None
    ended = [t for t in tenures if t.end_date is not None and t.end_date < today]
    return max(ended, key=lambda t: (t.end_date, t.start_date)) if ended else None


# The bodies whose heads are a place's main offices, in the order a citizen looks for them.
EXECUTIVE = (
    OrganizationKind.CABINET,
    OrganizationKind.COUNCIL,
    OrganizationKind.SECRETARIAT,
    OrganizationKind.DISTRICT_ADMINISTRATION,
)


@dataclass
class CouncilNow:
    organization: object
    kind: str  # council_periods.ELECTED, ADMINISTRATOR or NONE
    label: str
    since: datetime.date


@dataclass
class PlaceFacts:
    councils: list  # [CouncilNow]
    main_offices: list  # [HeldNow]


def main_offices(offices):
    """The head of each executive body of a place (cabinet, council, secretariat, district administration):
    the body's first office, and for a council both its first elected office and its first administrator
    office, since which of them holds it is what a citizen needs to know."""
    by_body = {}
    for office in sorted(offices, key=lambda o: o.pk):
        org = office.organization
        if org.classification in EXECUTIVE:
            by_body.setdefault(org.pk, (org, []))[1].append(office)
    heads = []
    for org, held in sorted(by_body.values(), key=lambda b: (EXECUTIVE.index(b[0].classification), b[0].name)):
        if org.classification == OrganizationKind.COUNCIL:
            for kind in (OfficeKind.ELECTED, OfficeKind.ADMINISTRATOR):
                heads += [o for o in held if o.kind == kind][:1]
        else:
            heads.append(held[0])
    return heads


def place_facts(offices, today):
    """Its councils' status today and who holds its main offices now, from the place's published offices
    (their organisations loaded): one query, for the tenures."""
    heads = main_offices(offices)
    council_offices = [
        o
        for o in offices
        if o.organization.classification == OrganizationKind.COUNCIL
        and o.kind in (OfficeKind.ELECTED, OfficeKind.ADMINISTRATOR)
    ]
    tenures = tenures_by_office([o.pk for o in heads + council_offices])
    councils = {}
    for office in council_offices:
        held = councils.setdefault(office.organization.pk, (office.organization, [], []))
        held[1 if office.kind == OfficeKind.ELECTED else 2].extend(tenures.get(office.pk, []))
    found = []
    for org, elected, administrators in sorted(councils.values(), key=lambda c: c[0].name):
        periods = periods_from_tenures(elected, administrators, today)
        if periods:
            now = periods[-1]
            found.append(CouncilNow(org, now.kind, now.label, now.start))
    return PlaceFacts(
        councils=found,
        main_offices=[
            HeldNow(
                o,
                holders_on(tenures.get(o.pk, []), today),
                vacant_since(tenures.get(o.pk, []), today),
            )
            for o in heads
        ],
    )

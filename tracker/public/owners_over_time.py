"""Owners over time: one table for a commitment's page of who held each owner office, and when.

Each owner office is listed once, with the periods of its holders (and the gaps between them, vacant)
from the day the promise was made until it was closed or today. Each period carries the key dates it
covers: today ("now"), the deadline once it has passed, and the day of each status change. So who
owned the commitment at the deadline and at each status change is read off the same rows, instead of
the same offices being listed again for every date.

Periods after the commitment was closed are kept only when they cover a key date (today's holder).
Everything is worked out in memory from the tenures the page already loaded
(`tracker.public.ownership.tenures_by_office`): no query of its own.
"""

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from tracker.models.vocabulary import OfficeKind, OwnershipRole
from tracker.public.timelines import terminal_date

ONE_DAY = datetime.timedelta(days=1)
NOW, DEADLINE, STATUS = "now", "deadline", "status"


def role_label(role, kind):
    """What an owner of `role` whose office is of `kind` is there for, in plain words: an elected political
    owner answers to voters, an administrative owner must deliver, a political owner that is not elected
    (an administrator standing in for a lapsed council) answers for it politically without a vote."""
    if role == OwnershipRole.POLITICAL:
        return _("Answers to voters") if kind == OfficeKind.ELECTED else _("Answers for it politically")
    if role == OwnershipRole.ADMINISTRATIVE:
        return _("Must deliver")
    return _("Supports")


@dataclass(frozen=True)
class KeyDate:
    kind: str  # NOW, DEADLINE or STATUS
    day: datetime.date
    change: object = None  # the StatusChange of a STATUS date


def key_dates(commitment, changes, today):
    """The dates a reader asks "who owned it then?" about: the status changes, the deadline once passed,
    and today, in the order of the calendar (today last)."""
    found = [KeyDate(STATUS, change.effective_date, change) for change in changes]
    if commitment.deadline and commitment.deadline <= today:
        found.append(KeyDate(DEADLINE, commitment.deadline))
    found.sort(key=lambda d: (d.day, d.kind != DEADLINE))
    return [*found, KeyDate(NOW, today)]


@dataclass
class Period:
    """A holder's tenure of an office, or a gap with nobody in it (`tenure` None)."""

    tenure: object  # Tenure, or None for a gap
    start: datetime.date | None  # None: before the first holder the tracker knows of
    end: datetime.date | None  # None: not ended
    key_dates: list = field(default_factory=list)

    @property
    def vacant(self):
        return self.tenure is None

    @property
    def unrecorded(self):
        """A gap before the first holder recorded: the tracker does not know who held it then."""
        return self.vacant and self.start is None

    def covers(self, day):
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def overlaps(self, first, last):
        return (self.start is None or self.start <= last) and (self.end is None or first <= self.end)


@dataclass
class OwnerPeriods:
    owner: object  # CommitmentOwner
    periods: list

    @property
    def office(self):
        return self.owner.office

    @property
    def role_label(self):
        return role_label(self.owner.role, self.office.kind)


def gaps(tenures):
    """(start, end) of the spans no tenure covers: before the first (start None), between tenures, and
    after the last one ended (end None). One gap (None, None) when nobody is recorded at all."""
    spans = sorted((t.start_date, t.end_date) for t in tenures)
    if not spans:
        return [(None, None)]
    found = [(None, spans[0][0] - ONE_DAY)]
    reach = spans[0][1]
    for start, end in spans[1:]:
        if reach is None:
            break
        if start > reach + ONE_DAY:
            found.append((reach + ONE_DAY, start - ONE_DAY))
        reach = None if end is None else max(reach, end)
    if reach is not None:
        found.append((reach + ONE_DAY, None))
    return found


def periods_of(tenures, first, last, dates):
    """The periods of one office worth a row, earliest first, each with the key dates it covers: those
    covering a key date, and the tenures and vacancies overlapping [first, last]. The time before the
    first holder recorded is shown only on a key date (an administrator's office, say, has no holder
    before its council lapsed: nobody owned the commitment there then, and a row would only say so)."""
    periods = [Period(t, t.start_date, t.end_date) for t in tenures]
    periods += [Period(None, start, end) for start, end in gaps(tenures)]
    kept = []
    for period in periods:
        period.key_dates = [d for d in dates if period.covers(d.day)]
        if period.key_dates or (period.overlaps(first, last) and not period.unrecorded):
            kept.append(period)
    kept.sort(key=lambda p: (p.start or datetime.date.min, p.vacant, p.end or datetime.date.max))
    return kept


def owners_over_time(commitment, owners, tenures, changes, today):
    """[OwnerPeriods], one per owner (in the owners' order), for the commitment's page."""
    dates = key_dates(commitment, changes, today)
    first = min([commitment.made_on, *(d.day for d in dates)])
    last = terminal_date(changes) or today
    return [OwnerPeriods(owner, periods_of(tenures.get(owner.office_id, []), first, last, dates)) for owner in owners]

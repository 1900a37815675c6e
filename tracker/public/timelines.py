"""A commitment's story in time: one timeline of what happened, and how long its next step waited
with each office (as a file tracking system counts it)."""

from collections import OrderedDict
from dataclasses import dataclass
from datetime import date

from django.utils.translation import get_language, get_language_bidi
from django.utils.translation import gettext as _

from tracker.models.translations import name_in_language
from tracker.models.vocabulary import CommitmentStatus


@dataclass
class Event:
    day: date
    kind: str  # "made", "status", "decision", "movement", "deadline"
    title: str
    detail: str = ""
    url: str = ""
    item: object = None


def terminal_date(status_changes):
    """The first day the commitment reached a terminal status, or None while it is open."""
    for change in sorted(status_changes, key=lambda c: c.effective_date):
        if change.to_status in CommitmentStatus.terminal():
            return change.effective_date
    return None


def timeline(commitment, status_changes, movements, decisions):
    events = [Event(commitment.made_on, "made", _("Commitment made"))]
    arrow = "←" if get_language_bidi() else "→"  # from one status to the next, in the reading direction
    for change in status_changes:
        events.append(
            Event(
                change.effective_date,
                "status",
                f"{change.get_from_status_display()} {arrow} {change.get_to_status_display()}",
                change.note,
                change.url,
                change,
            )
        )
    for movement in movements:
        events.append(
            Event(
                movement.arrived_on,
                "movement",
                _("Next step with %(office)s") % {"office": name_in_language(movement.office, get_language()).text},
                movement.note,
                "",
                movement,
            )
        )
    for decision in decisions:
        events.append(Event(decision.decided_on, "decision", decision.title, decision.get_kind_display(), "", decision))
    if commitment.deadline:
        events.append(Event(commitment.deadline, "deadline", _("Deadline")))
    order = {"made": 0, "decision": 1, "movement": 2, "status": 3, "deadline": 4}
    return sorted(events, key=lambda e: (e.day, order[e.kind]))


def with_next(items):
    """Each item with the one after it (None after the last)."""
    return zip(items, [*items[1:], None], strict=False)


@dataclass
class Stay:
    office: object
    days: int


def time_with_offices(movements, until):
    """Days the next step spent with each office: each movement lasts until the next one, the last
    until `until` (the day the commitment closed, or today). Offices in order of first arrival."""
    ordered = sorted(movements, key=lambda m: (m.arrived_on, m.sort_order or 0))
    totals = OrderedDict()
    for current, following in with_next(ordered):
        end = following.arrived_on if following else until
        days = max((end - current.arrived_on).days, 0)
        office = current.office
        totals.setdefault(office.pk, Stay(office, 0)).days += days
    return list(totals.values())


def waits_at(office_id, movements, closed_on, today):
    """Days each visit of a commitment's next step to this office lasted (until it moved on, the
    commitment closed, or today)."""
    by_commitment = {}
    for movement in movements:
        by_commitment.setdefault(movement.commitment_id, []).append(movement)
    waits = []
    for commitment_id, stops in by_commitment.items():
        stops.sort(key=lambda m: (m.arrived_on, m.sort_order or 0))
        until = closed_on.get(commitment_id) or today
        for current, following in with_next(stops):
            if current.office_id == office_id:
                end = following.arrived_on if following else until
                waits.append(max((end - current.arrived_on).days, 0))
    return waits

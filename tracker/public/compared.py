"""The office and person pages' figures: their own summary row, and the row of each peer group they are
compared with (tracker/public/peers.py), read apart and set side by side here.

Why apart: a publish changes the figures of the offices that own the commitment, of the people who held
them, and of their groups (every office of the same kind and tier, every holder of such an office). Kept
in one row per office or person, every page of the group had to be computed again after each publish;
kept apart, a publish makes a few rows stale and one row per group, whatever the group's size.

A row kept by a version before the split holds the whole comparison: it is served as it is until it is
computed again."""

from tracker.public import peers
from tracker.public.summaries import figures
from tracker.public.summary_keys import group_key, key_of


def office_figures(office, today):
    """The office page's figures, with its comparison with its peers."""
    found = dict(figures(key_of("office", office.pk), today))
    own = found.pop("own_comparison", None)
    if own is not None:
        found["comparison"] = peers.compare_office(own, figures(group_key("office-peers", own.kind, own.tier), today))
    return found


def person_figures(person, today):
    """The person page's figures, with their comparison with the other holders of each kind and tier of
    office they held."""
    found = dict(figures(key_of("person", person.pk), today))
    own = found.pop("own_comparison", None)
    if own is not None:
        found["comparison"] = peers.compare_person(
            own, lambda kind, tier: figures(group_key("holder-peers", kind, tier), today)
        )
    return found

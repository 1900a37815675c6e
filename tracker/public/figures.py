"""The figures of the public pages that read every commitment: computed here from the public state,
from scratch, in a fixed number of queries. Pages never call these directly: they read the figures
kept in `PublicSummary` rows (tracker/public/summaries.py), which these compute when a row is missing
or stale, and which `rebuild_summaries` and the refresh after every publish recompute.

Each function takes the subject (None for the site-wide figures) and today's date, and returns plain
values, lists and model instances that pickle. The commitments a page lists are kept as their ids in
order (`..._ids`), never as the commitments: a summary may be served for a while after a change, and
the page reads the rows it lists as they are now (`listed_now` in tracker/models/querysets.py), so no
row shows, or is kept in the shared cache as, what a commitment said before its last publish.
"""

from collections import defaultdict

from django.db.models import Count

from tracker.models.querysets import descendant_ids, listed_now, status_counts
from tracker.public.key_facts import place_facts
from tracker.public.ownership import holders_on, tenures_by_office
from tracker.public.peers import office_own, person_own
from tracker.public.scorecards import (
    compare_owner_groups,
    offices_read_once,
    person_scores,
    person_tenures,
    scorecard_cells,
)
from tracker.public.timelines import terminal_date, waits_at


def _ids(commitments):
    return list(commitments.values_list("pk", flat=True))


# What the summaries kept the commitments themselves under before they kept ids (migration 0024). During a
# deploy, the old version's processes may still store such rows after the migration stopped serving them.
LISTED_BEFORE = {
    "most_overdue_ids": "most_overdue",
    "recent_ids": "recent",
    "owned_commitment_ids": "owned_commitments",
    "commitment_ids": "commitments",
}


OWNERS_LISTED = 8  # offices under "the most overdue commitments" on the dashboard
DASHBOARD_LISTED = 8  # commitments under "most overdue" and "recently updated"


def listed(found, *names):
    """The commitments a page's figures list under each of `names`, read as they are now (`listed_now`)."""
    return listed_now(*(_listed_ids(found, name) for name in names))


def _listed_ids(found, name):
    if name in found:
        return found[name]
    return [commitment.pk for commitment in found.get(LISTED_BEFORE[name], [])]


def overdue_by_office(overdue):
    """{office id: how many of the `overdue` commitments it owns}, for every public office that owns one
    (kept in the dashboard's figures, so that a publish adjusts them: tracker/public/dashboard_tally.py)."""
    from tracker.models import CommitmentOwner, Office

    owners = CommitmentOwner.objects.filter(commitment__in=overdue, office__in=Office.objects.published())
    return dict(owners.values("office_id").annotate(n=Count("commitment", distinct=True)).values_list("office_id", "n"))


def most_overdue(by_office, limit=OWNERS_LISTED):
    """[(office id, overdue)] of the offices owning the most overdue commitments, in the dashboard's order."""
    return sorted(by_office.items(), key=lambda item: (-item[1], item[0]))[:limit]


def most_overdue_owners(top, overdue, today):
    """The offices of `top` ([(office id, overdue)]), each with whoever holds it today and how many of its
    overdue commitments were already overdue when that holder took the office (inherited: not pinned on them)."""
    from tracker.models import Office

    offices = Office.objects.published().in_bulk([office_id for office_id, _n in top])
    tenures = tenures_by_office(offices)
    holders = {pk: holders_on(tenures.get(pk, []), today) for pk in offices}
    inherited = _overdue_before_each_holder(overdue, holders)
    return [
        {"office": offices[office_id], "overdue": n, "holders": [(t, inherited[t.pk]) for t in holders[office_id]]}
        for office_id, n in top
        if office_id in offices
    ]


def _overdue_before_each_holder(overdue, holders):
    """{tenure id: how many of its office's `overdue` commitments were due before that holder took the
    office}, for {office id: [tenure]}: one aggregate query, however many commitments the offices own."""
    from django.db.models import Q

    from tracker.models import CommitmentOwner

    counts = {
        f"t{tenure.pk}": Count(
            "commitment", distinct=True, filter=Q(office_id=office_id, commitment__deadline__lt=tenure.start_date)
        )
        for office_id, tenures in holders.items()
        for tenure in tenures
    }
    if not counts:
        return {}
    found = CommitmentOwner.objects.filter(commitment__in=overdue, office_id__in=list(holders)).aggregate(**counts)
    return {int(name[1:]): count for name, count in found.items()}


def dashboard(_subject, today):
    from tracker.models import Commitment

    published = Commitment.objects.published()
    overdue = published.overdue(today)
    counts = status_counts(published)
    by_office = overdue_by_office(overdue)
    return {
        "status_counts": counts,
        "total": sum(n for _value, _label, n in counts),
        "overdue_count": overdue.count(),
        **dashboard_lists(today),
        "overdue_by_office": by_office,
        "owners_most_overdue": most_overdue_owners(most_overdue(by_office), overdue, today),
    }


def dashboard_lists(today):
    """The commitments the dashboard lists: the most overdue and the latest published (two short reads of
    the commitments' partial indexes)."""
    from tracker.models import Commitment

    published = Commitment.objects.published()
    return {
        "most_overdue_ids": _ids(published.overdue(today).order_by("deadline", "title", "pk")[:DASHBOARD_LISTED]),
        "recent_ids": _ids(published.order_by("-last_published_at", "pk")[:DASHBOARD_LISTED]),
    }


def average_wait_here(office, today):
    """Average days a commitment's next step waited at this office, over every visit (3 queries)."""
    from tracker.models import Commitment, Movement, StatusChange

    moved_here = Commitment.objects.published().filter(movements__office=office).values("pk")
    movements = list(Movement.objects.filter(commitment__in=moved_here))
    changes = defaultdict(list)
    for change in StatusChange.objects.filter(commitment__in=moved_here):
        changes[change.commitment_id].append(change)
    closed_on = {cid: terminal_date(items) for cid, items in changes.items()}
    waits = waits_at(office.pk, movements, closed_on, today)
    return (sum(waits) / len(waits), len(waits)) if waits else (None, 0)


def owned_by_office(office):
    """The published commitments `office` owns, in the office page's order."""
    from tracker.models import Commitment, CommitmentOwner

    return (
        Commitment.objects.published()
        .filter(pk__in=CommitmentOwner.objects.filter(office=office).values("commitment_id"))
        .order_by("deadline", "title", "pk")
    )


def office(office, today):
    average, visits = average_wait_here(office, today)
    return {
        "owned_count": owned_by_office(office).count(),
        "overdue_count": owned_by_office(office).overdue(today).count(),
        "average_wait": average,
        "visits": visits,
        # Its side of the comparison with its peers; the peers' side is a row of its own (compared.py).
        "own_comparison": office_own(office, today),
    }


SCORECARD_LISTED = 50  # commitments listed under a person's scorecard; the rest are one link away
SCORECARD_ORDER = ("deadline", "title", "pk")


def person(person, today):
    from tracker.models import Commitment
    from tracker.public.delivery import list_url

    with offices_read_once():  # the scorecard and the comparison score the same tenures
        rows, total = person_scores(person_tenures(person), today)
        own_comparison = person_own(person, today)
    owned = Commitment.objects.published().filter(pk__in=sorted(total.owned))
    return {
        "scorecard": scorecard_cells(person, rows, total),
        "totals": total.counts(),
        "owned_commitment_ids": _ids(owned.order_by(*SCORECARD_ORDER)[:SCORECARD_LISTED]),
        "owned_count": len(total.owned),
        "all_owned_url": list_url({"scorecard": person.slug}, scored="owned"),
        "own_comparison": own_comparison,
    }


PLACE_LISTED = 50


def place(place, today):
    from tracker.models import Commitment, Office

    commitments = Commitment.objects.published().filter(jurisdiction_id__in=descendant_ids(place))
    listed = commitments.order_by("deadline", "title", "pk")
    offices = Office.objects.published().filter(organization__jurisdiction=place).select_related("organization")
    return {
        "commitment_ids": _ids(listed[:PLACE_LISTED]),
        "commitment_count": commitments.count(),
        "status_counts": status_counts(commitments),
        "comparison": compare_owner_groups(commitments, place, today),
        # Its council's status and who holds its main offices today: they change with tenures (any change
        # of an office or a person marks every row stale) and with the day (rows are of one day).
        "facts": place_facts(list(offices), today),
    }

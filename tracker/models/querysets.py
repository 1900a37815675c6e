"""Read-side questions asked of the published records."""

from django.db.models import Count, Prefetch, prefetch_related_objects

from tracker.models.vocabulary import CommitmentStatus

MAX_TIER_DEPTH = 6  # federal > province > division > district > tehsil > union council


def status_counts(commitments):
    """[(status, label, count)] for every status, in the contract's order, zeros included."""
    return status_rows(dict(commitments.order_by().values_list("status").annotate(n=Count("pk"))))


def status_rows(counts):
    """[(status, label, count)] for every status, in the contract's order, from {status: count}."""
    return [(status.value, status.label, counts.get(status.value, 0)) for status in CommitmentStatus]


def with_owners(commitments):
    """The commitments as a list, each with its owners whose offices are public, and those offices,
    loaded (two queries)."""
    from tracker.models import CommitmentOwner, Office

    items = list(commitments)
    owners = (
        CommitmentOwner.objects.filter(office__in=Office.objects.published())
        .select_related("office")
        .order_by("sort_order")
    )
    prefetch_related_objects(items, Prefetch("owners", queryset=owners))
    return items


def listed_now(*lists_of_ids):
    """Each list of commitment ids as the commitments it names, read now with their owners (`with_owners`;
    two queries for all the lists), in the same order; one no longer published is left out. The pages
    keep in their summaries which commitments they list, and read each one as it is now."""
    from tracker.models import Commitment

    wanted = {pk for ids in lists_of_ids for pk in ids}
    found = Commitment.objects.published().filter(pk__in=wanted).select_related("jurisdiction") if wanted else []
    by_id = {commitment.pk: commitment for commitment in with_owners(found)}
    return [[by_id[pk] for pk in ids if pk in by_id] for ids in lists_of_ids]


def descendant_ids(jurisdiction):
    """The ids of a jurisdiction and everything under it: one query per tier, never per place."""
    from tracker.models import Jurisdiction

    ids, level = {jurisdiction.pk}, {jurisdiction.pk}
    for _ in range(MAX_TIER_DEPTH):
        level = set(Jurisdiction.objects.filter(parent_id__in=level).values_list("pk", flat=True))
        if not level:
            break
        ids |= level
    return ids

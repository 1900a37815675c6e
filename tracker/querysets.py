"""Read-side questions asked of the published records."""

from django.db.models import Count, Q

from .choices import CommitmentStatus


def status_counts(commitments):
    """[(status, label, count)] for every status, in the contract's order, zeros included."""
    counts = dict(commitments.order_by().values_list("status").annotate(n=Count("pk")))
    return [(status.value, status.label, counts.get(status.value, 0)) for status in CommitmentStatus]


def tenures_on(office_ids, day):
    """Tenures of these offices covering `day` (acting and additional charge included)."""
    from .models import Tenure

    return (
        Tenure.objects.filter(office_id__in=office_ids, office__live=True, start_date__lte=day)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=day))
        .select_related("person")
    )

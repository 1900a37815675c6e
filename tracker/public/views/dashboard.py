from django.db.models import Count
from django.shortcuts import render
from django.utils import timezone

from tracker.models import Commitment, CommitmentOwner, Office
from tracker.models.querysets import status_counts, with_owners
from tracker.public.ownership import holders_on, tenures_by_office


def most_overdue_owners(overdue, today, limit=8):
    """Offices owning the most overdue commitments, each with whoever holds it today."""
    rows = list(
        CommitmentOwner.objects.filter(commitment__in=overdue, office__in=Office.objects.published())
        .values("office_id")
        .annotate(overdue=Count("commitment", distinct=True))
        .order_by("-overdue", "office_id")[:limit]
    )
    offices = Office.objects.published().in_bulk([row["office_id"] for row in rows])
    tenures = tenures_by_office(offices)
    return [
        {
            "office": offices[row["office_id"]],
            "overdue": row["overdue"],
            "holders": holders_on(tenures.get(row["office_id"], []), today),
        }
        for row in rows
        if row["office_id"] in offices
    ]


def dashboard(request):
    today = timezone.localdate()
    published = Commitment.objects.published()
    overdue = published.overdue(today)
    counts = status_counts(published)
    context = {
        "status_counts": counts,
        "total": sum(n for _value, _label, n in counts),
        "overdue_count": overdue.count(),
        "most_overdue": with_owners(overdue.select_related("jurisdiction").order_by("deadline")[:8]),
        "recent": with_owners(published.select_related("jurisdiction").order_by("-last_published_at")[:8]),
        "owners_most_overdue": most_overdue_owners(overdue, today),
        "today": today,
    }
    return render(request, "tracker/dashboard.html", context)

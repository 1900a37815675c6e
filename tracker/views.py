from django.shortcuts import render

from .querysets import status_counts
from .models import Commitment


def dashboard(request):
    published = Commitment.objects.published()
    return render(
        request,
        "tracker/dashboard.html",
        {
            "status_counts": status_counts(published),
            "overdue_count": published.overdue().count(),
            "recent": published.select_related("jurisdiction").order_by("-last_published_at")[:10],
        },
    )

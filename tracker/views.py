from django.shortcuts import render

from .models import Commitment
from .querysets import status_counts


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

from django.shortcuts import render
from django.utils import timezone

from tracker.models.querysets import ids_listed, listed_now
from tracker.public.presenters import tally
from tracker.public.summaries import figures


def dashboard(request):
    today = timezone.localdate()
    context = {**figures("dashboard", today), "today": today}
    context["most_overdue"], context["recent"] = listed_now(
        ids_listed(context, "most_overdue_ids", "most_overdue"), ids_listed(context, "recent_ids", "recent")
    )
    context["tally_total"], context["tally"] = tally(context["status_counts"])
    return render(request, "tracker/dashboard.html", context)

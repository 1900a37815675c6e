from django.shortcuts import render
from django.utils import timezone

from tracker.public.figures import listed
from tracker.public.presenters import tally
from tracker.public.summaries import figures


def dashboard(request):
    today = timezone.localdate()
    context = {**figures("dashboard", today), "today": today}
    context["most_overdue"], context["recent"] = listed(context, "most_overdue_ids", "recent_ids")
    context["tally_total"], context["tally"] = tally(context["status_counts"])
    return render(request, "tracker/dashboard.html", context)

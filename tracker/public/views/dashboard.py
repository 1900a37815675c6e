from django.shortcuts import render
from django.utils import timezone

from tracker.public.presenters import tally
from tracker.public.summaries import figures


def dashboard(request):
    today = timezone.localdate()
    context = {**figures("dashboard", today), "today": today}
    context["tally_total"], context["tally"] = tally(context["status_counts"])
    return render(request, "tracker/dashboard.html", context)

from django.shortcuts import render
from django.utils import timezone

from tracker.public.summaries import figures


def dashboard(request):
    today = timezone.localdate()
    context = {**figures("dashboard", today), "today": today}
    return render(request, "tracker/dashboard.html", context)

from django.shortcuts import render
from django.utils import timezone

from tracker.public.charts import bar_chart
from tracker.public.summaries import figures


def dashboard(request):
    today = timezone.localdate()
    context = {**figures("dashboard", today), "today": today}
    context["status_chart"] = bar_chart(
        "Commitments by status", [(label, n, f"bar-{value}") for value, label, n in context["status_counts"]]
    )
    return render(request, "tracker/dashboard.html", context)

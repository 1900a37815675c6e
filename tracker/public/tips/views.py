"""The public tip form. What a citizen sends goes to the moderators' review queue, never to a page."""

from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from tracker.public.tips import throttle
from tracker.public.tips.forms import TipForm


@never_cache
def send_tip(request):
    if request.method == "POST":
        if throttle.exhausted(request):
            return render(request, "tracker/tips/too_many.html", {"limit": throttle.limit()}, status=429)
        form = TipForm(request.POST)
        if form.is_spam():
            # Bots get the same answer as people, so they learn nothing; nothing is kept.
            throttle.count(request)
            return redirect("tracker:tip_thanks")
        if form.is_valid():
            form.save()
            throttle.count(request)
            return redirect("tracker:tip_thanks")
    else:
        form = TipForm(
            initial={
                "kind": "evidence" if request.GET.get("commitment") else "new_commitment",
                "which_commitment": request.GET.get("commitment", ""),
            }
        )
    return render(request, "tracker/tips/form.html", {"form": form})


def tip_thanks(request):
    return render(request, "tracker/tips/thanks.html")

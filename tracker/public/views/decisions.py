from django.core.paginator import Paginator
from django.shortcuts import render

from tracker.models import Decision
from tracker.public.views.common import page_numbers, published_or_404


def decision_list(request):
    decisions = Decision.objects.published().select_related("deciding_office").order_by("-decided_on", "title")
    return render(request, "tracker/decision_list.html", {"page": page_numbers(request, Paginator(decisions, 25))})


def decision_detail(request, slug):
    decision = published_or_404(Decision.objects.select_related("deciding_office__organization"), slug)
    context = {
        "decision": decision,
        "commitments": [
            link.commitment for link in decision.linked_commitments.select_related("commitment") if link.commitment.live
        ],
        "sources": list(decision.sources.all()),
        "canonical_url": request.build_absolute_uri(request.path),
    }
    return render(request, "tracker/decision_detail.html", context)

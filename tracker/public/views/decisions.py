from django.core.paginator import Paginator
from django.shortcuts import render

from tracker.archive.freshness import freshness_of
from tracker.archive.reading import attach_copies
from tracker.models import Commitment, Decision
from tracker.public.ownership import hide_hidden
from tracker.public.views.common import page_numbers, published_or_404


def decision_list(request):
    decisions = Decision.objects.published().select_related("deciding_office").order_by("-decided_on", "title")
    page = page_numbers(request, Paginator(decisions, 25))
    # A deciding office taken down or unpublished since is not named, as on the decision's own page.
    page.object_list = [hide_hidden(decision, "deciding_office") for decision in page.object_list]
    return render(request, "tracker/decision_list.html", {"page": page})


def decision_detail(request, slug):
    decision = hide_hidden(
        published_or_404(Decision.objects.select_related("deciding_office__organization"), slug), "deciding_office"
    )
    sources = list(decision.sources.all())
    copies = attach_copies(sources)
    context = {
        "decision": decision,
        "freshness": freshness_of(decision, [source.url for source in sources], copies),
        "commitments": list(
            Commitment.objects.published()
            .filter(decision_links__decision=decision)
            .order_by("decision_links__sort_order")
        ),
        "sources": sources,
        "canonical_url": request.build_absolute_uri(request.path),
    }
    return render(request, "tracker/decision_detail.html", context)

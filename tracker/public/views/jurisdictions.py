from django.shortcuts import render
from django.utils import timezone

from tracker.models import Jurisdiction, Office
from tracker.public.delivery import MIN_COUNT
from tracker.public.figures import listed
from tracker.public.key_facts import place_facts
from tracker.public.presenters import place_jsonld
from tracker.public.summaries import figures, key_of
from tracker.public.views.common import published_or_404


def jurisdiction_detail(request, slug):
    place = published_or_404(Jurisdiction.objects.select_related("parent"), slug)
    today = timezone.localdate()
    url = request.build_absolute_uri(request.path)
    offices = list(Office.objects.published().filter(organization__jurisdiction=place).select_related("organization"))
    found = dict(figures(key_of("place", place.pk), today))
    [found["commitments"]] = listed(found, "commitment_ids")
    if "facts" not in found:  # a summary kept by a version before the key facts were: it is stale tomorrow
        found["facts"] = place_facts(offices, today)
    context = {
        "place": place,
        "path": place.path(),
        "children": list(place.children.published().order_by("name")),
        "offices": offices,
        **found,
        "min_count": MIN_COUNT,
        "canonical_url": url,
        "jsonld": place_jsonld(place, url),
    }
    return render(request, "tracker/jurisdiction_detail.html", context)

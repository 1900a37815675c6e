from django.shortcuts import render
from django.utils import timezone

from tracker.models import Commitment, Jurisdiction, Office
from tracker.models.querysets import descendant_ids, status_counts, with_owners
from tracker.public.delivery import MIN_COUNT
from tracker.public.presenters import place_jsonld
from tracker.public.report_cache import cached_report
from tracker.public.scorecards import compare_owner_groups
from tracker.public.views.common import published_or_404


def jurisdiction_detail(request, slug):
    place = published_or_404(Jurisdiction.objects.select_related("parent"), slug)
    today = timezone.localdate()
    area = descendant_ids(place)
    commitments = Commitment.objects.published().filter(jurisdiction_id__in=area)
    listed = commitments.select_related("jurisdiction").order_by("deadline", "title")
    url = request.build_absolute_uri(request.path)
    context = {
        "place": place,
        "path": place.path(),
        "children": list(place.children.published().order_by("name")),
        "offices": list(
            Office.objects.published().filter(organization__jurisdiction=place).select_related("organization")
        ),
        "commitments": with_owners(listed[:50]),
        "commitment_count": commitments.count(),
        "status_counts": status_counts(commitments),
        "comparison": cached_report(
            {"jurisdiction": place.pk}, today, lambda: compare_owner_groups(commitments, place, today)
        ),
        "min_count": MIN_COUNT,
        "canonical_url": url,
        "jsonld": place_jsonld(place, url),
    }
    return render(request, "tracker/jurisdiction_detail.html", context)

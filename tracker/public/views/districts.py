"""My district: choose a province, then a district, then its page (tracker/public/districts.py)."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language

from tracker.models import Jurisdiction
from tracker.models.vocabulary import JurisdictionTier
from tracker.public import districts
from tracker.public.figures import listed
from tracker.public.summaries import figures, key_of
from tracker.public.views.common import published_or_404


def my_district(request):
    language = get_language()
    places = districts.published_places()
    provinces = districts.provinces(places, language)
    asked = request.GET.get("province", "")
    chosen = next((p for p in provinces if p.slug == asked), None)
    context = {
        "provinces": provinces,
        "chosen": chosen,
        "unknown": asked if asked and chosen is None else "",
        "districts": districts.districts_in(places, chosen, language) if chosen else [],
    }
    return render(request, "tracker/my_district.html", context, status=400 if context["unknown"] else 200)


def district(request, slug):
    place = published_or_404(Jurisdiction.objects.select_related("parent"), slug)
    if place.tier == JurisdictionTier.FEDERAL:
        raise Http404("The country is not a district: choose a province.")
    if place.tier in (JurisdictionTier.TEHSIL, JurisdictionTier.UNION_COUNCIL):
        # Not a district: its own page says what the tracker knows of it.
        return redirect(place.get_absolute_url())
    today = timezone.localdate()
    offices, councils = districts.offices_now(place, today)
    found = figures(key_of("place", place.pk), today)
    path = [p for p in place.path() if p.pk != place.pk and p.tier != JurisdictionTier.FEDERAL]
    context = {
        "place": place,
        "path": [p for p in path if p.live and p.taken_down_at is None],
        "offices": offices,
        "councils": councils,
        "children": list(place.children.published().order_by("name")),
        "commitments": listed(found, "commitment_ids")[0],
        "commitment_count": found["commitment_count"],
        "status_counts": found["status_counts"],
        "today": today,
        "canonical_url": request.build_absolute_uri(request.path),
    }
    return render(request, "tracker/district.html", context)

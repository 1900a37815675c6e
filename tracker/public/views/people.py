from django.shortcuts import render
from django.utils import timezone

from tracker.models import Office, Person
from tracker.public.delivery import MIN_COUNT
from tracker.public.peers import person_comparison
from tracker.public.presenters import person_jsonld
from tracker.public.report_cache import cached_report
from tracker.public.scorecards import person_scorecard
from tracker.public.views.common import published_or_404


def person_detail(request, slug):
    person = published_or_404(Person.objects, slug)
    today = timezone.localdate()
    tenures = list(
        person.tenures.filter(office__in=Office.objects.published())
        .select_related("office__organization")
        .order_by("start_date")
    )
    rows, totals = person_scorecard(tenures, today)
    url = request.build_absolute_uri(request.path)
    context = {
        "person": person,
        "scorecard": rows,
        "totals": totals,
        "comparison": cached_report({"person": person.pk}, today, lambda: person_comparison(person, today)),
        "min_count": MIN_COUNT,
        "today": today,
        "canonical_url": url,
        "jsonld": person_jsonld(person, url, tenures),
    }
    return render(request, "tracker/person_detail.html", context)

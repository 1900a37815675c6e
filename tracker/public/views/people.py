from django.shortcuts import render
from django.utils import timezone

from tracker.models import Person
from tracker.public.comparison_csv import PERSON_HEADER, as_csv, person_rows
from tracker.public.delivery import MIN_COUNT
from tracker.public.figures import person_tenures
from tracker.public.presenters import person_jsonld
from tracker.public.summaries import figures, key_of
from tracker.public.views.common import csv_download, published_or_404


def person_detail(request, slug):
    person = published_or_404(Person.objects, slug)
    today = timezone.localdate()
    tenures = person_tenures(person)
    url = request.build_absolute_uri(request.path)
    found = figures(key_of("person", person.pk), today)
    context = {
        "person": person,
        "scorecard": found["scorecard"],
        "totals": found["totals"],
        "comparison": found["comparison"],
        "min_count": MIN_COUNT,
        "today": today,
        "canonical_url": url,
        "jsonld": person_jsonld(person, url, tenures),
    }
    return render(request, "tracker/person_detail.html", context)


def person_comparison_csv(request, slug):
    """The person page's comparison with their peers as CSV."""
    person = published_or_404(Person.objects, slug)
    comparison = figures(key_of("person", person.pk), timezone.localdate())["comparison"]
    return csv_download(as_csv(PERSON_HEADER, person_rows(person, comparison)), f"person-{person.pk}-comparison.csv")

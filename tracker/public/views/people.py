from django.shortcuts import render
from django.utils import timezone

from tracker.history.tenures import tenure_history
from tracker.models import Person
from tracker.public.compared import person_figures
from tracker.public.comparison_csv import PERSON_HEADER, as_csv, person_rows
from tracker.public.delivery import MIN_COUNT
from tracker.public.figures import listed
from tracker.public.key_facts import last_held, offices_now
from tracker.public.presenters import person_jsonld
from tracker.public.scorecards import person_tenures
from tracker.public.views.common import csv_download, published_or_404

# What the page takes from the person's maintained summary (tracker/public/figures.py `person`).
FROM_SUMMARY = ("scorecard", "totals", "owned_count", "all_owned_url", "comparison")


def person_detail(request, slug):
    person = published_or_404(Person.objects, slug)
    today = timezone.localdate()
    tenures = person_tenures(person)
    url = request.build_absolute_uri(request.path)
    found = person_figures(person, today)
    context = {
        "person": person,
        "offices_now": offices_now(tenures, today),
        "last_held": last_held(tenures, today),
        "history": tenure_history(person),  # its tenures as the public history has them, and when it last changed
        **{name: found[name] for name in FROM_SUMMARY},
        "owned_commitments": listed(found, "owned_commitment_ids")[0],
        "min_count": MIN_COUNT,
        "today": today,
        "canonical_url": url,
        "jsonld": person_jsonld(person, url, tenures),
    }
    return render(request, "tracker/person_detail.html", context)


def person_comparison_csv(request, slug):
    """The person page's comparison with their peers as CSV."""
    person = published_or_404(Person.objects, slug)
    comparison = person_figures(person, timezone.localdate())["comparison"]
    return csv_download(as_csv(PERSON_HEADER, person_rows(person, comparison)), f"person-{person.pk}-comparison.csv")

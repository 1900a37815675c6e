from django.shortcuts import render
from django.utils import timezone

from tracker.history.tenures import tenure_history
from tracker.models import Office, Person
from tracker.models.querysets import with_owners
from tracker.public.compared import office_figures
from tracker.public.comparison_csv import OFFICE_HEADER, as_csv, office_rows
from tracker.public.delivery import MIN_COUNT
from tracker.public.figures import owned_by_office
from tracker.public.key_facts import vacant_since
from tracker.public.ownership import holders_on
from tracker.public.presenters import office_jsonld
from tracker.public.views.common import CountedPaginator, csv_download, page_numbers, published_or_404


def office_detail(request, slug):
    office = published_or_404(Office.objects.select_related("organization__jurisdiction"), slug)
    today = timezone.localdate()
    found = office_figures(office, today)
    tenures = list(
        office.tenures.filter(person__in=Person.objects.published()).select_related("person").order_by("start_date")
    )
    # A pager: a chief secretary may own thousands of commitments, and the page must stay small. Its count
    # is the summary's, not a count per request.
    owned = page_numbers(
        request, CountedPaginator(owned_by_office(office).select_related("jurisdiction"), 25, found["owned_count"])
    )
    owned.object_list = with_owners(owned.object_list)
    if "overdue_count" not in found:  # a summary kept by a version before the count was: it is stale tomorrow
        found["overdue_count"] = owned_by_office(office).overdue(today).count()
    history = tenure_history(office)
    url = request.build_absolute_uri(request.path)
    context = {
        "office": office,
        "tenures": tenures,
        "holders_now": holders_on(tenures, today),
        "vacant_since": vacant_since(tenures, today),
        "history": history,  # its tenures as the public history has them, and when the office last changed
        "owned": owned,
        "overdue_count": found["overdue_count"],
        "average_wait": found["average_wait"],
        "visits": found["visits"],
        "comparison": found["comparison"],
        "min_count": MIN_COUNT,
        "today": today,
        "canonical_url": url,
        "jsonld": office_jsonld(office, url),
    }
    return render(request, "tracker/office_detail.html", context)


def office_comparison_csv(request, slug):
    """The office page's comparison with its peers as CSV."""
    office = published_or_404(Office.objects.select_related("organization__jurisdiction"), slug)
    comparison = office_figures(office, timezone.localdate())["comparison"]
    return csv_download(as_csv(OFFICE_HEADER, office_rows(office, comparison)), f"office-{office.pk}-comparison.csv")

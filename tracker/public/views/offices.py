from collections import defaultdict

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone

from tracker.models import Commitment, CommitmentOwner, Movement, Office, Person, StatusChange
from tracker.models.querysets import with_owners
from tracker.public.delivery import MIN_COUNT
from tracker.public.ownership import holders_on
from tracker.public.peers import office_comparison
from tracker.public.presenters import office_jsonld
from tracker.public.report_cache import cached_report
from tracker.public.timelines import terminal_date, waits_at
from tracker.public.views.common import page_numbers, published_or_404


def average_wait_here(office, today):
    """Average days a commitment's next step waited at this office, over every visit (3 queries)."""
    moved_here = Commitment.objects.published().filter(movements__office=office).values("pk")
    movements = list(Movement.objects.filter(commitment__in=moved_here))
    changes = defaultdict(list)
    for change in StatusChange.objects.filter(commitment__in=moved_here):
        changes[change.commitment_id].append(change)
    closed_on = {cid: terminal_date(items) for cid, items in changes.items()}
    waits = waits_at(office.pk, movements, closed_on, today)
    return (sum(waits) / len(waits), len(waits)) if waits else (None, 0)


def office_detail(request, slug):
    office = published_or_404(Office.objects.select_related("organization__jurisdiction"), slug)
    today = timezone.localdate()
    tenures = list(
        office.tenures.filter(person__in=Person.objects.published()).select_related("person").order_by("start_date")
    )
    # A pager: a chief secretary may own thousands of commitments, and the page must stay small.
    owned = page_numbers(
        request,
        Paginator(
            Commitment.objects.published()
            .filter(pk__in=CommitmentOwner.objects.filter(office=office).values("commitment_id"))
            .select_related("jurisdiction")
            .order_by("deadline", "title", "pk"),
            25,
        ),
    )
    owned.object_list = with_owners(owned.object_list)
    average, visits = average_wait_here(office, today)
    url = request.build_absolute_uri(request.path)
    context = {
        "office": office,
        "tenures": tenures,
        "holders_now": holders_on(tenures, today),
        "owned": owned,
        "average_wait": average,
        "visits": visits,
        "comparison": cached_report({"office": office.pk}, today, lambda: office_comparison(office, today)),
        "min_count": MIN_COUNT,
        "today": today,
        "canonical_url": url,
        "jsonld": office_jsonld(office, url),
    }
    return render(request, "tracker/office_detail.html", context)

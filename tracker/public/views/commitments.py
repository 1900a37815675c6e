from django.shortcuts import render
from django.utils import timezone

from tracker.models import Commitment, Decision, Office
from tracker.models.querysets import with_owners
from tracker.public.charts import bar_chart
from tracker.public.filters import CommitmentFilterForm
from tracker.public.ownership import hide_hidden, holders_on, owners_on, published_owners, tenures_by_office
from tracker.public.presenters import STATUS_EXPLANATIONS, commitment_jsonld
from tracker.public.summaries import figures
from tracker.public.timelines import terminal_date, time_with_offices, timeline
from tracker.public.views.common import UncountedPage, page_number, parse_day, published_or_404


def commitment_detail(request, slug):
    commitment = published_or_404(Commitment.objects.select_related("jurisdiction", "made_by_office"), slug)
    hide_hidden(commitment, "made_by_office", "jurisdiction")
    today = timezone.localdate()
    on, on_error = parse_day(request.GET.get("on"))
    owners = published_owners(commitment)
    changes = list(commitment.status_changes.all())
    movements = list(commitment.movements.filter(office__in=Office.objects.published()).select_related("office"))
    decisions = list(
        Decision.objects.published().filter(linked_commitments__commitment=commitment).order_by("decided_on")
    )
    tenures = tenures_by_office([o.office_id for o in owners] + [commitment.made_by_office_id])
    closed_on = terminal_date(changes)
    stays = time_with_offices(movements, until=closed_on or today)
    owners_now = owners_on(owners, tenures, today)
    url = request.build_absolute_uri(request.path)
    context = {
        "commitment": commitment,
        "explanation": STATUS_EXPLANATIONS[commitment.status],
        "days_overdue": (today - commitment.deadline).days if commitment.is_overdue else None,
        "owners_now": owners_now,
        "on": on,
        "on_error": on_error,
        "owners_on_date": owners_on(owners, tenures, on) if on else None,
        "owners_at_deadline": owners_on(owners, tenures, commitment.deadline)
        if commitment.deadline and commitment.deadline <= today
        else None,
        "owners_at_changes": [(change, owners_on(owners, tenures, change.effective_date)) for change in changes],
        "made_by_holders": holders_on(tenures.get(commitment.made_by_office_id, []), commitment.made_on),
        "timeline": timeline(commitment, changes, movements, decisions),
        "stays": stays,
        "stays_chart": bar_chart(
            "Days the next step waited with each office", [(s.office, s.days) for s in stays], "days"
        ),
        "sources": list(commitment.sources.all()),
        "canonical_url": url,
        "jsonld": commitment_jsonld(commitment, url, owners_now),
    }
    return render(request, "tracker/commitment_detail.html", context, status=400 if on_error else 200)


PER_PAGE = 25


def commitment_list(request):
    """The list, in the order of an index (deadline, title, id), never counted: the whole list's count is
    the dashboard's summary; a filtered list says how many it shows and whether there are more."""
    form = CommitmentFilterForm(request.GET or None)
    commitments = form.filter(Commitment.objects.published()) if form.is_valid() or not request.GET else None
    page = None
    if commitments is not None:
        filtered = any(v for k, v in request.GET.items() if k != "page")
        count = None if filtered else figures("dashboard", timezone.localdate())["total"]
        ordered = commitments.select_related("jurisdiction").order_by("deadline", "title", "pk")
        last = -(-count // PER_PAGE) if count else None
        page = UncountedPage(ordered, page_number(request, last), PER_PAGE, count)
        page.object_list = with_owners(page.object_list)
    context = {"form": form, "page": page, "today": timezone.localdate()}
    return render(request, "tracker/commitment_list.html", context, status=200 if page is not None else 400)

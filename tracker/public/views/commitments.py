from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tracker.archive.freshness import freshness_of
from tracker.archive.reading import attach_copies
from tracker.history.tenures import last_change
from tracker.models import Commitment, CommitmentSource, Decision, Movement, StatusChange, translations
from tracker.models.base import editing_fields, published
from tracker.models.querysets import with_owners
from tracker.public import list_explained, names
from tracker.public.charts import bar_chart
from tracker.public.filters import CommitmentFilterForm
from tracker.public.key_facts import commitment_glance
from tracker.public.owners_over_time import owners_over_time
from tracker.public.ownership import hide_hidden, holders_on, owners_on, published_owners, tenures_by_office
from tracker.public.presenters import STATUS_EXPLANATIONS, commitment_jsonld, duration
from tracker.public.summaries import figures
from tracker.public.timelines import terminal_date, time_with_offices, timeline
from tracker.public.views.common import UncountedPage, page_number, parse_day, published_or_404


def on_caveat(commitment, on, today):
    """What a reader must know about owners on a date before the promise was made, or to come."""
    if on is None:
        return ""
    if on < commitment.made_on:
        return _(
            "The promise was made on %(made)s, after this date: nobody owned it yet. These are the people "
            "who held its owners' offices then."
        ) % {"made": date_format(commitment.made_on, "j F Y")}
    if on > today:
        return _(
            "This date is in the future: these are the people who hold the offices today, as far as the "
            "tracker knows. Postings and transfers may change that."
        )
    return ""


def commitment_detail(request, slug):
    # The records this page reads, their editing fields left unread (editing_fields).
    commitment = published_or_404(
        Commitment.objects.select_related("jurisdiction", "made_by_office").defer(
            *editing_fields(Commitment, "", "jurisdiction", "made_by_office")
        ),
        slug,
    )
    hide_hidden(commitment, "made_by_office", "jurisdiction")
    today = timezone.localdate()
    on, on_error = parse_day(request.GET.get("on"))
    owners = published_owners(commitment)
    # Its parts read from the database as its published page's are, not through its cluster of children
    # (`commitment.status_changes`), whose managers cost more than the rows they read.
    changes = list(StatusChange.objects.filter(commitment=commitment))
    sources = list(CommitmentSource.objects.filter(commitment=commitment))
    copies = attach_copies(changes, sources)
    movements = list(
        Movement.objects.filter(published("office"), commitment=commitment)
        .select_related("office")
        .defer(*editing_fields(Movement, "office"))
    )
    decisions = list(
        Decision.objects.published()
        .filter(linked_commitments__commitment=commitment)
        .defer(*editing_fields(Decision))
        .order_by("decided_on")
    )
    tenures = tenures_by_office([o.office_id for o in owners] + [commitment.made_by_office_id], page=True)
    closed_on = terminal_date(changes)
    stays = time_with_offices(movements, until=closed_on or today)
    owners_now = owners_on(owners, tenures, today)
    latest_change = changes[-1] if changes and changes[-1].to_status == commitment.status else None
    url = request.build_absolute_uri(request.path)
    # Its latest public revision, read once: the page's "Last updated" and when its status was last checked.
    changed = last_change(commitment)
    context = {
        "commitment": commitment,
        "glance": commitment_glance(commitment, owners_now, latest_change, today),
        "explanation": STATUS_EXPLANATIONS[commitment.status],
        "overdue_for": duration(commitment.deadline, today) if commitment.is_overdue else "",
        "latest_change": latest_change,
        "on_caveat": on_caveat(commitment, on, today),
        "owners_now": owners_now,
        "on": on,
        "on_error": on_error,
        "owners_on_date": owners_on(owners, tenures, on) if on else None,
        "owners_over_time": owners_over_time(commitment, owners, tenures, changes, today),
        "changes": changes,
        "made_by_holders": holders_on(tenures.get(commitment.made_by_office_id, []), commitment.made_on),
        "timeline": timeline(commitment, changes, movements, decisions),
        "stays": stays,
        "stays_chart": bar_chart(
            _("Days the next step waited with each office"),
            [(translations.name_in_language(s.office, get_language()).text, s.days) for s in stays],
            _("days"),
        ),
        "sources": sources,
        "freshness": freshness_of(
            commitment,
            [part.url for part in changes + sources],
            copies,
            published=changed.published_at if changed else None,
        ),
        "last_change": changed,
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
    valid = page is not None and form.is_bound
    context = {
        "form": form,
        "page": page,
        "in_use": list_explained.filters_in_use(form) if valid else [],
        "figure": list_explained.figure_explained(form) if valid else None,
        "today": timezone.localdate(),
    }
    return render(request, "tracker/commitment_list.html", context, status=200 if page is not None else 400)


def filter_names(request):
    """The names the list's filters suggest, {datalist id: [names]}: one small resource that the filters'
    script fetches once, when a reader opens the filters, instead of some 250 options written into every
    page of the list (most readers never filter). Cached like every public page, until the state changes."""
    suggested = names.suggested_names()
    return JsonResponse({"jurisdiction-names": suggested["place"], "owner-names": suggested["office"]})

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tracker.models.vocabulary import JurisdictionTier
from tracker.public import like_with_like, public_state
from tracker.public.accountability import TABLES, AccountabilityForm, build_report, report_csv
from tracker.public.comparison_csv import every_office_csv, every_person_csv
from tracker.public.delivery import MIN_COUNT
from tracker.public.districts import published_places
from tracker.public.finding import finding
from tracker.public.share_charts import share_chart, step_chart
from tracker.public.shared_cache import cached_report
from tracker.public.summaries import accountability_key, figures_and_digest
from tracker.public.survival import DEADLINE, HORIZON
from tracker.public.views.common import csv_download


def _report(form):
    """(The report for a valid (or unbound) form, what its tables are kept under): from its maintained
    summary when it is filtered by place and sector only (a bounded number of them), kept under a digest of
    the summary's figures, so that a summary served stale while the refresh computes it is not rendered
    again by each reader; else from the cache while the figures are unchanged, and kept under their
    version."""
    today = timezone.localdate()
    data = form.cleaned_data if form.is_bound else {}
    if not data.get("due_from") and not data.get("due_to"):
        filters = {name: form.data.get(name, "") for name in ("province", "district", "sector")}
        return figures_and_digest(accountability_key(filters), today, lambda: build_report(form, today))
    return cached_report(form.query(), today, lambda: build_report(form, today)), public_state.figures()


def accountability(request):
    form = AccountabilityForm(request.GET or None)
    valid = form.is_valid() if form.is_bound else True
    report, kept_under = _report(form) if valid else (None, "")
    filters = {k: v for k, v in (form.data.items() if form.is_bound else []) if k in form.fields and v}
    csv_address = reverse("tracker:accountability_csv")
    context = {
        "form": form,
        "report": report,
        "finding": finding(report),
        "min_count": MIN_COUNT,
        "places": _place_choices(),
        "csv": {table: f"{csv_address}?{urlencode({'table': table, **filters})}" for table in TABLES},
        "comparison_csv": {table: f"{csv_address}?table={table}" for table in COMPARISONS},
        # The report's tables are most of the page's time: rendered once per report (its figures), language,
        # day and filters, and cached as long as the report itself.
        "report_keep": {
            "seconds": settings.ACCOUNTABILITY_CACHE_SECONDS,
            "version": kept_under,
            "day": timezone.localdate().isoformat(),
            "filters": urlencode(sorted(filters.items())),
        },
    }
    if report is not None:
        context["like"] = [(comparison, like_with_like.in_words(comparison)) for comparison in report.like]
        too_few = _("too few to say")
        context["owner_chart"] = share_chart(
            _("Share delivered, by owner"),
            [(m.label, m.outcome("delivered")) for m in report.owner_groups],
            too_few,
        )
        context["council_chart"] = share_chart(
            _("Share delivered, by whether the council was elected when the commitment was due"),
            [(m.label, m.outcome("delivered")) for m in report.council_groups],
            too_few,
        )
        if report.time_to_delivery is not None:
            context["time_to_delivery"] = _time_charts(report.time_to_delivery, too_few)
    return render(request, "tracker/accountability.html", context, status=200 if valid else 400)


def _time_charts(found, too_few):
    """[(comparison, [(clock, its chart)])]: the time-to-delivery curves, drawn in the page's language."""
    axes = {DEADLINE: _("Years after the deadline"), "promise": _("Years after the promise")}
    titles = {
        DEADLINE: _("Share delivered, by years after the deadline"),
        "promise": _("Share delivered, by years after the promise"),
    }
    sections = []
    for comparison in found.comparisons:
        charts = []
        for clock in comparison.clocks:
            sides = [(group.label, group.points) for group in clock.groups]
            if not any(points for _label, points in sides):
                charts.append((clock, None))  # nothing to draw: the table says "too few to say"
                continue
            chart = step_chart(titles[clock.clock], axes[clock.clock], HORIZON[clock.clock], sides, too_few)
            charts.append((clock, chart))
        sections.append((comparison, charts))
    return sections


# Every office's and every person's comparison with their peers (as on their own pages): not filtered.
COMPARISONS = {"offices": every_office_csv, "people": every_person_csv}


def accountability_csv(request):
    table = request.GET.get("table", "")
    if table in COMPARISONS:
        # Computed at once but from every commitment (seconds at national scale): once per public state.
        today = timezone.localdate()
        text = cached_report({"comparison_csv": table}, today, lambda: COMPARISONS[table](today))
        return csv_download(text, f"who-delivers-{table}-against-peers.csv")
    if table not in TABLES:
        tables = ", ".join([*TABLES, *COMPARISONS])
        return HttpResponseBadRequest(_("Choose a table: %(tables)s.") % {"tables": tables})
    form = AccountabilityForm({k: v for k, v in request.GET.items() if k != "table"} or None)
    if form.is_bound and not form.is_valid():
        return HttpResponseBadRequest(_("A filter is not valid; see the page for the reason."))
    response = HttpResponse(report_csv(_report(form)[0], table), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="who-delivers-{table}.csv"'
    return response


def _place_choices():
    """(tier, slug, name) of the provinces and districts for the page's menus, each named in the page's
    language (its Urdu name on Urdu pages where it has one) and in that name's order."""
    language = get_language()
    tiers = (JurisdictionTier.PROVINCE, JurisdictionTier.DISTRICT)
    named = [(p.tier, p.slug, p.shown_name(language)) for p in published_places().values() if p.tier in tiers]
    return sorted(named, key=lambda row: (row[0], row[2]))

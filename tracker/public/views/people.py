from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tracker.models import Commitment, Person
from tracker.models.querysets import with_owners
from tracker.public.delivery import MIN_COUNT, list_url
from tracker.public.peers import person_comparison
from tracker.public.presenters import person_jsonld
from tracker.public.report_cache import cached_report
from tracker.public.scorecards import SCORE_COLUMNS, person_scores, person_tenures
from tracker.public.views.common import published_or_404

COLUMNS = list(zip(SCORE_COLUMNS, (_("Owned"), _("Delivered"), _("Broken"), _("Overdue")), strict=True))
LISTED = 50  # commitments listed under the scorecard; the rest are one link away


def scorecard_cells(person, rows, total):
    """([(tenure, [(count, url) per column]) per tenure], [(count, url) per column] for all tenures):
    every figure of the scorecard links to the commitment list showing the commitments behind it."""
    query = {"scorecard": person.slug}
    tenures = [
        (
            row.tenure,
            [(label, row.counts[c], list_url({**query, "tenure": row.tenure.pk}, scored=c)) for c, label in COLUMNS],
        )
        for row in rows
    ]
    counts = total.counts()
    return tenures, [(label, counts[c], list_url(query, scored=c)) for c, label in COLUMNS]


def person_detail(request, slug):
    person = published_or_404(Person.objects, slug)
    today = timezone.localdate()
    tenures = person_tenures(person)
    rows, total = person_scores(tenures, today)
    owned = Commitment.objects.published().filter(pk__in=sorted(total.owned))
    behind = with_owners(owned.select_related("jurisdiction").order_by("deadline", "title")[:LISTED])
    url = request.build_absolute_uri(request.path)
    context = {
        "person": person,
        "scorecard": scorecard_cells(person, rows, total),
        "totals": total.counts(),
        "owned_commitments": behind,
        "owned_count": len(total.owned),
        "all_owned_url": list_url({"scorecard": person.slug}, scored="owned"),
        "comparison": cached_report({"person": person.pk}, today, lambda: person_comparison(person, today)),
        "min_count": MIN_COUNT,
        "today": today,
        "canonical_url": url,
        "jsonld": person_jsonld(person, url, tenures),
    }
    return render(request, "tracker/person_detail.html", context)

"""The admin's report "Evidence to check": the published commitments and decisions whose evidence is dead (a
source the weekly check found not answering) or whose status is stale (nobody has published it, and no check
has found its sources as cited, for SOURCE_STALE_DAYS days), oldest first: what editors should look at next.
One query per kind of record (tracker/archive/freshness.py), whatever the number of sources."""

from django.conf import settings
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import user_passes_test
from wagtail.admin.menu import MenuItem

from tracker.admin.dashboard import edit_url
from tracker.archive.freshness import needing_attention
from tracker.models import ArchivedCopy, Commitment, Decision
from tracker.models.kinds import kind_of

SHOWN = 200  # rows per kind of record on the page


def _may_see(user):
    return user.has_perm("tracker.change_commitment") or user.has_perm("tracker.change_decision")


@user_passes_test(_may_see)
def evidence_report(request):
    sections = []
    for model in (Commitment, Decision):
        records = list(needing_attention(model)[:SHOWN])
        for record in records:
            record.edit_url = edit_url(record)
        sections.append({"label": kind_of(model).plural_label, "records": records})
    context = {
        "sections": sections,
        "stale_days": settings.SOURCE_STALE_DAYS,
        "dead_links": ArchivedCopy.objects.exclude(dead_reason="").count(),
        "shown": SHOWN,
    }
    return render(request, "tracker/admin/evidence_report.html", context)


urlpatterns = [path("tracker/evidence-to-check/", evidence_report, name="tracker_evidence_report")]


class EvidenceReportMenuItem(MenuItem):
    def is_shown(self, request):
        return _may_see(request.user)


def menu_item():
    return EvidenceReportMenuItem(
        _("Evidence to check"), reverse("tracker_evidence_report"), icon_name="warning", order=900
    )

"""The review queue of citizen tips in the admin. Tips arrive only through the public form; a
moderator reads each one, links it to a commitment if it is about one, and accepts or rejects it.
Only moderators see the sender's contact address; editors may read the queue without it."""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList, Panel
from wagtail.admin.viewsets.model import ModelViewSet

from tracker.models import Tip
from tracker.models.tips import EVIDENCE_TYPES

# Evidence files are for moderators only: editors may read the queue, not open what citizens attached.
EVIDENCE_PERMISSION = "tracker.change_tip"


class TipReviewForm(WagtailAdminModelForm):
    def save(self, commit=True):
        tip = super().save(commit=False)
        if "status" in self.changed_data:
            tip.reviewed_by, tip.reviewed_at = self.for_user, timezone.now()
        if commit:
            tip.save()
        return tip


class EvidencePanel(Panel):
    """The file a citizen attached, as a link to download it (moderators only)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "tracker/admin/tips/evidence.html"

        def is_shown(self):
            return bool(self.request and self.request.user.has_perm(EVIDENCE_PERMISSION))

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            tip = self.instance
            context["url"] = reverse("tip_evidence", args=[tip.pk]) if tip.pk and tip.evidence else ""
            context["kind"] = EVIDENCE_TYPES.get(tip.evidence_type, "").upper()
            return context


def evidence(request, pk):
    """A tip's evidence file, downloaded (never shown inline), for moderators only."""
    if not request.user.has_perm(EVIDENCE_PERMISSION):
        raise PermissionDenied
    tip = get_object_or_404(Tip, pk=pk)
    if not tip.evidence or tip.evidence_type not in EVIDENCE_TYPES:
        raise Http404("This tip has no evidence file.")
    name = f"tip-{tip.pk}-evidence.{EVIDENCE_TYPES[tip.evidence_type]}"
    response = FileResponse(tip.evidence.open("rb"), as_attachment=True, filename=name, content_type=tip.evidence_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


urlpatterns = [path("tips/<int:pk>/evidence/", evidence, name="tip_evidence")]


class TipViewSet(ModelViewSet):
    model = Tip
    icon = "mail"
    menu_label = _("Citizen tips")
    add_to_admin_menu = True
    menu_order = 200
    inspect_view_enabled = True
    # The contact address is not among these: the inspect view is what editors can open.
    inspect_view_fields = ["received_at", "kind", "commitment", "description", "url", "status", "review_note"]
    list_display = ["summary", "kind", "commitment", "status", "received_at"]
    list_filter = ["status", "kind"]
    search_fields = ["description"]
    search_backend_name = None  # tips are not in the search index: plain database matching
    ordering = ["-received_at"]
    edit_handler = ObjectList(
        [
            FieldPanel("kind", read_only=True),
            FieldPanel("description", read_only=True),
            FieldPanel("url", read_only=True),
            FieldPanel("contact_email", read_only=True, permission="tracker.see_tip_contact"),
            EvidencePanel(heading=_("Evidence file")),
            FieldPanel("commitment"),
            FieldPanel("status"),
            FieldPanel("review_note"),
        ],
        base_form_class=TipReviewForm,
    )

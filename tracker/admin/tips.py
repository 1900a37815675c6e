"""The review queue of citizen tips in the admin. Tips arrive only through the public form; a
moderator reads each one, links it to a commitment if it is about one, and accepts or rejects it.
Only moderators see the sender's contact address; editors may read the queue without it."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet

from tracker.models import Tip


class TipReviewForm(WagtailAdminModelForm):
    def save(self, commit=True):
        tip = super().save(commit=False)
        if "status" in self.changed_data:
            tip.reviewed_by, tip.reviewed_at = self.for_user, timezone.now()
        if commit:
            tip.save()
        return tip


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
            FieldPanel("commitment"),
            FieldPanel("status"),
            FieldPanel("review_note"),
        ],
        base_form_class=TipReviewForm,
    )

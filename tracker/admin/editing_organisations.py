"""Administrators manage the editing organisations and their members in the Wagtail admin.

No group is given permissions on these models, so only superusers see this menu item."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.admin.viewsets.model import ModelViewSet

from tracker.models import EditingOrganisation


class EditingOrganisationViewSet(ModelViewSet):
    model = EditingOrganisation
    icon = "group"
    menu_label = _("Editing organisations")
    add_to_admin_menu = True
    menu_order = 900
    list_display = ["name", "website"]
    search_fields = ["name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("website"),
        InlinePanel("memberships", label=_("Editors"), panels=[FieldPanel("user")]),
    ]

"""Administrators register webhooks (URL and secret) and read every delivery in the log.

No group is given permissions on these models, so only superusers see them (Settings menu). The log is
read-only for everyone: deliveries are written by tracker/following/webhooks.py alone."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from tracker.models import Webhook, WebhookDelivery


class WebhookViewSet(ModelViewSet):
    model = Webhook
    icon = "link-external"
    menu_label = _("Webhooks")
    add_to_settings_menu = True
    list_display = ["name", "url", "active", "failing_since", "paused_at"]
    list_filter = ["active"]
    search_fields = ["name", "url"]
    inspect_view_enabled = True
    panels = [
        FieldPanel("name"),
        FieldPanel(
            "url",
            help_text=_(
                "Every publish is POSTed here as JSON: an https:// address on the public internet (checked again at "
                "each delivery). Redirects are not followed."
            ),
        ),
        FieldPanel("secret"),
        FieldPanel("active"),
        FieldPanel("paused_at"),
    ]


class ReadOnly(ModelPermissionPolicy):
    """Superusers may read the log; nobody may add, change or delete a delivery by hand."""

    def user_has_permission(self, user, action):
        return action in ("view", "inspect") and user.is_active and user.is_superuser

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class WebhookDeliveryViewSet(ModelViewSet):
    model = WebhookDelivery
    icon = "list-ul"
    menu_label = _("Webhook deliveries")
    add_to_settings_menu = True
    list_display = ["webhook", "revision", "status", "attempts", "response_code", "error", "created_at", "delivered_at"]
    list_filter = ["status", "webhook"]
    inspect_view_enabled = True
    form_fields = ["status"]


register_permission_policy(WebhookDelivery, ReadOnly(WebhookDelivery))

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from tracker.admin.editing_organisations import EditingOrganisationViewSet
from tracker.admin.spreadsheets import ImportViewSet
from tracker.admin.tips import TipViewSet
from tracker.admin.viewsets import TrackerViewSetGroup
from tracker.admin.webhooks import WebhookDeliveryViewSet, WebhookViewSet
from tracker.models.kinds import record_models
from tracker.publishing.permissions import register_record_policies

# Editors edit only their organisation's records (tracker/publishing/permissions.py); registered before the viewsets.
register_record_policies(record_models())


class TrackerMenu(TrackerViewSetGroup):
    # "Import and export" (tracker/admin/spreadsheets.py) sits in the Tracker menu with the records.
    items = (*TrackerViewSetGroup.items, ImportViewSet)


register_snippet(TrackerMenu)


@hooks.register("register_admin_viewset")
def register_editing_organisations():
    return EditingOrganisationViewSet("editing_organisations")


@hooks.register("register_admin_viewset")
def register_webhooks():
    return WebhookViewSet("webhooks")


@hooks.register("register_admin_viewset")
def register_webhook_deliveries():
    return WebhookDeliveryViewSet("webhook-deliveries")


@hooks.register("register_admin_viewset")
def register_archived_copies():
    from tracker.admin.archived_copies import ArchivedCopyViewSet

    return ArchivedCopyViewSet("archived_copies")


@hooks.register("register_admin_viewset")
def register_citizen_tips():
    return TipViewSet("citizen_tips")


@hooks.register("insert_global_admin_css")
def urdu_fields_css():
    """The Urdu fields of the edit forms (tracker/admin/forms.py) in the site's Nastaliq face."""
    from django.templatetags.static import static
    from django.utils.html import format_html

    return format_html('<link rel="stylesheet" href="{}">', static("css/admin-urdu.css"))


@hooks.register("construct_homepage_panels")
def dashboard_panels(request, panels):
    from tracker.admin.dashboard import construct_panels

    construct_panels(request, panels)


@hooks.register("construct_homepage_summary_items", order=100)
def dashboard_summary(request, items):
    from tracker.admin.dashboard import construct_summary

    construct_summary(request, items)


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    from tracker.accounts.two_factor import urlpatterns

    return urlpatterns


@hooks.register("register_admin_urls")
def register_tip_evidence_urls():
    from tracker.admin.tips import urlpatterns

    return urlpatterns


@hooks.register("register_admin_urls")
def register_evidence_report_urls():
    from tracker.admin.evidence_report import urlpatterns

    return urlpatterns


@hooks.register("register_reports_menu_item")
def evidence_report_menu_item():
    from tracker.admin.evidence_report import menu_item

    return menu_item()


@hooks.register("register_admin_urls")
def register_takedown_urls():
    from tracker.admin.takedown_views import urlpatterns

    return urlpatterns


@hooks.register("register_snippet_listing_buttons")
def takedown_listing_button(snippet, user, next_url=None):
    from django.utils.translation import gettext as _
    from wagtail.admin.widgets import Button

    from tracker.admin.takedown_views import can_take_down, takedown_url
    from tracker.models.kinds import kind_of

    if (kind := kind_of(snippet)) and kind.segment and snippet.live and can_take_down(user, type(snippet)):
        restoring = snippet.taken_down_at is not None
        yield Button(
            _("Restore") if restoring else _("Take down"),
            takedown_url(snippet),
            icon_name="undo" if restoring else "warning",
            priority=90,
        )


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request):
    from django.urls import reverse
    from django.utils.translation import gettext as _

    return {
        "url": reverse("tracker_two_factor"),
        "label": _("Two-factor sign-in"),
        "help_text": _("Ask for a code from your phone as well as your password."),
    }


@hooks.register("register_log_actions")
def record_log_actions(actions):
    """The tracker's own writes in the admin's audit log (a record's History, the site history report),
    each with the reason or notice it was given (tracker/publishing/)."""
    from django.utils.translation import gettext_lazy as _
    from wagtail.log_actions import LogFormatter

    from tracker.publishing.delete import DELETED
    from tracker.publishing.takedown import RESTORED, TAKEN_DOWN
    from tracker.publishing.unpublish import UNPUBLISHED

    class WithReason(LogFormatter):
        def format_comment(self, log_entry):
            return log_entry.data.get("reason", "")

    for action, label, message in (
        (UNPUBLISHED, _("Unpublish"), _("Unpublished")),
        (DELETED, _("Delete"), _("Deleted")),
        (TAKEN_DOWN, _("Take down"), _("Taken down")),
        (RESTORED, _("Restore"), _("Restored")),
    ):
        actions.register_action(action)(type("Logged", (WithReason,), {"label": label, "message": message}))


@hooks.register("before_delete_snippet")
def records_are_deleted_one_at_a_time(request, instances):
    """The listings' bulk Delete has no room for a reason and no check that a record was never published:
    tracker records are deleted from their own Delete page (tracker/admin/record_views.py)."""
    from django.contrib import messages
    from django.shortcuts import redirect
    from django.utils.translation import gettext as _

    from tracker.models.base import TrackerRecord

    if request.resolver_match.url_name == "delete" or not any(isinstance(i, TrackerRecord) for i in instances):
        return None
    messages.error(request, _("Delete records one at a time, from the record's own page, saying why."))
    return redirect(type(instances[0]).snippet_viewset.get_url_name("list"))


@hooks.register("construct_snippet_action_menu")
def review_buttons_first(menu_items, request, context):
    from tracker.admin.review import construct_action_menu

    construct_action_menu(menu_items, request, context)


@hooks.register("register_admin_urls")
def register_record_search_urls():
    from tracker.admin.record_search import urlpatterns

    return urlpatterns


@hooks.register("register_admin_search_area")
def record_search_area():
    from tracker.admin.record_search import search_area

    return search_area()

"""**Reports → Archived copies**: every cited address the archive knows (tracker/archive/), with its copy, the
last failed fetch and its reason, the attempts and when the next is due, and what the weekly check found.
Read-only: the archive writes these rows, never an editor."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from tracker.models import ArchivedCopy


class ReadByEditors(ModelPermissionPolicy):
    """Editors and moderators may read the rows; nobody may add, change or delete one by hand."""

    def user_has_permission(self, user, action):
        return (
            action in ("view", "inspect")
            and user.is_active
            and (user.is_superuser or user.has_perm("tracker.change_commitment"))
        )

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class ArchivedCopyViewSet(ModelViewSet):
    model = ArchivedCopy
    icon = "doc-full"
    menu_label = _("Archived copies")
    menu_hook = "register_reports_menu_item"  # beside "Evidence to check"
    list_display = ["url", "fetched_at", "attempts", "last_failure", "next_attempt_at", "checked_at", "dead_reason"]
    list_filter = ["content_changed"]
    search_fields = ["url", "last_failure", "dead_reason"]
    inspect_view_enabled = True
    form_fields = []


register_permission_policy(ArchivedCopy, ReadByEditors(ArchivedCopy))

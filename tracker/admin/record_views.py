"""The record views of the admin, where they differ from Wagtail's snippet views.

- A new record belongs to its editor's organisation (tracker/publishing/permissions.py).
- Publishing checks the record's rules (tracker/models/base.py `TrackerRecord.publish`) however it is
  reached; when a moderator's approval is refused by them, nothing of the approval is kept and the
  moderator is told why, instead of an error page.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import WorkflowState
from wagtail.snippets.views.snippets import CreateView, EditView, UnpublishView, WorkflowActionView

from tracker.publishing.permissions import editing_organisation_id


class AdminPage(WagtailAdminTemplateMixin):
    """An admin page of our own whose header names it: Wagtail shows the breadcrumbs as the header, and
    without an item for the page itself they end at "Home". `parent_breadcrumbs()` may add the way in."""

    def parent_breadcrumbs(self):
        return []

    def get_breadcrumbs_items(self):
        this_page = {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()}
        return [*self.breadcrumbs_items, *self.parent_breadcrumbs(), this_page]


def edit_url(record):
    """The admin address where `record` (a snippet) is edited."""
    return reverse(type(record).snippet_viewset.get_url_name("edit"), args=[record.pk])


def refusal(error):
    return " ".join(error.messages)


class RecordCreateView(CreateView):
    def save_instance(self):
        # A new record belongs to its editor's organisation unless a moderator chose one.
        record = self.form.instance
        if record.maintained_by_id is None:
            record.maintained_by_id = editing_organisation_id(self.request.user)
        return super().save_instance()


class PublishRefusedMixin:
    """Runs the view's POST in one transaction; a publish refused by the record's rules undoes it."""

    def post(self, request, *args, **kwargs):
        try:
            with transaction.atomic():
                return super().post(request, *args, **kwargs)
        except ValidationError as error:
            messages.error(request, _("Not published: %(problems)s") % {"problems": refusal(error)})
            return redirect(self.get_edit_url_after_refusal())


class RecordEditView(PublishRefusedMixin, EditView):
    def get_edit_url_after_refusal(self):
        return self.get_edit_url()

    def submit_action(self):
        if self.workflow_state and self.workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            # Wagtail resumes the review on the copy of the record it loaded before this save, which
            # would ask the moderator to approve the previous revision, not the one just resubmitted.
            self.workflow_state.refresh_from_db()
        return super().submit_action()

    def workflow_action_action(self):
        # The footer's Approve (or Request changes) saves the moderator's form as a new revision first.
        # With WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT a review counts only for the latest revision,
        # so an approval left on the submitted one would restart the review instead of publishing: the
        # moderator acts on the revision they have just saved, which is the one that gets published.
        task_state = self.object.current_workflow_task_state
        if self.new_revision is not None and task_state is not None and task_state.revision_id != self.new_revision.pk:
            task_state.revision = self.new_revision
            task_state.save(update_fields=["revision"])
        return super().workflow_action_action()


class RecordWorkflowActionView(PublishRefusedMixin, WorkflowActionView):
    def get_edit_url_after_refusal(self):
        return edit_url(self.object)


class RecordUnpublishView(UnpublishView):
    def post(self, request, *args, **kwargs):
        # Wagtail's view runs its own unpublish action: one transaction keeps the live row and search's
        # index queue (which follows the `unpublished` signal) together.
        with transaction.atomic():
            return super().post(request, *args, **kwargs)

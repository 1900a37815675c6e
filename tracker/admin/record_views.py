"""The record views of the admin, where they differ from Wagtail's snippet views.

- A new record belongs to its editor's organisation (tracker/publishing/permissions.py).
- Publishing checks the record's rules (tracker/models/base.py `TrackerRecord.publish`) however it is
  reached; when a moderator's approval is refused by them, nothing of the approval is kept and the
  moderator is told why, instead of an error page.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from wagtail.admin import messages as admin_messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import WorkflowState
from wagtail.snippets.views.snippets import CreateView, DeleteView, EditView, UnpublishView, WorkflowActionView

from tracker.publishing.delete import delete, deletion_problem
from tracker.publishing.permissions import editing_organisation_id
from tracker.publishing.unpublish import unpublish


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
            self.refused = True
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
    """A review decision taken outside the edit page (the dashboard's "Awaiting your review"): says what
    happened, and asks for the comment an editor needs to make the changes requested."""

    def get_edit_url_after_refusal(self):
        return edit_url(self.object)

    def post(self, request, *args, **kwargs):
        requesting_changes = self.action_name == "reject"
        if requesting_changes and not request.POST.get("comment", "").strip():
            messages.error(
                request,
                _("Changes not requested for “%(record)s”: say in the comment what the editor should change.")
                % {"record": self.object},
            )
            return redirect(self.redirect_url)
        response = super().post(request, *args, **kwargs)
        if getattr(self, "refused", False):
            return response  # PublishRefusedMixin said why
        if requesting_changes:
            messages.success(
                request, _("Changes requested: “%(record)s” is back with its editor.") % {"record": self.object}
            )
        elif self.action_name == "approve":
            record = type(self.object).objects.get(pk=self.object.pk)
            if record.live and not record.has_unpublished_changes:
                messages.success(
                    request, _("“%(record)s” approved and published: the public sees it now.") % {"record": record}
                )
            else:
                messages.success(request, _("“%(record)s” approved.") % {"record": record})
        return response


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_lazy("Why"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=255,
        help_text=_lazy("Kept in the record's history and the audit log."),
    )


class DeleteReasonForm(ReasonForm):
    reason = forms.CharField(
        label=_lazy("Why (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=255,
        required=False,
        help_text=_lazy("Kept in the audit log."),
    )


class RecordUnpublishView(UnpublishView):
    """Unpublish, saying why: through tracker/publishing/unpublish.py, as every other unpublish."""

    template_name = "tracker/admin/record/confirm_unpublish.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(form=kwargs.pop("form", None) or ReasonForm(), **kwargs)

    def post(self, request, *args, **kwargs):
        form = ReasonForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        hook_response = self.run_hook("before_unpublish", request, self.object)
        if hook_response is not None:
            return hook_response
        unpublish(self.object, user=request.user, reason=form.cleaned_data["reason"])
        admin_messages.success(request, self.get_success_message(), buttons=self.get_success_buttons())
        return redirect(self.get_next_url())


class RecordDeleteView(DeleteView):
    """Delete a draft never published, saying why (tracker/publishing/delete.py); a published record is
    refused, with what to do instead."""

    template_name = "tracker/admin/record/confirm_delete.html"

    form_class = DeleteReasonForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(refusal=deletion_problem(self.object), **kwargs)

    def form_valid(self, form):
        if problem := deletion_problem(self.object):
            messages.error(self.request, problem)
            return redirect(edit_url(self.object))
        self.reason = form.cleaned_data["reason"]
        return super().form_valid(form)

    def delete_action(self):
        delete(self.object, user=self.request.user, reason=self.reason)

"""Review in one obvious place, for moderators and for editors.

- The moderator's dashboard starts with "Awaiting your review": each record submitted, who submitted it
  and when, with visible "Approve and publish" and "Request changes" buttons (and a box for a comment)
  that post to Wagtail's own workflow action; the record view says what happened.
- Inside a record under review the moderator's main button is "Approve and publish" and "Request
  changes" comes next; Wagtail's Publish (which would cancel the review) and its cancel/restart items are
  not offered: the review is how a submitted record is published.
- An editor's main button is "Submit for review" (Wagtail names it after the workflow, "Submit to
  Moderation", and keeps it under "More actions").
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import TaskState
from wagtail.snippets.action_menu import (
    CancelWorkflowMenuItem,
    PublishMenuItem,
    RestartWorkflowMenuItem,
    SubmitForModerationMenuItem,
    UnpublishMenuItem,
    WorkflowMenuItem,
)

from tracker.models.base import TrackerRecord
from tracker.models.kinds import kind_of

# Rows the review panel lists at most; the workflow report lists them all.
ROWS = 20


def awaiting_review(user):
    """The task states this user may act on, newest first, with their record (skipping deleted ones)."""
    states = (
        TaskState.objects.reviewable_by(user)
        .select_related("revision", "revision__user", "workflow_state__requested_by")
        .prefetch_related("revision__content_object")
        .order_by("-started_at")
    )
    for state in states[:ROWS]:
        record = state.revision.content_object
        if isinstance(record, TrackerRecord):
            yield state, record


def action_url(viewset, record, action, state):
    return reverse(viewset.get_url_name("workflow_action"), args=[record.pk, action, state.pk])


class ReviewPanel(Component):
    """The first panel of a moderator's dashboard (shown only to those who review)."""

    name, order = "tracker_awaiting_review", 10
    template_name = "tracker/admin/dashboard/review.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        rows = []
        for state, record in awaiting_review(self.request.user):
            viewset = type(record).snippet_viewset
            submitter = state.workflow_state.requested_by
            rows.append(
                {
                    "record": record,
                    "kind": kind_of(record).label,
                    "submitted_by": (submitter.get_full_name() or submitter.get_username()) if submitter else "",
                    "submitted_at": state.started_at,
                    "summary": record.edit_summary,
                    "edit_url": reverse(viewset.get_url_name("edit"), args=[record.pk]),
                    "approve_url": reverse(
                        viewset.get_url_name("workflow_action"), args=[record.pk, "approve", state.pk]
                    ),
                    "reject_url": reverse(
                        viewset.get_url_name("workflow_action"), args=[record.pk, "reject", state.pk]
                    ),
                    "compare_url": self.compare_url(viewset, record, state.revision),
                }
            )
        return {
            "rows": rows,
            "reviews": self.request.user.has_perm("tracker.publish_commitment"),
            "next": reverse("wagtailadmin_home"),
            "csrf_token": parent_context.get("csrf_token"),
            "request": self.request,
        }

    def compare_url(self, viewset, record, revision):
        """What the submitted revision changes against the published one, when there is one."""
        live = record.live_revision_id
        if not live or live == revision.pk:
            return ""
        return reverse(viewset.get_url_name("revisions_compare"), args=[record.pk, live, revision.pk])

    def render_html(self, parent_context=None):
        context = self.get_context_data(parent_context or {})
        return super().render_html(parent_context) if context["rows"] or context["reviews"] else ""


class SubmitForReviewMenuItem(SubmitForModerationMenuItem):
    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        state = parent_context["instance"].current_workflow_state if parent_context.get("instance") else None
        returned = state is not None and state.status == state.STATUS_NEEDS_CHANGES
        context["label"] = _("Resubmit for review") if returned else _("Submit for review")
        return context


NOT_DURING_REVIEW = (PublishMenuItem, CancelWorkflowMenuItem, RestartWorkflowMenuItem)


def review_label(item):
    """The words of a review button, and where it goes in the menu (0 first)."""
    if item.name == "approve":
        return (2, _("Approve with a comment, and publish")) if item.launch_modal else (0, _("Approve and publish"))
    return (1, _("Request changes"))


def construct_action_menu(menu_items, request, context):
    """The edit page's buttons for tracker records, main action first (see the module's docstring)."""
    model = context.get("model")
    if not (model and issubclass(model, TrackerRecord)):
        return
    record = context.get("instance")
    for index, item in enumerate(menu_items):
        if isinstance(item, SubmitForModerationMenuItem):
            menu_items[index] = SubmitForReviewMenuItem(order=item.order)
    reviewing = [i for i in menu_items if isinstance(i, WorkflowMenuItem) and i.name in ("approve", "reject")]
    if record is not None and record.workflow_in_progress and reviewing:
        for item in reviewing:
            item.label = review_label(item)[1]
        first = sorted(reviewing, key=lambda item: review_label(item)[0])
        rest = [i for i in menu_items if i not in reviewing and not isinstance(i, NOT_DURING_REVIEW)]
    elif not request.user.has_perm(f"{model._meta.app_label}.publish_{model._meta.model_name}"):
        first = [i for i in menu_items if isinstance(i, SubmitForReviewMenuItem)]
        rest = [i for i in menu_items if i not in first]
    else:
        return
    # Unpublish last: it is never the next step of an edit.
    rest.sort(key=lambda item: isinstance(item, UnpublishMenuItem))
    menu_items[:] = [*first, *rest]

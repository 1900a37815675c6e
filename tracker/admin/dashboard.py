"""The admin's dashboard as editors and moderators need it, instead of Wagtail's default ("2 Pages,
0 Images"): what is theirs to do first.

- Returned to you with comments: the records a moderator sent back to this editor, with the comment.
- Your drafts: records whose latest draft this user saved and that are neither published as they are
  nor in review.
- Awaiting your review (moderators), first: tracker/admin/review.py.
- New tips: citizens' tips nobody has reviewed yet (for those who may read the queue).
- Overdue, with no update for 90 days: published commitments past their deadline whose record has not
  been published since (an editor sees their organisation's).
- Recently published: the latest public revisions, as readers see them in the changes feed.

Panels are registered with Wagtail's `construct_homepage_panels` hook (tracker/admin/hooks.py); the
summary at the top counts the tracker's records instead of pages and images.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.site_summary import SummaryItem
from wagtail.admin.ui.components import Component
from wagtail.models import WorkflowState
from wagtail.permissions import policy_registry

from tracker.admin.review import ReviewPanel
from tracker.history.addresses import revision_url
from tracker.models import Commitment, PublicRevision, Tip, TipStatus
from tracker.models.kinds import kind_of, kind_of_type, record_models

# Rows a panel lists at most.
ROWS = 10
# A published commitment past its deadline with no publish for this long is flagged.
STALE_AFTER = datetime.timedelta(days=90)
# Wagtail's panels replaced by ours, or that show pages the tracker's editors do not work on.
REPLACED = {"user_objects_in_workflow_moderation", "workflow_objects_to_moderate", "recent_edits", "locked_pages"}


@dataclass(frozen=True)
class Row:
    title: str
    url: str
    detail: str
    when: datetime.datetime | datetime.date | None = None


def edit_url(record):
    return reverse(type(record).snippet_viewset.get_url_name("edit"), args=[record.pk])


def editable(user, model):
    """The records of `model` this user may change (an editor: their organisation's)."""
    return policy_registry.get_by_type(model).instances_user_has_any_permission_for(user, ["change"])


class RecordsPanel(Component):
    """A dashboard panel listing records: title (a link to edit it), a line about it, a date."""

    template_name = "tracker/admin/dashboard/panel.html"
    name = heading = empty = ""
    order = 100

    def __init__(self, request):
        self.request = request

    def rows(self):
        raise NotImplementedError

    def get_context_data(self, parent_context):
        rows = list(self.rows())
        return {"rows": rows, "heading": self.heading, "empty": self.empty, "panel_id": self.name.replace("_", "-")}


class ReturnedPanel(RecordsPanel):
    name, order = "tracker_returned", 90
    heading = _("Returned to you with comments")
    empty = _("Nothing returned to you: no moderator has asked for changes to your records.")

    def rows(self):
        states = WorkflowState.objects.filter(status=WorkflowState.STATUS_NEEDS_CHANGES, requested_by=self.request.user)
        for state in states.order_by("-current_task_state__finished_at")[:ROWS]:
            record = state.content_object
            if record is None:
                continue
            task = state.current_task_state
            who = task.finished_by.get_full_name() or task.finished_by.get_username() if task.finished_by else ""
            comment = task.comment or _("No comment.")
            yield Row(str(record), edit_url(record), f"{who}: “{comment}”" if who else comment, task.finished_at)


class DraftsPanel(RecordsPanel):
    name, order = "tracker_drafts", 110
    heading = _("Your drafts")
    empty = _("No drafts waiting: everything you saved is published or in review.")

    def rows(self):
        found = []
        # Records in review, by content type: the workflow's object ids are text, which PostgreSQL will
        # not compare with the records' integer keys in one query.
        active = [WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES]
        in_review = defaultdict(set)
        for content_type_id, object_id in WorkflowState.objects.filter(status__in=active).values_list(
            "content_type_id", "object_id"
        ):
            in_review[content_type_id].add(object_id)
        for model in record_models():
            reviewed = in_review[ContentType.objects.get_for_model(model).pk]
            drafts = (
                model.objects.filter(has_unpublished_changes=True, latest_revision__user=self.request.user)
                .exclude(pk__in=[int(pk) for pk in reviewed if pk.isdigit()])
                .select_related("latest_revision")
                .order_by("-latest_revision__created_at")[:ROWS]
            )
            found.extend(drafts)
        found.sort(key=lambda r: r.latest_revision.created_at, reverse=True)
        for record in found[:ROWS]:
            state = _("draft of a published record") if record.live else _("never published")
            yield Row(
                str(record), edit_url(record), f"{kind_of(record).label}, {state}", record.latest_revision.created_at
            )


class TipsPanel(RecordsPanel):
    name, order = "tracker_new_tips", 130
    heading = _("New tips")
    empty = _("No new tips.")

    def is_shown(self):
        return self.request.user.has_perm("tracker.view_tip")

    def render_html(self, parent_context=None):
        return super().render_html(parent_context) if self.is_shown() else ""

    def rows(self):
        for tip in Tip.objects.filter(status=TipStatus.NEW).select_related("commitment")[:ROWS]:
            # Moderators review it; editors may read it.
            view = "edit" if self.request.user.has_perm("tracker.change_tip") else "inspect"
            url = reverse(f"citizen_tips:{view}", args=[tip.pk])
            yield Row(tip.summary(), url, tip.get_kind_display(), tip.received_at)


class StalePanel(RecordsPanel):
    name, order = "tracker_overdue_stale", 140
    heading = _("Overdue, with no update for 90 days")
    empty = _("No overdue commitment has gone 90 days without an update.")

    def rows(self):
        today = timezone.localdate()
        since = timezone.now() - STALE_AFTER
        stale = (
            editable(self.request.user, Commitment)
            .published()
            .overdue(today)
            .filter(last_published_at__lt=since)
            .order_by("last_published_at")[:ROWS]
        )
        for commitment in stale:
            late = (today - commitment.deadline).days
            detail = ngettext(
                "%(status)s; deadline passed %(days)d day ago", "%(status)s; deadline passed %(days)d days ago", late
            ) % {"status": commitment.get_status_display(), "days": late}
            yield Row(commitment.title, edit_url(commitment), detail, commitment.last_published_at)


class RecentlyPublishedPanel(RecordsPanel):
    name, order = "tracker_recently_published", 150
    heading = _("Recently published")
    empty = _("Nothing published yet.")

    def rows(self):
        for revision in PublicRevision.objects.order_by("-sequence")[:ROWS]:
            content = revision.content
            detail = _("revision %(n)d: “%(summary)s”") % {"n": revision.number, "summary": revision.edit_summary}
            kind = kind_of_type(content.get("type"))
            # The revision as readers see it; organisations have no public page.
            url = revision_url(kind.segment, content["slug"], revision.number) if kind and kind.segment else ""
            yield Row(content.get("name", ""), url, detail, revision.published_at)


PANELS = (ReviewPanel, ReturnedPanel, DraftsPanel, TipsPanel, StalePanel, RecentlyPublishedPanel)


def construct_panels(request, panels):
    panels[:] = [panel for panel in panels if getattr(panel, "name", "") not in REPLACED]
    panels.extend(panel(request) for panel in PANELS)


class CountItem(SummaryItem):
    """One count at the top of the dashboard."""

    template_name = "tracker/admin/dashboard/count.html"

    def __init__(self, request, order, icon, text, url):
        super().__init__(request)
        self.order, self.icon, self.text, self.url = order, icon, text, url

    def get_context_data(self, parent_context):
        return {"icon": self.icon, "text": self.text, "url": self.url}


def construct_summary(request, items):
    """Counts of the tracker's records instead of Wagtail's pages, images and documents."""
    published = Commitment.objects.published().count()
    drafts = sum(m.objects.filter(has_unpublished_changes=True).count() for m in record_models())
    in_review = WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS).count()
    commitments = reverse(Commitment.snippet_viewset.get_url_name("list"))
    items[:] = [
        CountItem(
            request,
            10,
            "tasks",
            ngettext("%d commitment published", "%d commitments published", published) % published,
            commitments,
        ),
        CountItem(
            request,
            20,
            "edit",
            ngettext("%d record with a draft", "%d records with drafts", drafts) % drafts,
            commitments,
        ),
        CountItem(
            request,
            30,
            "clipboard-list",
            ngettext("%d record in review", "%d records in review", in_review) % in_review,
            reverse("wagtailadmin_reports:workflow"),
        ),
    ]

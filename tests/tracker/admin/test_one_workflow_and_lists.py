"""One moderation workflow: migration tracker 0008 merges Wagtail's "Moderators approval" into the
tracker's "Moderation" without losing anything waiting for a moderator; the admin's lists say where a
record stands in the public site's words and write dates as it does; counts are pluralised."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowState, WorkflowTask

from tests import scenario
from tests.tracker.admin.editing import SNIPPET, workflow_action
from tracker import publishing
from tracker.models import Commitment, PublicRevision
from tracker.publishing.imports import Applied

pytestmark = pytest.mark.django_db

merge_workflows = importlib.import_module("tracker.migrations.0008_one_moderation_workflow").merge_workflows


def wagtails_default_workflow():
    """What Wagtail makes when it is installed: a workflow for pages with one Moderators task."""
    task = GroupApprovalTask.objects.create(name="Moderators approval")
    task.groups.set([Group.objects.get(name="Moderators")])
    workflow = Workflow.objects.create(name="Moderators approval", active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=Page.objects.get(depth=1), defaults={"workflow": workflow})
    return workflow


def test_a_review_in_progress_on_wagtails_workflow_survives_the_merge(client, editor, moderator):
    theirs = wagtails_default_workflow()
    record = scenario.published_commitment(
        title="Sariab sewerage scheme", maintained_by=editor.editing_membership.organisation
    )
    record = Commitment.objects.get(pk=record.pk)
    record.title = "Sariab sewerage scheme, phase one"
    publishing.save_draft(record, user=editor, summary="Phase one named")
    theirs.start(record, editor)

    merge_workflows(apps, None)

    assert list(Workflow.objects.values_list("name", flat=True)) == ["Moderation"]
    state = WorkflowState.objects.get()
    assert (state.workflow.name, state.status) == ("Moderation", "in_progress")
    assert state.current_task_state.task.name == "Review by a moderator"
    assert WorkflowPage.objects.get().workflow.name == "Moderation"
    assert not GroupApprovalTask.objects.filter(name="Moderators approval").exists()

    client.force_login(moderator)
    workflow_action(client, Commitment.objects.get(pk=record.pk), "approve", "Checked")
    assert PublicRevision.objects.for_record(record).latest("number").content["name"].endswith("phase one")


def test_on_a_new_database_wagtails_workflow_becomes_the_one_workflow():
    Workflow.objects.filter(name="Moderation").delete()
    GroupApprovalTask.objects.filter(name="Review by a moderator").delete()
    wagtails_default_workflow()
    merge_workflows(apps, None)
    [workflow] = Workflow.objects.all()
    assert workflow.name == "Moderation"
    assert [t.name for t in workflow.tasks] == ["Review by a moderator"]


def test_lists_say_published_draft_or_taken_down_and_write_dates_as_the_site_does(client, moderator):
    import datetime

    from tracker.publishing.takedown import take_down

    scenario.published_commitment(title="Published promise", deadline=datetime.date(2025, 12, 31))
    gone = scenario.published_commitment(title="Taken-down promise")
    take_down(gone, user=moderator, notice="Court order of 1 May")
    draft = scenario.unsaved_commitment(title="Draft promise")
    publishing.save_draft(draft, user=moderator, summary="Draft")

    client.force_login(moderator)
    html = client.get(reverse(f"{SNIPPET}:list")).content.decode()
    assert "31 December 2025" in html and "Dec. 31, 2025" not in html
    for state in ("Published", "Taken down", "Draft"):
        assert f">{state}<" in html.replace("\n", "").replace("  ", ""), state
    assert "True" not in html and "False" not in html


def test_lists_filter_by_publication(client, moderator):
    from tracker.publishing.takedown import take_down

    scenario.published_commitment(title="Published promise")
    take_down(scenario.published_commitment(title="Taken-down promise"), user=moderator, notice="Court order")
    publishing.save_draft(scenario.unsaved_commitment(title="Draft promise"), user=moderator, summary="Draft")

    client.force_login(moderator)
    page = client.get(reverse(f"{SNIPPET}:list")).content.decode()
    assert "Publication" in page and ">Live<" not in page
    for value, shown in (
        ("published", "Published promise"),
        ("draft", "Draft promise"),
        ("taken_down", "Taken-down promise"),
    ):
        html = client.get(reverse(f"{SNIPPET}:list"), {"publication": value}).content.decode()
        others = {"Published promise", "Draft promise", "Taken-down promise"} - {shown}
        assert shown in html and not any(other in html for other in others), value


def test_counts_of_an_import_are_pluralised():
    assert Applied(created=1, changed=0, rows=1).commitments_created == "1 commitment created"
    assert Applied(created=2, changed=0, rows=2).commitments_created == "2 commitments created"
    assert Applied(created=1, changed=0, rows=1).rows_read == "1 row"


def test_migrate_leaves_one_workflow_for_pages_and_records():
    [workflow] = Workflow.objects.all()
    assert workflow.name == "Moderation"
    assert WorkflowPage.objects.filter(workflow=workflow).exists(), "pages go through it too"
    assert workflow.workflow_content_types.count() == 6

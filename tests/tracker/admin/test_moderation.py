"""Moderation in the admin: submit -> review with comments -> publish; evidence rules hold through
workflow approval; edit locking keeps two editors from overwriting each other."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import TaskState
from wagtail.test.utils.form_data import inline_formset

from tests import scenario
from tests.factories import JurisdictionFactory
from tests.tracker.admin.editing import SNIPPET, commitment_form, edit_form, owners_formset, workflow_action
from tracker import publishing
from tracker.models import Commitment, Membership, PublicRevision

pytestmark = pytest.mark.django_db


def test_submit_review_with_comments_then_publish(client, editor, moderator, offices):
    client.force_login(editor)
    form = commitment_form(offices, jurisdiction=JurisdictionFactory(name="Balochistan").pk, summary="Add the promise")
    client.post(reverse(f"{SNIPPET}:add"), {**form, "action-submit": "Submit"})
    record = Commitment.objects.get()
    assert record.current_workflow_state.status == "in_progress"

    client.force_login(moderator)
    workflow_action(client, record, "reject", "Quote the Chief Minister's speech as the source of the promise.")
    record.refresh_from_db()
    assert not record.live
    assert record.current_workflow_state.status == "needs_changes"
    assert not PublicRevision.objects.for_record(record).exists()

    # The editor reads the moderator's comment in the record's workflow history.
    client.force_login(editor)
    state = record.workflow_states.get()
    html = client.get(reverse(f"{SNIPPET}:workflow_history_detail", args=[record.pk, state.pk])).content.decode()
    assert "Quote the Chief Minister&#x27;s speech as the source of the promise." in html

    form = edit_form(
        offices,
        record,
        source_quote="Every file will be tracked online, the Chief Minister said.",
        # A quote of the promise needs its source (tracker/models/evidence.py).
        sources=inline_formset(
            [{"url": "https://example.org/speech", "title": "The Chief Minister's speech", "kind": "announcement"}]
        ),
        summary="Add the promise, with the speech quoted",
    )
    client.post(reverse(f"{SNIPPET}:edit", args=[record.pk]), {**form, "action-submit": "Resubmit"})
    record.refresh_from_db()
    assert record.current_workflow_state.status == "in_progress"

    client.force_login(moderator)
    workflow_action(client, record, "approve", "Speech checked against the recording.")
    record.refresh_from_db()
    assert record.live
    assert record.source_quote == "Every file will be tracked online, the Chief Minister said."
    revision = PublicRevision.objects.for_record(record).get()
    assert revision.edit_summary == "Add the promise, with the speech quoted"
    states = TaskState.objects.filter(workflow_state__object_id=str(record.pk)).order_by("started_at")
    assert [(s.status, s.comment) for s in states] == [
        ("rejected", "Quote the Chief Minister's speech as the source of the promise."),
        ("approved", "Speech checked against the recording."),
    ]


@pytest.fixture
def published(editor):
    record = scenario.published_commitment(
        title="Dialysis unit at Civil Hospital Quetta", maintained_by=editor.editing_membership.organisation
    )
    return Commitment.objects.get(pk=record.pk)


def submit_draft(record, editor):
    """Save `record` as it is in memory as a draft (as a script or import may) and submit it."""
    publishing.save_draft(record, user=editor, summary="Delivered")
    record.get_workflow().start(record, editor)
    record.refresh_from_db()


def test_a_status_change_without_a_source_is_not_published_on_approval(client, editor, moderator, published):
    scenario.add_status_change(published, "delivered", on=datetime.date(2024, 1, 10), url="", title="")
    submit_draft(published, editor)

    client.force_login(moderator)
    response = workflow_action(client, published, "approve", "Looks fine")
    published.refresh_from_db()
    assert published.status == "not_started"
    assert PublicRevision.objects.for_record(published).count() == 1
    assert published.current_workflow_state.status == "in_progress", "the draft waits for its source"
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("source" in m for m in messages), messages


def test_a_status_without_a_status_change_is_not_published_on_approval(client, editor, moderator, published):
    published.status = "delivered"
    submit_draft(published, editor)

    client.force_login(moderator)
    workflow_action(client, published, "approve", "Looks fine")
    published.refresh_from_db()
    assert published.status == "not_started"
    assert PublicRevision.objects.for_record(published).count() == 1


def test_two_editors_cannot_overwrite_each_other(editor, django_user_model, published, offices):
    colleague = django_user_model.objects.create_user("saima", "saima@example.org", "pass")
    colleague.groups.add(Group.objects.get(name="Editors"))
    Membership.objects.create(organisation=editor.editing_membership.organisation, user=colleague)
    first, second = Client(), Client()
    first.force_login(editor)
    second.force_login(colleague)
    owners = owners_formset(published)

    def form(title):
        return commitment_form(offices, jurisdiction=published.jurisdiction_id, owners=owners, title=title)

    edit_url = reverse(f"{SNIPPET}:edit", args=[published.pk])
    first.post(reverse(f"{SNIPPET}:lock", args=[published.pk]))
    published.refresh_from_db()
    assert published.locked_by == editor

    first.post(edit_url, form("Dialysis unit with ten machines"))
    page = second.get(edit_url).content.decode()
    assert "locked" in page.lower()
    second.post(edit_url, form("Dialysis unit cancelled"))
    published.refresh_from_db()
    assert published.get_latest_revision_as_object().title == "Dialysis unit with ten machines"

    first.post(reverse(f"{SNIPPET}:unlock", args=[published.pk]))
    second.post(edit_url, form("Dialysis unit with twelve machines"))
    published.refresh_from_db()
    assert published.get_latest_revision_as_object().title == "Dialysis unit with twelve machines"
    titles = [r.as_object().title for r in published.revisions.order_by("created_at")]
    assert "Dialysis unit with ten machines" in titles, "the first editor's draft is kept in the revisions"
    assert "Dialysis unit cancelled" not in titles

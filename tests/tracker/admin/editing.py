"""Editing commitments in the Wagtail admin through the test client: the form as the browser posts it,
and the moderator's workflow actions."""

from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from tracker.models import Commitment

SNIPPET = "wagtailsnippets_tracker_commitment"
ADD = f"{SNIPPET}:add"
EDIT = f"{SNIPPET}:edit"


def commitment_form(offices, *, owners=None, status_changes=(), summary="Add the promise", **fields):
    """The commitment form, made by the chief minister and owned by the chief minister (political) and the
    chief secretary (administrative) of `offices` unless `owners` says otherwise."""
    data = {
        "title": "File tracking system for the secretariat",
        "title_ur": "",
        "text": "Every file in the civil secretariat will be tracked online.",
        "sector": "e_governance",
        "jurisdiction": fields.pop("jurisdiction"),
        "made_by_office": offices.cm.pk,
        "made_on": "2019-05-01",
        "source_quote": "",
        "status": "not_started",
        "progress": "0",
        "deadline": "2020-06-30",
        "owners": owners
        if owners is not None
        else inline_formset(
            [
                {"office": offices.cm.pk, "role": "political"},
                {"office": offices.chief_secretary.pk, "role": "administrative"},
            ]
        ),
        "status_changes": inline_formset(list(status_changes)),
        "movements": inline_formset([]),
        "sources": inline_formset([]),
        "slug": "",
        "edit_summary": summary,
    }
    data.update(fields)
    return nested_form_data(data)


def owners_formset(record):
    """The owners of `record` as they stand, for a form that edits it."""
    owners = list(record.owners.all())
    return inline_formset([{"id": o.pk, "office": o.office_id, "role": o.role} for o in owners], initial=len(owners))


def edit_form(offices, record, **fields):
    """The commitment form for editing `record`, keeping its place and its owners."""
    return commitment_form(offices, jurisdiction=record.jurisdiction_id, owners=owners_formset(record), **fields)


def published_in_the_admin(client, offices, jurisdiction):
    """Add a commitment with the form and publish it at once (as a user allowed to publish)."""
    client.post(reverse(ADD), {**commitment_form(offices, jurisdiction=jurisdiction), "action-publish": "x"})
    return Commitment.objects.get()


def workflow_action(client, record, action, comment):
    task_state = record.current_workflow_state.current_task_state
    url = reverse(f"{SNIPPET}:workflow_action", args=[record.pk, action, task_state.pk])
    return client.post(url, {"comment": comment})


def approve(client, moderator, record, comment="Sources checked"):
    client.force_login(moderator)
    return workflow_action(client, record, "approve", comment)

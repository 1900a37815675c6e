"""Editing in the Wagtail admin through the test client: edit, submit, review, publish."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from tests.factories import JurisdictionFactory, OfficeFactory
from tracker.models import Commitment, PublicRevision

pytestmark = pytest.mark.django_db

ADD = "wagtailsnippets_tracker_commitment:add"
EDIT = "wagtailsnippets_tracker_commitment:edit"
WORKFLOW_ACTION = "wagtailsnippets_tracker_commitment:workflow_action"


@pytest.fixture
def offices():
    return {
        "political": OfficeFactory(title="Chief Minister Balochistan", kind="elected"),
        "administrative": OfficeFactory(title="Chief Secretary Balochistan", kind="appointed"),
    }


def commitment_form(offices, *, owners=None, status_changes=(), summary="Add the promise", **fields):
    data = {
        "title": "File tracking system for the secretariat",
        "title_ur": "",
        "text": "Every file in the civil secretariat will be tracked online.",
        "sector": "e_governance",
        "jurisdiction": fields.pop("jurisdiction"),
        "made_by_office": offices["political"].pk,
        "made_on": "2019-05-01",
        "source_quote": "",
        "status": "not_started",
        "progress": "0",
        "deadline": "2020-06-30",
        "owners": owners
        if owners is not None
        else inline_formset(
            [
                {"office": offices["political"].pk, "role": "political"},
                {"office": offices["administrative"].pk, "role": "administrative"},
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


def approve(client, moderator, commitment, comment="Sources checked"):
    client.force_login(moderator)
    task_state = commitment.current_workflow_state.current_task_state
    return client.post(reverse(WORKFLOW_ACTION, args=[commitment.pk, "approve", task_state.pk]), {"comment": comment})


def test_edit_submit_review_publish(client, editor, moderator, offices):
    province = JurisdictionFactory(name="Balochistan", tier="province")
    client.force_login(editor)
    response = client.post(
        reverse(ADD), {**commitment_form(offices, jurisdiction=province.pk), "action-submit": "Submit"}
    )
    assert response.status_code == 302
    commitment = Commitment.objects.get(title="File tracking system for the secretariat")
    assert not commitment.live
    assert commitment.current_workflow_state.status == "in_progress"
    assert not PublicRevision.objects.for_record(commitment).exists()
    assert "File tracking system" not in client.get("/").content.decode()

    approve(client, moderator, commitment)
    commitment.refresh_from_db()
    assert commitment.live
    first = PublicRevision.objects.for_record(commitment).get()
    assert (first.number, first.edit_summary) == (1, "Add the promise")
    assert [o["office"]["name"] for o in first.content["parts"]["owners"]] == [
        "Chief Minister Balochistan",
        "Chief Secretary Balochistan",
    ]
    history = commitment.history.first()
    assert history.history_user == moderator
    assert history.history_change_reason == "Add the promise"
    assert "File tracking system" in client.get("/").content.decode()

    # The editor records that it stalled, with evidence; the moderator publishes revision 2.
    owners = list(commitment.owners.all())
    client.force_login(editor)
    form = commitment_form(
        offices,
        jurisdiction=province.pk,
        summary="Stalled: tender cancelled",
        owners=inline_formset(
            [{"id": o.pk, "office": o.office_id, "role": o.role} for o in owners], initial=len(owners)
        ),
        status_changes=[
            {
                "from_status": "not_started",
                "to_status": "stalled",
                "effective_date": "2021-08-01",
                "recorded_on": "2021-08-03",
                "note": "",
                "url": "https://example.org/tender-cancelled",
                "title": "Tender cancelled",
                "publisher": "Example News",
                "published_on": "2021-08-01",
                "quote": "The tender was cancelled.",
                "archive_url": "",
            }
        ],
    )
    response = client.post(reverse(EDIT, args=[commitment.pk]), {**form, "action-submit": "Submit"})
    assert response.status_code == 302
    commitment.refresh_from_db()
    assert commitment.status == "not_started", "nothing changes publicly before review"
    assert PublicRevision.objects.for_record(commitment).count() == 1

    approve(client, moderator, commitment)
    commitment.refresh_from_db()
    assert commitment.status == "stalled"
    second = PublicRevision.objects.for_record(commitment).get(number=2)
    assert second.edit_summary == "Stalled: tender cancelled"
    assert second.previous_hash == first.hash
    assert second.content["fields"]["status"]["label"] == "Stalled"
    assert second.content["parts"]["status_changes"][0]["title"] == "Tender cancelled"


def test_editor_cannot_publish_directly(client, editor, offices):
    client.force_login(editor)
    form = commitment_form(offices, jurisdiction=JurisdictionFactory().pk)
    client.post(reverse(ADD), {**form, "action-publish": "action-publish"})
    assert not Commitment.objects.filter(live=True).exists()
    assert not PublicRevision.objects.exists()


def test_publishing_asks_for_an_edit_summary(client, admin_user, offices):
    client.force_login(admin_user)
    form = commitment_form(offices, jurisdiction=JurisdictionFactory().pk, summary="")
    response = client.post(reverse(ADD), {**form, "action-publish": "action-publish"})
    assert response.status_code == 200  # the form again, with its errors
    assert "edit_summary" in response.context["form"].errors
    assert not Commitment.objects.exists()


def test_publishing_needs_an_owner_but_a_draft_does_not(client, admin_user, offices):
    client.force_login(admin_user)
    jurisdiction = JurisdictionFactory().pk
    no_owners = inline_formset([])
    response = client.post(
        reverse(ADD),
        {**commitment_form(offices, jurisdiction=jurisdiction, owners=no_owners), "action-publish": "action-publish"},
    )
    assert response.status_code == 200  # the form again, with its errors
    assert "at least 1" in str(response.context["form"].formsets["owners"].non_form_errors())
    assert not Commitment.objects.exists()

    response = client.post(reverse(ADD), commitment_form(offices, jurisdiction=jurisdiction, owners=no_owners))
    assert response.status_code == 302
    assert Commitment.objects.get().live is False


def test_status_cannot_change_without_a_status_change(client, admin_user, offices):
    client.force_login(admin_user)
    jurisdiction = JurisdictionFactory().pk
    client.post(reverse(ADD), {**commitment_form(offices, jurisdiction=jurisdiction), "action-publish": "x"})
    commitment = Commitment.objects.get()
    owners = list(commitment.owners.all())
    form = commitment_form(
        offices,
        jurisdiction=jurisdiction,
        status="delivered",
        summary="Delivered",
        owners=inline_formset([{"id": o.pk, "office": o.office_id, "role": o.role} for o in owners], initial=2),
    )
    response = client.post(reverse(EDIT, args=[commitment.pk]), {**form, "action-publish": "x"})
    assert response.status_code == 200  # the form again, with its errors
    assert response.context["form"].errors["status"] == [
        "To change the status, add a status change below with its source and effective date."
    ]
    commitment.refresh_from_db()
    assert commitment.status == "not_started"
    assert PublicRevision.objects.for_record(commitment).count() == 1


def test_related_records_are_picked_with_choosers(client, admin_user):
    client.force_login(admin_user)
    html = client.get(reverse(ADD)).content.decode()
    for chooser in ("Choose jurisdiction", "Choose office"):
        assert chooser in html
    office_form = client.get(reverse("wagtailsnippets_tracker_office:add")).content.decode()
    assert "Choose organisation" in office_form and "Choose person" in office_form


def test_preview_shows_the_unpublished_edit_as_the_next_revision(client, admin_user, offices):
    client.force_login(admin_user)
    jurisdiction = JurisdictionFactory(name="Quetta").pk
    client.post(reverse(ADD), {**commitment_form(offices, jurisdiction=jurisdiction), "action-publish": "x"})
    commitment = Commitment.objects.get()
    owners = list(commitment.owners.all())
    form = commitment_form(
        offices,
        jurisdiction=jurisdiction,
        title="Online file tracking in every district office",
        owners=inline_formset([{"id": o.pk, "office": o.office_id, "role": o.role} for o in owners], initial=2),
    )
    url = reverse("wagtailsnippets_tracker_commitment:preview_on_edit", args=[commitment.pk])
    assert client.post(url, form).json()["is_valid"] is True
    html = client.get(url).content.decode()
    assert "what the next public revision will contain" in html
    assert "Online file tracking in every district office" in html
    assert "Chief Secretary Balochistan" in html
    commitment.refresh_from_db()
    assert commitment.title == "File tracking system for the secretariat"


def test_a_locked_record_cannot_be_saved_by_another_editor(client, editor, moderator, offices):
    client.force_login(editor)
    jurisdiction = JurisdictionFactory().pk
    client.post(reverse(ADD), commitment_form(offices, jurisdiction=jurisdiction))
    commitment = Commitment.objects.get()
    client.force_login(moderator)
    client.post(reverse("wagtailsnippets_tracker_commitment:lock", args=[commitment.pk]))
    commitment.refresh_from_db()
    assert commitment.locked and commitment.locked_by == moderator

    client.force_login(editor)
    owners = list(commitment.owners.all())
    form = commitment_form(
        offices,
        jurisdiction=jurisdiction,
        title="Overwritten while locked",
        owners=inline_formset([{"id": o.pk, "office": o.office_id, "role": o.role} for o in owners], initial=2),
    )
    client.post(reverse(EDIT, args=[commitment.pk]), form)
    assert commitment.latest_revision.as_object().title == "File tracking system for the secretariat"

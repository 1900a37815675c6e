"""Editing in the Wagtail admin through the test client: edit, submit, review, publish."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset

from tests.factories import JurisdictionFactory
from tests.tracker.admin.editing import ADD, EDIT, approve, commitment_form, edit_form, published_in_the_admin
from tracker.models import Commitment, PublicRevision

pytestmark = pytest.mark.django_db


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
    client.force_login(editor)
    form = edit_form(
        offices,
        commitment,
        summary="Stalled: tender cancelled",
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
    commitment = published_in_the_admin(client, offices, JurisdictionFactory().pk)
    form = edit_form(offices, commitment, status="delivered", summary="Delivered")
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
    commitment = published_in_the_admin(client, offices, JurisdictionFactory(name="Quetta").pk)
    form = edit_form(offices, commitment, title="Online file tracking in every district office")
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
    client.post(reverse(EDIT, args=[commitment.pk]), edit_form(offices, commitment, title="Overwritten while locked"))
    assert commitment.latest_revision.as_object().title == "File tracking system for the secretariat"

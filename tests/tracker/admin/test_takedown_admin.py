"""Moderators take a record down and restore it from the admin; editors cannot."""

import pytest

from tests.pages import page_text
from tracker.models import Commitment

pytestmark = pytest.mark.django_db
NOTICE = "Removed on the order of the Islamabad High Court, writ petition 1234/2024."


def takedown_url(record):
    return f"/admin/takedown/commitments/{record.pk}/"


def listing_text(client):
    return page_text(client.get("/admin/snippets/tracker/commitment/"))


def test_a_moderator_takes_a_record_down_and_restores_it(client, file_tracking_history, moderator):
    client.force_login(moderator)
    assert "Take down" in listing_text(client)
    form = client.get(takedown_url(file_tracking_history.commitment))
    assert "Take down" in page_text(form) and "410 Gone" in page_text(form)

    response = client.post(
        takedown_url(file_tracking_history.commitment), {"text": NOTICE, "reason": "court_order"}, follow=True
    )
    assert "is taken down: its public pages now show the notice" in page_text(response)
    public = client.get(f"/commitments/{file_tracking_history.commitment.slug}/")
    assert public.status_code == 410 and NOTICE in page_text(public)
    assert "Restore" in listing_text(client)

    form = client.get(takedown_url(file_tracking_history.commitment))
    assert NOTICE in page_text(form) and "Why it is restored" in page_text(form)
    response = client.post(
        takedown_url(file_tracking_history.commitment), {"text": "Order set aside on appeal"}, follow=True
    )
    assert "is public again, with its history" in page_text(response)
    assert client.get(f"/commitments/{file_tracking_history.commitment.slug}/").status_code == 200
    reasons = list(file_tracking_history.commitment.history.values_list("history_change_reason", flat=True)[:2])
    assert reasons == ["Restored: Order set aside on appeal", f"Taken down: {NOTICE}"]
    assert file_tracking_history.commitment.history.first().history_user == moderator


def test_a_takedown_without_a_notice_is_refused_and_changes_nothing(client, file_tracking_history, moderator):
    client.force_login(moderator)
    response = client.post(takedown_url(file_tracking_history.commitment), {"text": "   "})
    assert response.status_code == 200
    assert "This field is required." in page_text(response)
    assert Commitment.objects.get(pk=file_tracking_history.commitment.pk).taken_down_at is None
    assert client.get(f"/commitments/{file_tracking_history.commitment.slug}/").status_code == 200


def test_a_takedown_needs_a_reason_from_the_list_and_shows_it(client, file_tracking_history, moderator):
    client.force_login(moderator)
    form = page_text(client.get(takedown_url(file_tracking_history.commitment)))
    for label in ("Court order", "Privacy of a private person", "Personal safety", "Error of identity"):
        assert f">{label}</option>" in form
    for posted in ({"text": NOTICE}, {"text": NOTICE, "reason": "gossip"}):
        response = client.post(takedown_url(file_tracking_history.commitment), posted)
        assert response.status_code == 200
        assert "This field is required." in page_text(response) or "Select a valid choice." in page_text(response)
        assert Commitment.objects.get(pk=file_tracking_history.commitment.pk).taken_down_at is None
    client.post(takedown_url(file_tracking_history.commitment), {"text": NOTICE, "reason": "private_person"})
    assert Commitment.objects.get(pk=file_tracking_history.commitment.pk).takedown_reason == "private_person"
    public = page_text(client.get(f"/commitments/{file_tracking_history.commitment.slug}/"))
    assert "Reason: Privacy of a private person" in public
    api = client.get(f"/api/v1/commitments/{file_tracking_history.commitment.slug}/").json()
    assert api["reason"] == "private_person" and api["reason_label"] == "Privacy of a private person"
    assert "Reason: Privacy of a private person" in page_text(
        client.get(takedown_url(file_tracking_history.commitment))
    )


def test_editors_can_neither_take_down_nor_see_the_action(client, file_tracking_history, editor):
    client.force_login(editor)
    refused = client.get(takedown_url(file_tracking_history.commitment), follow=True)
    assert "Sorry, you do not have permission to access this area." in page_text(refused)
    assert (
        client.post(takedown_url(file_tracking_history.commitment), {"text": NOTICE, "reason": "court_order"})[
            "Location"
        ]
        == "/admin/"
    )
    assert Commitment.objects.get(pk=file_tracking_history.commitment.pk).taken_down_at is None
    assert "Take down" not in listing_text(client)


def test_drafts_and_unknown_kinds_have_no_takedown(client, file_tracking_history, moderator):
    client.force_login(moderator)
    Commitment.objects.filter(pk=file_tracking_history.commitment.pk).update(live=False)
    assert client.get(takedown_url(file_tracking_history.commitment)).status_code == 404
    assert client.get(f"/admin/takedown/organisations/{file_tracking_history.commitment.pk}/").status_code == 404

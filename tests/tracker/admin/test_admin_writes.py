"""The admin's Unpublish, Delete, Take down and Restore buttons go through tracker/publishing/, with the
reason the moderator gives: it is kept in the record's row history and shown in the admin's audit log (the
record's History page). Posted exactly as the buttons of those pages post."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests import scenario
from tests.factories import OfficeFactory
from tests.pages import page_text
from tracker import publishing
from tracker.models import Commitment, PublicRevision
from tracker.publishing import takedown

pytestmark = pytest.mark.django_db
SNIPPET = "wagtailsnippets_tracker_commitment"
REASON = "Duplicate of the record on the Quetta water scheme"


@pytest.fixture
def published(db):
    return scenario.published_commitment(
        title="Clean water for Satellite Town", summary="Add the promise", owner_office=OfficeFactory()
    )


def url(name, record):
    return reverse(f"{SNIPPET}:{name}", args=[record.pk])


def admin_history(client, record):
    return page_text(client.get(url("history", record)))


def test_unpublish_asks_why_and_keeps_the_reason_in_both_histories(client, moderator, published):
    client.force_login(moderator)
    page = client.get(url("unpublish", published))
    assert "Why" in page_text(page) and 'name="reason"' in page.content.decode()

    refused = client.post(url("unpublish", published), {"reason": "  "})
    assert refused.status_code == 200 and "This field is required" in page_text(refused)
    assert Commitment.objects.get(pk=published.pk).live

    client.post(url("unpublish", published), {"reason": REASON})
    record = Commitment.objects.get(pk=published.pk)
    assert not record.live
    assert record.history.first().history_change_reason == REASON  # not the last publish's "Add the promise"
    history = admin_history(client, record)
    assert "Unpublished" in history and REASON in history
    assert client.get(f"/commitments/{record.slug}/").status_code == 404


def test_a_published_record_cannot_be_deleted_and_the_page_says_what_to_do(client, moderator, published):
    client.force_login(moderator)
    page = page_text(client.get(url("delete", published)))
    assert "has been published: readers cite its public history" in page and "Unpublish it instead" in page
    response = client.post(url("delete", published), {"reason": "Not needed"}, follow=True)
    assert "has been published" in page_text(response)
    assert Commitment.objects.filter(pk=published.pk).exists()
    assert PublicRevision.objects.for_record(published).count() == 1


def test_a_draft_never_published_is_deleted_with_its_reason_in_the_audit_log(client, moderator):
    draft = scenario.unsaved_commitment(title="Draft about street lights", owner_office=OfficeFactory())
    publishing.save_draft(draft, summary="Start a draft")
    client.force_login(moderator)
    client.post(url("delete", draft), {"reason": "Entered twice by mistake"})
    assert not Commitment.objects.filter(pk=draft.pk).exists()
    log = page_text(client.get("/admin/reports/site-history/"))
    assert "Deleted" in log and "Draft about street lights" in log
    deleted = Commitment.history.filter(id=draft.pk, history_type="-").get()
    assert deleted.history_change_reason == "Entered twice by mistake"


def test_the_listings_bulk_delete_is_refused_for_records(client, moderator):
    draft = scenario.unsaved_commitment(title="Draft about street lights", owner_office=OfficeFactory())
    publishing.save_draft(draft, summary="Start a draft")
    client.force_login(moderator)
    bulk = reverse("wagtail_bulk_action", args=["tracker", "commitment", "delete"]) + f"?id={draft.pk}"
    response = client.post(bulk, follow=True)
    assert "Delete records one at a time" in page_text(response)
    assert Commitment.objects.filter(pk=draft.pk).exists()


def test_take_down_and_restore_show_their_notice_and_reason_in_the_audit_log(client, moderator, published):
    client.force_login(moderator)
    takedown_url = f"/admin/takedown/commitments/{published.pk}/"
    client.post(takedown_url, {"reason": "court_order", "text": "On the order of the Islamabad High Court"})
    client.post(takedown_url, {"text": "Order set aside on appeal"})
    history = admin_history(client, published)
    assert "Taken down" in history and "On the order of the Islamabad High Court" in history
    assert "Restored" in history and "Order set aside on appeal" in history


def test_restore_needs_a_reason_and_changes_nothing_without_one(published):
    takedown.take_down(published, notice="Court order 12/2026")
    with pytest.raises(ValidationError, match="Say why the record is restored"):
        takedown.restore(published, reason="   ")
    assert Commitment.objects.get(pk=published.pk).taken_down_at is not None

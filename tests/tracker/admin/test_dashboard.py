"""The admin's dashboard shows editors and moderators what is theirs to do, instead of Wagtail's
"2 Pages, 0 Images": returned with comments, their drafts, awaiting review, new tips, overdue commitments
with no update for 90 days, and what was published lately."""

import datetime

import pytest
from django.utils import timezone

from tests import scenario
from tests.tracker.admin.editing import workflow_action
from tracker import publishing
from tracker.models import Commitment, PublicRevision, Tip

pytestmark = pytest.mark.django_db


def dashboard(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return " ".join(response.content.decode().split())


@pytest.fixture
def kept(editor):
    return editor.editing_membership.organisation


def test_an_editor_sees_drafts_and_what_came_back_with_comments(client, editor, moderator, kept):
    draft = scenario.unsaved_commitment(title="Girls' school on Sariab Road", maintained_by=kept)
    publishing.save_draft(draft, user=editor, summary="First notes")
    returned = scenario.unsaved_commitment(title="Dialysis unit at Civil Hospital", maintained_by=kept)
    publishing.save_draft(returned, user=editor, summary="Add the promise")
    returned.get_workflow().start(returned, editor)
    client.force_login(moderator)
    workflow_action(client, Commitment.objects.get(pk=returned.pk), "reject", "Quote the speech, please.")

    html = dashboard(client, editor)
    assert "Your drafts" in html and "Girls&#x27; school on Sariab Road" in html
    assert "Returned to you with comments" in html
    assert "Dialysis unit at Civil Hospital" in html and "moderator: “Quote the speech, please.”" in html
    assert "0 Images" not in html and " Pages " not in html


def test_a_moderator_sees_what_awaits_review_new_tips_stale_overdue_and_recent(client, editor, moderator, kept):
    waiting = scenario.unsaved_commitment(title="Bus rapid transit for Quetta", maintained_by=kept)
    publishing.save_draft(waiting, user=editor, summary="Add")
    waiting.get_workflow().start(waiting, editor)
    Tip.objects.create(kind="new_commitment", description="The mayor promised a new park in Satellite Town.")
    stale = scenario.published_commitment(
        title="Sewerage for Sariab", made_on=datetime.date(2019, 1, 1), deadline=datetime.date(2020, 6, 30)
    )
    Commitment.objects.filter(pk=stale.pk).update(last_published_at=timezone.now() - datetime.timedelta(days=200))
    fresh = scenario.published_commitment(
        title="Water meters for Jinnah Town", made_on=datetime.date(2019, 1, 1), deadline=datetime.date(2020, 6, 30)
    )

    html = dashboard(client, moderator)
    assert "Awaiting your review" in html and "Bus rapid transit for Quetta" in html
    assert "New tips" in html and "The mayor promised a new park in Satellite Town." in html
    stale_panel = html.split("Overdue, with no update for 90 days")[1].split("Recently published")[0]
    assert "Sewerage for Sariab" in stale_panel and fresh.title not in stale_panel
    recent = html.split("Recently published")[1]
    assert f"/commitments/{fresh.slug}/history/1/" in recent
    assert "1 commitment published" not in html and "2 commitments published" in html
    assert PublicRevision.objects.count() >= 2

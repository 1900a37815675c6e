"""Drafts, unpublished changes, reviewer comments and editor identities never reach the history pages
or the feeds."""

import pytest
from django.contrib.auth.models import Group

from tracker import publishing
from tracker.models import Commitment, PublicRevision

pytestmark = pytest.mark.django_db
DRAFT_TEXT = "DRAFT: the chief minister quietly dropped this promise"
DRAFT_SUMMARY = "draft note: wait for the lawyer"
REVIEW_COMMENT = "Reviewer: the budget figure is unconfirmed, ask Shazia"


def public_addresses(slug):
    base = f"/commitments/{slug}/"
    return [
        base,
        base + "history/",
        *(base + f"history/{n}/" for n in (1, 2, 3, 4)),
        base + "history/compare/1/3/",
        base + "history/compare/3/4/",
        base + "cite/3/",
        *(base + f"cite/3/?format={f}" for f in ("apa", "bibtex", "ris", "csl-json")),
        base + "feed/",
        "/feeds/changes/",
    ]


def test_draft_and_reviewer_comment_never_appear(client, file_tracking_history, django_user_model):
    commitment = Commitment.objects.get(pk=file_tracking_history.commitment.pk)
    commitment.text = DRAFT_TEXT
    publishing.save_draft(commitment, user=file_tracking_history.editor, summary=DRAFT_SUMMARY)

    # A second edit goes through the moderation workflow; the reviewer's comment stays in the admin.
    moderator = django_user_model.objects.create_user("shahid.reviewer", "shahid@example.org", "pass")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    reviewed = Commitment.objects.get(pk=file_tracking_history.commitment.pk)
    reviewed.progress = 25
    reviewed.edit_summary = "Progress after the review"
    reviewed.save_revision(user=file_tracking_history.editor)
    workflow_state = reviewed.get_workflow().start(reviewed, file_tracking_history.editor)
    task_state = workflow_state.current_task_state
    task_state.task.on_action(task_state, moderator, "approve", comment=REVIEW_COMMENT)
    assert PublicRevision.objects.for_record(reviewed).count() == 4  # approval published it

    for address in public_addresses(file_tracking_history.commitment.slug):
        response = client.get(address)
        assert response.status_code == 200, address
        body = response.content.decode()
        for secret in (DRAFT_TEXT, DRAFT_SUMMARY, REVIEW_COMMENT, "zubaida", "shahid"):
            assert secret not in body, (address, secret)
    revision_4 = client.get(f"/commitments/{file_tracking_history.commitment.slug}/history/4/").content.decode()
    assert "Progress after the review" in revision_4 and "Progress (%): 20 → 25" in revision_4

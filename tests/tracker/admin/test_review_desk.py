"""Review in one obvious place: "Awaiting your review" first on a moderator's dashboard, with visible buttons
that say what happened; inside a record under review the main button approves and publishes and nothing
speaks of cancelling a workflow; an editor's main button submits for review; the dashboard's search box
finds records. Posted exactly as the dashboard's buttons post."""

import re

import pytest
from django.urls import reverse

from tests import scenario
from tests.pages import page_text
from tracker import publishing
from tracker.models import Commitment, PublicRevision

pytestmark = pytest.mark.django_db
TITLE = "Bus rapid transit for Quetta"


@pytest.fixture
def submitted(editor):
    """A new commitment an editor saved and submitted for review."""
    record = scenario.unsaved_commitment(title=TITLE, maintained_by=editor.editing_membership.organisation)
    publishing.save_draft(record, user=editor, summary="Add the promise")
    record.get_workflow().start(record, editor)
    return Commitment.objects.get(pk=record.pk)


def dashboard(client, user):
    client.force_login(user)
    return client.get("/admin/").content.decode()


def review_form(html):
    """The dashboard's review form of the first row: its address, and the Request changes button's."""
    panel = html.split('id="awaiting-review-content"')[1]
    approve = re.search(r'<form method="post" action="([^"]+)"', panel).group(1)
    reject = re.search(r'formaction="([^"]+)"', panel).group(1)
    return approve, reject


def test_awaiting_review_comes_first_with_visible_buttons(client, moderator, submitted):
    html = dashboard(client, moderator)
    headings = [
        h for h in ("Awaiting your review", "Returned to you", "Your drafts", "Recently published") if h in html
    ]
    assert headings[0] == "Awaiting your review"
    assert html.index("Awaiting your review") < html.index("Your drafts")
    panel = page_text(client.get("/admin/")).split("Awaiting your review")[1]
    assert TITLE in panel and "Approve and publish" in panel and "Request changes" in panel
    assert "editor" in panel  # who submitted it


def test_approving_from_the_dashboard_publishes_and_says_so(client, moderator, submitted):
    approve, _reject = review_form(dashboard(client, moderator))
    response = client.post(approve, {"comment": "", "next": "/admin/"}, follow=True)
    assert f"“{TITLE}” approved and published: the public sees it now." in page_text(response)
    record = Commitment.objects.get(pk=submitted.pk)
    assert record.live and PublicRevision.objects.for_record(record).count() == 1
    assert TITLE not in page_text(response).split("Awaiting your review")[1].split("Your drafts")[0]


def test_requesting_changes_needs_a_comment_and_returns_the_record_to_its_editor(client, editor, moderator, submitted):
    _approve, reject = review_form(dashboard(client, moderator))
    refused = client.post(reject, {"comment": " ", "next": "/admin/"}, follow=True)
    assert "say in the comment what the editor should change" in page_text(refused)
    assert Commitment.objects.get(pk=submitted.pk).current_workflow_state.status == "in_progress"

    done = client.post(reject, {"comment": "Quote the speech, please.", "next": "/admin/"}, follow=True)
    assert f"Changes requested: “{TITLE}” is back with its editor." in page_text(done)
    client.force_login(editor)
    editor_view = page_text(client.get("/admin/"))
    assert "Returned to you with comments" in editor_view and "Quote the speech, please." in editor_view


def test_nothing_returned_says_so(client, editor):
    client.force_login(editor)
    assert "Nothing returned to you" in page_text(client.get("/admin/"))


def footer(html):
    """The edit page's main button and the items of its "More actions" menu, in order."""
    main = re.search(r"<footer.*?<button[^>]*>\s*(?:<svg.*?</svg>)?\s*([^<]+?)\s*<", html, re.S)
    items = re.findall(r'<button[^>]*name="(action-[\w-]+|workflow-action-[\w-]+)"', html)
    return main.group(1) if main else "", items


def test_inside_a_record_under_review_the_moderator_approves_first_and_nothing_cancels_a_workflow(
    client, moderator, submitted
):
    client.force_login(moderator)
    html = client.get(reverse("wagtailsnippets_tracker_commitment:edit", args=[submitted.pk])).content.decode()
    text = " ".join(html.split())
    main, _items = footer(html)
    assert main == "Approve and publish"
    assert "cancel the current workflow" not in text and "Cancel workflow" not in text
    assert 'name="action-publish"' not in html
    assert text.index("Approve and publish") < text.index("Request changes") < text.index("Save draft")


def test_an_editors_main_button_submits_for_review(client, editor):
    record = scenario.unsaved_commitment(title="Girls' school", maintained_by=editor.editing_membership.organisation)
    publishing.save_draft(record, user=editor, summary="First notes")
    client.force_login(editor)
    html = client.get(reverse("wagtailsnippets_tracker_commitment:edit", args=[record.pk])).content.decode()
    assert footer(html)[0] == "Submit for review"
    assert "Submit to Moderation" not in html


def test_the_dashboard_search_box_finds_records(client, editor, moderator, submitted):
    scenario.published_commitment(title="Clean drinking water for Quetta")
    html = dashboard(client, moderator)
    assert reverse("tracker_record_search") in html  # the sidebar's search area
    found = page_text(client.get(reverse("tracker_record_search"), {"q": "drink quet"}))
    assert "Clean drinking water for Quetta" in found and "Commitments" in found
    nothing = page_text(client.get(reverse("tracker_record_search"), {"q": "zzzz"}))
    assert "No record matches “zzzz”" in nothing

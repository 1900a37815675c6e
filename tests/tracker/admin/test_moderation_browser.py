"""A moderator approves in a real Chromium from the edit page's footer, the button moderators actually use
(the other tests post to the workflow-action address). With re-approval on edit, the edit view saves the
moderator's form as a new revision before approving; the approval must still publish that revision."""

import datetime

import pytest
from django.urls import reverse

from tests import scenario
from tracker import publishing
from tracker.models import Commitment, PublicRevision

PASSWORD = "a-long-demo-password"


def sign_in(page, base, username):
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_approve_in_the_edit_pages_footer_publishes(chromium, live_server, editor, moderator):
    moderator.set_password(PASSWORD)
    moderator.save()
    record = scenario.published_commitment(
        title="Dialysis unit at Civil Hospital Quetta", maintained_by=editor.editing_membership.organisation
    )
    record = Commitment.objects.get(pk=record.pk)
    scenario.add_status_change(record, "in_progress", on=datetime.date(2024, 1, 10))
    publishing.save_draft(record, user=editor, summary="Work began in January")
    record.get_workflow().start(record, editor)

    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    sign_in(page, live_server.url, "moderator")
    page.goto(live_server.url + reverse("wagtailsnippets_tracker_commitment:edit", args=[record.pk]))
    # The main button of a record under review, not a menu item.
    main = page.locator("footer .w-dropdown-button > button").first
    assert main.inner_text().strip() == "Approve and publish"
    assert "cancel" not in page.inner_text("footer").lower()
    main.click()
    page.wait_for_load_state("networkidle")

    record.refresh_from_db()
    assert record.status == "in_progress", "the approved draft is what the public now sees"
    assert not record.workflow_in_progress
    assert PublicRevision.objects.for_record(record).count() == 2
    assert PublicRevision.objects.for_record(record).latest("number").edit_summary == "Work began in January"
    page.goto(live_server.url + record.get_absolute_url())
    assert "In progress" in page.inner_text("main")

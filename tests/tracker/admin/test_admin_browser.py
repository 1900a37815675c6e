"""An editor in a real headless Chromium: log in, record a status change with its source, publish."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests import scenario
from tests.factories import OfficeFactory
from tracker.models import Commitment, PublicRevision


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_editor_publishes_a_status_change_with_a_source(chromium, live_server, django_user_model):
    django_user_model.objects.create_superuser("chief.editor", "chief.editor@example.org", "a-long-demo-password")
    commitment = scenario.published_commitment(
        title="File tracking system for the secretariat",
        owner_office=OfficeFactory(title="Chief Secretary Balochistan"),
    )

    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "chief.editor")
    page.fill("#id_password", "a-long-demo-password")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")

    page.goto(live_server.url + reverse("wagtailsnippets_tracker_commitment:edit", args=[commitment.pk]))
    page.click("#id_status_changes-ADD")
    page.select_option("#id_status_changes-0-from_status", "not_started")
    page.select_option("#id_status_changes-0-to_status", "stalled")
    page.fill("#id_status_changes-0-effective_date", "2022-02-01")
    page.keyboard.press("Escape")
    page.fill("#id_status_changes-0-url", "https://example.org/news/secretariat-files-stalled")
    page.fill("#id_status_changes-0-title", "Secretariat file project stalls")
    page.fill("#id_status_changes-0-quote", "No funds have been released for the project.")
    page.fill("#id_edit_summary", "Stalled: no funds released")

    page.click('.w-dropdown:has(button[name="action-publish"]) .w-dropdown__toggle')
    page.click('button[name="action-publish"]')
    expect(page.locator("body")).to_contain_text("updated and published")

    commitment = Commitment.objects.get(pk=commitment.pk)
    assert commitment.status == "stalled"
    latest = PublicRevision.objects.for_record(commitment).order_by("-number").first()
    assert latest.number == 2
    assert latest.edit_summary == "Stalled: no funds released"
    change = latest.content["parts"]["status_changes"][0]
    assert change["to_status"]["label"] == "Stalled"
    assert change["url"] == "https://example.org/news/secretariat-files-stalled"
    history = commitment.history.first()
    assert history.history_user.username == "chief.editor"
    assert history.history_change_reason == "Stalled: no funds released"

"""A citizen in a real headless Chromium follows a commitment, confirms through the link the SMTP server
received, an editor publishes a change in the admin, the citizen receives it with its diff, opens the
compare page, changes the frequency and leaves in one click."""

import pytest
from playwright.sync_api import expect

from tests import scenario
from tests.browser import axe_problems, editor_publishes_a_stall
from tests.factories import OfficeFactory
from tests.tracker.following.conftest import html_of, link_in, text_of
from tracker.models import Follower


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_citizen_follows_confirms_receives_the_diff_and_leaves(
    chromium, phone, live_server, mailbox, settings, django_user_model
):
    settings.SITE_URL = live_server.url
    django_user_model.objects.create_superuser("chief.editor", "chief.editor@example.org", "a-long-demo-password")
    commitment = scenario.published_commitment(
        title="File tracking system for the secretariat",
        owner_office=OfficeFactory(title="Chief Secretary Balochistan"),
    )
    site = live_server.url
    address = "citizen@example.org"

    # Follow from the commitment's page, on a phone.
    phone.goto(f"{site}/commitments/{commitment.slug}/")
    phone.click("text=Follow by e-mail")
    # A click starts the navigation without waiting for it: wait for the page it leads to.
    expect(phone.locator("body")).to_contain_text("File tracking system for the secretariat")
    assert axe_problems(phone) == []
    phone.fill("input[type=email]", address)
    phone.click("button:has-text('Follow')")
    expect(phone.locator("body")).to_contain_text("Check your inbox")
    [confirmation] = mailbox.to(address)
    assert len(mailbox.messages()) == 1

    phone.goto(link_in(confirmation, f"{site}/follow/confirm/"))
    phone.click("text=Yes, send me the changes")
    expect(phone.locator("body")).to_contain_text("Confirmed")
    assert "Commitment: File tracking system for the secretariat" in phone.content()
    assert axe_problems(phone) == []

    # An editor publishes a change in the admin.
    desk = chromium.new_page(viewport={"width": 1280, "height": 900})
    editor_publishes_a_stall(desk, live_server.url, commitment)

    [alert] = mailbox.to(address)[1:]
    text = text_of(alert)
    assert "Status: Not started -> Stalled" in text
    assert "No funds have been released for the project." in text
    assert "Stalled: no funds released" in text
    assert "<del>" in html_of(alert) and alert["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    phone.goto(link_in(alert, f"{site}/commitments/{commitment.slug}/history/compare/"))
    assert "Changes from revision 1 to revision 2" in phone.content()

    # How often: a weekly digest instead.
    phone.goto(link_in(alert, f"{site}/follow/manage/"))
    phone.check("#frequency-weekly")
    phone.click("button:has-text('Save')")
    expect(phone.locator("body")).to_contain_text("Saved.")
    assert Follower.objects.get(email=address).frequency == "weekly"

    # One click: what a mail program does with List-Unsubscribe-Post.
    unsubscribe = "".join(str(alert["List-Unsubscribe"]).split()).strip("<>")
    answer = phone.request.post(
        unsubscribe,
        data="List-Unsubscribe=One-Click",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert answer.status == 200
    assert not Follower.objects.filter(email=address).exists()
    phone.goto(link_in(alert, f"{site}/follow/manage/"))
    assert "You are unsubscribed" in phone.content()

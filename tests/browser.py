"""Helpers for the tests that drive a real headless Chromium (the `chromium` and `phone` fixtures are in
tests/conftest.py): axe-core checks and the 375-pixel phone screen."""

from pathlib import Path

AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 375, "height": 740}


def axe_problems(page):
    """Serious or critical WCAG 2.1 A/AA violations on the open page."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "() => axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    )
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def fits_the_screen(page):
    return page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]


def editor_publishes_a_stall(page, site, commitment):
    """In the admin, as chief.editor: record that `commitment` stalled on 1 February 2022, with its
    source and an edit summary, and publish it (the button under the Save button's arrow)."""
    from django.urls import reverse
    from playwright.sync_api import expect

    page.goto(f"{site}/admin/login/")
    page.fill("#id_username", "chief.editor")
    page.fill("#id_password", "a-long-demo-password")
    page.click("button[type=submit]")
    page.wait_for_url(f"{site}/admin/")
    page.goto(site + reverse("wagtailsnippets_tracker_commitment:edit", args=[commitment.pk]))
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
    # A click starts the navigation without waiting for it: wait for the page it leads to.
    expect(page.locator("body")).to_contain_text("updated and published")

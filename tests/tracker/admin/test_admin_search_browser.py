"""An editor in a real Chromium types into every chooser's search box and every record list's search box,
as the admin's users do: part of a name in English, then a word of the Urdu name, and picks the first match.
Before this test existed, every one of those boxes answered with a server error."""

import pytest
from django.urls import reverse

from tests.tracker.admin import test_admin_search

KINDS = test_admin_search.KINDS
records = test_admin_search.records  # the world of the search tests, as a fixture of this module too

# Where each chooser is met: the add page of a kind, the chooser's button, and for a chooser inside a part
# of the record, the button that adds that part first.
CHOOSERS = {
    "jurisdiction": ("commitment", "Choose jurisdiction", None),
    "office": ("commitment", "Choose office", None),
    "organization": ("office", "Choose organisation", None),
    "person": ("office", "Choose person", "#id_tenures-ADD"),
    "commitment": ("decision", "Choose commitment", "#id_linked_commitments-ADD"),
}


def sign_in(page, base):
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "pass")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")


def first_result(page, scope):
    return (
        page.locator(f"{scope} table.listing tbody tr").first.locator("td.title").inner_text().strip().splitlines()[0]
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_editor_types_into_every_chooser_and_every_list(chromium, live_server, records):
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    errors = []
    page.on("response", lambda response: errors.append(response.url) if response.status >= 500 else None)
    sign_in(page, live_server.url)

    for kind, (form_of, button, add_part) in CHOOSERS.items():
        page.goto(live_server.url + reverse(f"wagtailsnippets_tracker_{form_of}:add"))
        if add_part:
            page.click(add_part)
        page.get_by_role("button", name=button).first.click()
        search = page.locator(".modal input[name=q]")
        search.wait_for()
        for typed in (KINDS[kind]["typed"], KINDS[kind]["urdu"]):
            with page.expect_response(lambda r: "/results/" in r.url and "q=" in r.url):
                search.fill(typed)
            page.wait_for_timeout(100)
            assert first_result(page, ".modal") == KINDS[kind]["wanted"], (kind, typed)
        page.locator(".modal table.listing tbody tr").first.locator("a").first.click()
        page.locator(".modal").wait_for(state="hidden")
        assert KINDS[kind]["wanted"] in page.inner_text("main"), kind

    for kind in KINDS:
        page.goto(live_server.url + reverse(f"wagtailsnippets_tracker_{kind}:list"))
        search = page.locator("#id_q").first
        for typed in (KINDS[kind]["typed"], KINDS[kind]["urdu"]):
            with page.expect_response(lambda r: "q=" in r.url):
                search.fill(typed)
            page.wait_for_timeout(100)
            assert first_result(page, "main") == KINDS[kind]["wanted"], (kind, typed)

    assert errors == []

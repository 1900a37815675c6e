"""A citizen on a 375-pixel-wide phone, in a real headless Chromium: from the dashboard to a
commitment to its owner, every page type checked with axe-core for serious accessibility problems."""

import pytest

from tests import scenario, worlds
from tests.browser import PHONE, axe_problems, fits_the_screen
from tracker.history.digest import sign_what_is_new

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture(scope="module")
def quetta_with_a_digest(django_db_setup, django_db_blocker):
    """The Quetta slice and a signed digest to list, committed once for the walks of this module, which only
    read it (tests/worlds.py)."""
    with worlds.committed_world(django_db_blocker):
        scenario.quetta()
        sign_what_is_new()
        yield


def test_citizen_finds_who_owns_a_commitment_now_and_when_it_stalled(phone, live_site, quetta_with_a_digest):
    page = phone
    page.goto(live_site.url + "/")
    assert axe_problems(page) == []
    assert fits_the_screen(page)

    # One click from the dashboard to the commitment...
    page.get_by_role("link", name="File tracking system for the secretariat").first.click()
    page.wait_for_url("**/commitments/file-tracking-system-for-the-secretariat/")
    owners_now = page.locator(".glance-owner", has_text="Must deliver").inner_text()
    assert "Deputy Commissioner Quetta" in owners_now and "Erum Baloch" in owners_now
    owners = page.locator("section[aria-labelledby=owners-h] table")
    stalled = owners.locator("tr.period", has=page.locator(".mark", has_text="Became “Stalled”, 10 Mar 2021"))
    assert stalled.first.is_visible()
    when_stalled = stalled.locator("th").all_inner_texts()
    assert when_stalled == ["Nadir Zehri", "Camran Achakzai", "Dawood Mengal (acting)"]
    assert axe_problems(page) == []
    assert fits_the_screen(page)

    # ...and its owner's person page.
    page.get_by_role("link", name="Erum Baloch").first.click()
    page.wait_for_url("**/people/erum-baloch/")
    assert page.get_by_role("heading", name="Erum Baloch").is_visible()
    assert axe_problems(page) == []


@pytest.mark.parametrize(
    "path, heading",
    [
        ("/commitments/", "Commitments"),
        (
            "/commitments/file-tracking-system-for-the-secretariat/?on=2022-01-05",
            "File tracking system for the secretariat",
        ),
        ("/offices/deputy-commissioner-quetta/", "Deputy Commissioner Quetta"),
        ("/people/erum-baloch/", "Erum Baloch"),
        ("/jurisdictions/balochistan/", "Balochistan"),
        ("/decisions/", "Decisions"),
        ("/decisions/funds-for-the-file-tracking-system/", "Funds for the file tracking system"),
        ("/methodology/", "How we track commitments"),
        ("/history/digests/", "Signed digests of the public history"),
        ("/accountability/", "Who delivers: elected and appointed offices compared"),
        ("/commitments/no-such-promise/", "We could not find that page"),
        ("/people/", "People"),
        ("/offices/?by=province", "Offices"),
        ("/jurisdictions/?q=quetta", "Places"),
        ("/my-district/?province=balochistan", "Your district"),
        ("/my-district/quetta/", "Quetta"),
        ("/changes/", "Recent changes"),
        ("/data/", "Open data"),
    ],
)
def test_every_page_type_is_accessible_on_a_phone(phone, live_site, quetta_with_a_digest, path, heading):
    phone.goto(live_site.url + path)
    assert phone.get_by_role("heading", level=1).inner_text() == heading
    assert axe_problems(phone) == []
    assert fits_the_screen(phone)


@pytest.mark.parametrize("path", ["/offices/deputy-commissioner-quetta/", "/people/erum-baloch/"])
def test_office_and_person_pages_compare_with_their_peers_on_a_phone(phone, live_site, quetta_with_a_digest, path):
    phone.goto(live_site.url + path)
    section = phone.locator("section[aria-labelledby=peers-h]")
    assert phone.get_by_role("heading", name="Against offices of the same kind and tier").is_visible()
    assert section.get_by_role("table").count() >= 1
    assert "of" in section.get_by_role("table").first.inner_text()  # counts beside every share
    assert axe_problems(phone) == []
    assert fits_the_screen(phone)


def test_choosing_a_date_works_without_javascript(chromium, live_site, quetta_with_a_digest):
    context = chromium.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_site.url + "/commitments/file-tracking-system-for-the-secretariat/")
    page.fill("#on", "2022-01-05")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**?on=2022-01-05")
    owners = page.get_by_role("heading", name="Owners on 5 January 2022").locator("xpath=following-sibling::ul[1]")
    assert "Deputy Commissioner Quetta: vacant" in owners.inner_text()
    context.close()

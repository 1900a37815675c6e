"""A citizen on a 375-pixel phone, in a real headless Chromium, in English and in Urdu: from the home page, the
header (a few lines, its "Browse" opened without a script) leads to the index of people and to "your
district": a province, a district, then who runs it. Nothing the pages ask for answers an error, the site's
icon included."""

import re

import pytest

from tests.browser import PHONE, axe_problems, fits_the_screen

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

WORDS = {
    "": {
        "main": "Main",
        "browse": "Browse",
        "people": "People",
        "district": "Your district",
        "administrator": "Run by an administrator",
    },
    "/ur": {
        "main": "مرکزی",
        "browse": "فہرستیں",
        "people": "افراد",
        "district": "آپ کا ضلع",
        "administrator": "ایڈمنسٹریٹر کے تحت",
    },
}


def open_browse(page, words):
    nav = page.get_by_role("navigation", name=words["main"])
    nav.locator("summary", has_text=words["browse"]).click()
    return nav


@pytest.mark.parametrize("language", ["", "/ur"])
def test_a_citizen_reaches_people_and_their_district_from_the_header_on_a_phone(
    phone, live_site, quetta_in_full, language
):
    words, failed = WORDS[language], []
    phone.on("response", lambda r: failed.append((r.status, r.url)) if r.status >= 400 else None)
    phone.goto(live_site.url + language + "/")

    # The header is a few lines: at most about a quarter of the phone's screen.
    header = phone.locator("header.site-header").bounding_box()
    assert header["height"] <= PHONE["height"] / 4, header
    # Every icon the page names, and the one browsers ask for whatever the page says, answers.
    icons = phone.eval_on_selector_all("link[rel=icon]", "links => links.map(link => link.href)")
    assert len(icons) == 2
    for address in [*icons, live_site.url + "/favicon.ico"]:
        assert phone.request.get(address).status == 200, address

    # Browse, then People.
    open_browse(phone, words).get_by_role("link", name=words["people"], exact=True).click()
    phone.wait_for_url(f"**{language}/people/")
    assert phone.get_by_role("heading", level=1).inner_text() == words["people"]
    entry = phone.locator(".index-entries li", has_text="Erum Baloch")
    assert entry.is_visible() and "Deputy Commissioner Quetta" in entry.inner_text()
    assert axe_problems(phone) == [] and fits_the_screen(phone)

    # Browse, then your district: the province, the district, then who runs it.
    open_browse(phone, words).get_by_role("link", name=words["district"]).click()
    phone.wait_for_url(f"**{language}/my-district/")
    phone.locator("section[aria-labelledby=province-h]").get_by_role("link", name=re.compile("Balochistan")).click()
    phone.wait_for_url(f"**{language}/my-district/?province=balochistan")
    assert axe_problems(phone) == [] and fits_the_screen(phone)
    phone.locator("section[aria-labelledby=district-h]").get_by_role("link", name=re.compile("^Quetta")).click()
    phone.wait_for_url(f"**{language}/my-district/quetta/")
    council = phone.locator("section[aria-labelledby=council-h]").inner_text()
    assert words["administrator"] in council and "Gul Mandokhail" in council
    offices = phone.locator("section[aria-labelledby=offices-h]").inner_text()
    assert "Deputy Commissioner Quetta" in offices and "Erum Baloch" in offices
    assert phone.get_by_role("link", name=re.compile("File tracking system for the secretariat")).first.is_visible()
    assert axe_problems(phone) == [] and fits_the_screen(phone)

    assert failed == []

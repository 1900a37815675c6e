"""Every public page type, on a 375-pixel phone and a 1280-pixel laptop screen, in a real headless
Chromium: each shows its heading and none is wider than the screen (document scrollWidth <=
clientWidth). Accessibility on the phone is checked page by page in test_public_browser.py; this walk
is about fitting the screen at both sizes, history, search and error pages included."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

FILES = "/commitments/file-tracking-system-for-the-secretariat/"
PAGES = [
    ("/", "Government commitments and who owns them"),
    ("/commitments/", "Commitments"),
    ("/commitments/?jurisdiction=Queta", "Commitments"),
    ("/commitments/?scorecard=camran-achakzai&scored=overdue", "Commitments"),
    (FILES, "File tracking system for the secretariat"),
    (FILES + "?on=2018-01-01", "File tracking system for the secretariat"),
    (FILES + "history/", None),
    (FILES + "history/1/", None),
    (FILES + "history/compare/1/2/", None),
    (FILES + "cite/2/", None),
    ("/decisions/", "Decisions"),
    ("/decisions/funds-for-the-file-tracking-system/", "Funds for the file tracking system"),
    ("/people/camran-achakzai/", "Camran Achakzai"),
    ("/people/nadir-zehri/", "Nadir Zehri"),
    ("/offices/deputy-commissioner-quetta/", "Deputy Commissioner Quetta"),
    ("/offices/administrator-metropolitan-corporation-quetta/", "Administrator Metropolitan Corporation Quetta"),
    ("/jurisdictions/balochistan/", "Balochistan"),
    ("/jurisdictions/quetta/", "Quetta"),
    ("/accountability/", "Who delivers: elected and appointed offices compared"),
    ("/search/?q=quetta", "Search"),
    ("/search/?q=water&jurisdiction=Queta", "Search"),
    ("/tips/", None),
    ("/methodology/", "How we track commitments"),
    ("/history/digests/", "Signed digests of the public history"),
    ("/commitments/no-such-promise/", "We could not find that page"),
    ("/people/", "People"),
    ("/offices/?by=province", "Offices"),
    ("/jurisdictions/", "Places"),
    ("/my-district/?province=balochistan", "Your district"),
    ("/my-district/quetta/", "Quetta"),
    ("/changes/", "Recent changes"),
    ("/data/", "Open data"),
]
SCREENS = {"phone": {"width": 375, "height": 740}, "laptop": {"width": 1280, "height": 800}}


@pytest.mark.parametrize("screen", SCREENS)
def test_every_public_page_type_fits_the_screen(chromium, live_site, quetta_in_full, screen):
    context = chromium.new_context(viewport=SCREENS[screen], is_mobile=screen == "phone")
    page = context.new_page()
    too_wide = []
    for path, heading in PAGES:
        page.goto(live_site.url + path)
        h1 = page.get_by_role("heading", level=1).first
        assert h1.is_visible(), path
        if heading:
            assert h1.inner_text() == heading, path
        widths = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if widths[0] > widths[1]:
            too_wide.append((path, widths))
    context.close()
    assert too_wide == []

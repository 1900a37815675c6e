"""Every public page type in Urdu, under /ur/, on a 375-pixel phone and a 1280-pixel laptop screen, in a
real headless Chromium: each says it is Urdu and right to left (<html lang="ur" dir="rtl">), none is
wider than the screen (a left/right rule that breaks in right-to-left shows up here first), and axe-core
finds no serious or critical accessibility problem. The language switcher leads from a record's Urdu
page to the same record in English and back. test_page_walk_browser.py walks the same pages in English.
Of the open data, the page of the downloads reads in Urdu (/ur/data/); the API has no /ur/ address
(docs/reference.md)."""

import pytest

from tests.browser import axe_problems

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

FILES = "/commitments/file-tracking-system-for-the-secretariat/"
DECISION = "/decisions/funds-for-the-file-tracking-system/"
PAGES = [
    "/",
    "/commitments/",
    "/commitments/?status=stalled",
    "/commitments/?jurisdiction=Queta",  # a misspelt place: 400 and "did you mean"
    "/commitments/?scorecard=camran-achakzai&scored=overdue",
    FILES,
    FILES + "?on=2018-01-01",
    FILES + "history/",
    FILES + "history/1/",
    FILES + "history/compare/1/2/",
    FILES + "cite/2/",
    "/decisions/",
    DECISION,
    "/people/camran-achakzai/",
    "/offices/deputy-commissioner-quetta/",
    "/offices/administrator-metropolitan-corporation-quetta/",
    "/jurisdictions/balochistan/",
    "/jurisdictions/quetta/",
    "/accountability/",
    "/search/?q=quetta",
    "/search/?q=water&jurisdiction=Queta",
    "/methodology/",
    "/tips/",
    "/follow/?target=commitments/file-tracking-system-for-the-secretariat",
    "/history/digests/",
    "/commitments/no-such-promise/",  # the 404 page
    "/people/",
    "/offices/?by=province",
    "/jurisdictions/?q=quetta",
    "/my-district/?province=balochistan",
    "/my-district/quetta/",
    "/changes/",
    "/data/",
]
# Pages that answer with an error status on purpose, and still show a page of their own.
STATUS = {
    "/commitments/?jurisdiction=Queta": 400,
    "/search/?q=water&jurisdiction=Queta": 400,
    "/commitments/no-such-promise/": 404,
}
SCREENS = {"phone": {"width": 375, "height": 740}, "laptop": {"width": 1280, "height": 800}}
# One record of each kind with a page of its own, for the language switcher.
RECORDS = [
    FILES,
    DECISION,
    "/people/camran-achakzai/",
    "/offices/deputy-commissioner-quetta/",
    "/jurisdictions/quetta/",
]


def what_the_page_declares(page):
    return page.evaluate(
        "() => ({lang: document.documentElement.lang, dir: document.documentElement.dir,"
        " scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth})"
    )


@pytest.mark.parametrize("screen", SCREENS)
def test_every_public_page_type_reads_right_to_left_in_urdu(chromium, live_site, quetta_in_full, screen):
    # bypass_csp: axe is injected by the test; the site's own policy forbids outside and inline scripts.
    context = chromium.new_context(viewport=SCREENS[screen], is_mobile=screen == "phone", bypass_csp=True)
    page = context.new_page()
    problems = []
    for path in PAGES:
        response = page.goto(live_site.url + "/ur" + path)
        if response.status != STATUS.get(path, 200):
            problems.append((path, "answered", response.status))
            continue
        if not page.get_by_role("heading", level=1).first.is_visible():
            problems.append((path, "no visible heading"))
        declared = what_the_page_declares(page)
        if (declared["lang"], declared["dir"]) != ("ur", "rtl"):
            problems.append((path, "declares", declared["lang"], declared["dir"]))
        if declared["scroll"] > declared["client"]:
            problems.append((path, "wider than the screen", declared["scroll"], declared["client"]))
        problems.extend((path, *problem) for problem in axe_problems(page))
    context.close()
    assert problems == []


def test_urdu_pages_draw_urdu_in_the_sites_own_nastaliq(phone, live_site, quetta_in_full):
    requests_elsewhere = []
    phone.on("request", lambda r: r.url.startswith(live_site.url) or requests_elsewhere.append(r.url))
    phone.goto(live_site.url + "/ur" + FILES)
    phone.evaluate("() => document.fonts.ready")
    loaded = phone.evaluate("() => [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)")
    assert '"Noto Nastaliq Urdu"' in loaded or "Noto Nastaliq Urdu" in loaded
    assert requests_elsewhere == []
    # English pages do not download it.
    phone.goto(live_site.url + FILES)
    phone.evaluate("() => document.fonts.ready")
    assert phone.evaluate("() => [...document.fonts].filter(f => f.status === 'loaded').length") == 0


def test_the_language_switcher_leads_to_the_same_record_and_back(chromium, live_site, quetta_in_full):
    context = chromium.new_context(viewport=SCREENS["phone"], is_mobile=True)
    page = context.new_page()
    for path in RECORDS:
        page.goto(live_site.url + "/ur" + path)
        switch_language(page, to="en")
        page.wait_for_url(live_site.url + path)
        assert what_the_page_declares(page)["lang"] == "en", path
        switch_language(page, to="ur")
        page.wait_for_url(live_site.url + "/ur" + path)
        assert (what_the_page_declares(page)["dir"], page.url) == ("rtl", live_site.url + "/ur" + path)
    context.close()


def switch_language(page, to):
    """Click the switcher's link to the other language, as a reader does: the link whose hreflang is it."""
    link = page.locator(f"header a[hreflang={to}]").first
    assert link.is_visible()
    link.click()

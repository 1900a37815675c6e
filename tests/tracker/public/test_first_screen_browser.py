"""The five-second test on a 375-pixel phone, in a real headless Chromium, in English and in Urdu (in the
site's own Nastaliq, whose tall lines are what pushes things down): what a citizen comes to a record page
for is on its first screen, the top of each within the first 800 pixels. On a commitment: its status, the
overdue badge and the names of the people holding its two owner offices today; on an office, a person and
a place: their key facts (issue 27)."""

import pytest

from tests.browser import axe_problems, fits_the_screen

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

FIRST_SCREEN = 800  # pixels from the top of the page
FILES = "/commitments/file-tracking-system-for-the-secretariat/"

# (address, [(what, CSS selector, text it must contain in English, in Urdu)]): the words are the scenario's
# (tests/scenario.py), people's names as the record holds them (they have no Urdu in it).
PAGES = {
    "commitment": (
        FILES,
        [
            ("status", ".glance .status", "In progress", "جاری"),
            ("overdue badge", ".glance .overdue", "Overdue since 30 June 2020", "30 جون 2020 سے تاخیر کا شکار"),
            ("elected owner's holder", ".glance-owner a", "Nadir Zehri", "Nadir Zehri"),
            ("appointed owner's holder", ".glance-owner a", "Erum Baloch", "Erum Baloch"),
            ("answers to voters", ".glance-owner .label", "Answers to voters", "ووٹروں کو جواب دہ"),
            ("must deliver", ".glance-owner .label", "Must deliver", "عمل درآمد کا ذمہ دار"),
            ("last updated", ".glance .updated", "Last updated", "آخری تازہ کاری"),
        ],
    ),
    "office": (
        "/offices/deputy-commissioner-quetta/",
        [
            ("kind", ".facts .kind", "Appointed", "مقرر کردہ"),
            ("place", ".facts a", "Quetta", "Quetta"),
            ("holder", ".facts .held-now a", "Erum Baloch", "Erum Baloch"),
            ("since", ".facts .held-now .since", "15 Jan 2022", "2022"),
            ("commitments owned", ".facts .owned-now", "Owns 1 commitment", "1 وعدے کا ذمہ دار"),
            ("overdue count", ".facts .owned-now .overdue", "1 of them overdue", "ان میں سے 1 تاخیر کا شکار"),
            ("last updated", ".facts .updated", "Last updated", "آخری تازہ کاری"),
        ],
    ),
    "person": (
        "/people/erum-baloch/",
        [
            ("office held now", ".facts .held-now a", "Deputy Commissioner Quetta", "Deputy Commissioner Quetta"),
            ("since", ".facts .held-now .since", "15 Jan 2022", "2022"),
            ("last updated", ".facts .updated", "Last updated", "آخری تازہ کاری"),
        ],
    ),
    "place": (
        "/jurisdictions/quetta/",
        [
            ("commitments", ".facts a", "2 commitments", "2 وعدے"),
            ("council's status", ".facts .council-now", "Run by an administrator", "ایڈمنسٹریٹر کے تحت"),
            ("administrator", ".facts .held-now a", "Gul Mandokhail", "Gul Mandokhail"),
            ("deputy commissioner", ".facts .held-now a", "Erum Baloch", "Erum Baloch"),
            ("mayor's vacancy", ".facts .held-now .vacant", "vacant", "خالی"),
            ("last updated", ".facts .updated", "Last updated", "آخری تازہ کاری"),
        ],
    ),
}


def open_page(phone, url):
    phone.goto(url)
    # Measure once the web fonts are in: Nastaliq arrives after the first paint (font-display: swap) and
    # makes the Urdu lines taller.
    phone.evaluate("() => document.fonts.ready.then(() => true)")


@pytest.mark.parametrize("language", ["en", "ur"])
@pytest.mark.parametrize("kind", PAGES)
def test_the_key_facts_are_on_the_first_screen_of_a_phone(phone, live_site, quetta_in_full, kind, language):
    path, wanted = PAGES[kind]
    open_page(phone, live_site.url + ("/ur" if language == "ur" else "") + path)
    if language == "ur":
        assert phone.evaluate("() => document.fonts.check('16px \"Noto Nastaliq Urdu\"', 'اردو')")
    tops = {}
    for what, selector, english, urdu in wanted:
        found = phone.locator(selector, has_text=english if language == "en" else urdu).first
        assert found.is_visible(), (what, language)
        box = found.bounding_box()
        tops[what] = round(box["y"])
    assert {what: top for what, top in tops.items() if top >= FIRST_SCREEN} == {}, tops
    assert fits_the_screen(phone)
    assert axe_problems(phone) == []


@pytest.mark.parametrize("language", ["en", "ur"])
def test_the_owners_table_stays_within_a_phone_screen(phone, live_site, quetta_in_full, language):
    open_page(phone, live_site.url + ("/ur" if language == "ur" else "") + FILES)
    region = phone.get_by_role("region", name=phone.locator("#owners-caption").inner_text())
    assert region.is_visible()
    width = region.evaluate("el => [el.scrollWidth, el.clientWidth]")
    assert width[0] <= width[1], width  # rows stack on a phone: nothing to scroll sideways
    assert fits_the_screen(phone)
    rows = region.locator("tbody tr.period")
    assert rows.count() == 6  # the chief minister; three deputy commissioners (one acting) and a vacancy
    erum = region.locator("tr.period", has_text="Erum Baloch")
    assert "2022" in erum.inner_text() and erum.locator(".mark-now").is_visible()

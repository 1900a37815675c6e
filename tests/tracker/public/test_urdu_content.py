"""Content in both languages: Urdu pages show each record's Urdu (titles, names, the promise, summaries,
status-change and movement notes); where a record has no Urdu yet they show its English marked as
English (lang="en" dir="ltr") with an "(English)" note; English pages stay as they were. Hostile Urdu is
escaped like any other text."""

import datetime
import re

import pytest

from tests import factories, hostile, scenario
from tests.pages import in_english, in_urdu
from tracker.models import vocabulary

pytestmark = pytest.mark.django_db
D = datetime.date
FALLBACK = re.compile(r'<span lang="en" dir="ltr">([^<]*)</span> <small class="in-english">\(([^)]*)\)</small>')


def fallbacks(response):
    """The English texts an Urdu page shows marked as English (each with a note saying so)."""
    found = FALLBACK.findall(response.content.decode())
    assert all(note for _text, note in found)
    return [text for text, _note in found]


@pytest.fixture
def partly_in_urdu(db):
    """A place, an office with its holder, a commitment with a status change and a movement, and a
    decision: Urdu written for some texts, not for others."""
    place = scenario.publish(
        factories.JurisdictionFactory.build(name="Quetta District", name_ur="کوئٹہ", tier="district")
    )
    person = scenario.publish(factories.PersonFactory.build(name="Amna Kakar", name_ur="آمنہ کاکڑ"))
    untranslated_person = scenario.publish(factories.PersonFactory.build(name="Bilal Tareen", summary="A holder."))
    organization = scenario.publish(
        factories.OrganizationFactory.build(name="District Administration Quetta", jurisdiction=place)
    )
    office = scenario.publish(
        scenario.office(
            title="Deputy Commissioner Quetta",
            title_ur="ڈپٹی کمشنر کوئٹہ",
            organization=organization,
            tenures=[(person, D(2020, 1, 1))],
        )
    )
    other_office = scenario.publish(
        scenario.office(
            title="Secretary Finance Balochistan",
            organization=organization,
            tenures=[(untranslated_person, D(2020, 1, 1))],
        )
    )
    promise = scenario.commitment(
        title="Water filtration plants in Pishin",
        title_ur="پشین میں پانی صاف کرنے کے پلانٹ",
        text="Install ten drinking water filtration plants.",
        text_ur="پینے کا پانی صاف کرنے کے دس پلانٹ لگائے جائیں۔",
        jurisdiction=place,
        live=False,
        owners=[(office, vocabulary.OwnershipRole.ADMINISTRATIVE), (other_office, vocabulary.OwnershipRole.SUPPORTING)],
        changes=[
            {
                "to_status": vocabulary.CommitmentStatus.IN_PROGRESS,
                "on": D(2021, 3, 1),
                "note": "Work began in March.",
                "note_ur": "کام مارچ میں شروع ہوا۔",
            }
        ],
        movements=[(office, D(2021, 2, 1))],
    )
    scenario.publish(promise)
    untranslated = scenario.published_commitment(
        title="Bus service on Quetta's main roads",
        text="A public bus service.",
        jurisdiction=place,
        owner_office=office,
    )
    decision = scenario.publish(
        scenario.decision(
            title="Allocation for the filtration plants",
            title_ur="فلٹریشن پلانٹس کے لیے رقم مختص",
            summary="Funds for ten plants.",
            deciding_office=office,
            linked=[promise],
        )
    )
    return place, person, untranslated_person, office, other_office, promise, untranslated, decision


def test_a_commitment_page_in_urdu_shows_its_urdu_title_promise_and_note(client, partly_in_urdu):
    *_, promise, _untranslated, _decision = partly_in_urdu
    response = in_urdu(client, promise.get_absolute_url())
    html = response.content.decode()
    assert "<h1><bdi>پشین میں پانی صاف کرنے کے پلانٹ</bdi></h1>" in html
    assert "پینے کا پانی صاف کرنے کے دس پلانٹ لگائے جائیں۔" in html
    assert "کام مارچ میں شروع ہوا۔" in html and "Work began in March." not in html
    assert "<title>پشین میں پانی صاف کرنے کے پلانٹ" in html
    # The English title stays under the heading, marked as English; the office and place in Urdu.
    assert '<p lang="en" dir="ltr" class="english"><bdi>Water filtration plants in Pishin</bdi></p>' in html
    assert "ڈپٹی کمشنر کوئٹہ" in html and "کوئٹہ" in html and "آمنہ کاکڑ" in html
    # What has no Urdu yet: marked as English, each once with its note.
    shown = fallbacks(response)
    assert "Secretary Finance Balochistan" in shown and "Bilal Tareen" in shown


def test_a_commitment_without_urdu_shows_its_english_marked_as_english(client, partly_in_urdu):
    *_, untranslated, _decision = partly_in_urdu
    response = in_urdu(client, untranslated.get_absolute_url())
    shown = fallbacks(response)
    assert "Bus service on Quetta&#x27;s main roads" in shown
    assert "A public bus service." in shown
    html = response.content.decode()
    assert '<h1><bdi><span lang="en" dir="ltr">Bus service on Quetta&#x27;s main roads</span>' in html
    assert 'class="english"' not in html  # no second English line under an English heading


def test_english_pages_show_the_english_and_the_urdu_beneath_it(client, partly_in_urdu):
    *_, promise, untranslated, _decision = partly_in_urdu
    html = in_english(client, promise.get_absolute_url()).content.decode()
    assert "<h1><bdi>Water filtration plants in Pishin</bdi></h1>" in html
    assert '<p lang="ur" dir="rtl" class="urdu"><bdi>پشین میں پانی صاف کرنے کے پلانٹ</bdi></p>' in html
    assert "Install ten drinking water filtration plants." in html and "Work began in March." in html
    assert "in-english" not in html
    assert "in-english" not in in_english(client, untranslated.get_absolute_url()).content.decode()


def test_lists_rows_and_record_pages_read_in_urdu(client, partly_in_urdu):
    place, person, untranslated_person, office, other_office, promise, untranslated, decision = partly_in_urdu
    rows = in_urdu(client, "/commitments/").content.decode()
    assert "پشین میں پانی صاف کرنے کے پلانٹ" in rows and "ڈپٹی کمشنر کوئٹہ" in rows
    assert '<span lang="en" dir="ltr">Bus service on Quetta&#x27;s main roads</span>' in rows

    office_page = in_urdu(client, office.get_absolute_url())
    assert "<h1><bdi>ڈپٹی کمشنر کوئٹہ</bdi></h1>" in office_page.content.decode()
    assert "آمنہ کاکڑ" in office_page.content.decode()
    assert "District Administration Quetta" in fallbacks(office_page)

    person_page = in_urdu(client, untranslated_person.get_absolute_url())
    assert "Bilal Tareen" in fallbacks(person_page)
    assert "A holder." in fallbacks(person_page)
    assert "Secretary Finance Balochistan" in fallbacks(person_page)  # the offices held

    place_page = in_urdu(client, place.get_absolute_url()).content.decode()
    assert "<h1><bdi>کوئٹہ</bdi></h1>" in place_page

    decision_page = in_urdu(client, decision.get_absolute_url())
    assert "<h1><bdi>فلٹریشن پلانٹس کے لیے رقم مختص</bdi></h1>" in decision_page.content.decode()
    assert "Funds for ten plants." in fallbacks(decision_page)
    assert "پشین میں پانی صاف کرنے کے پلانٹ" in decision_page.content.decode()

    decisions = in_urdu(client, "/decisions/").content.decode()
    assert "فلٹریشن پلانٹس کے لیے رقم مختص" in decisions


def test_hostile_urdu_is_escaped_on_urdu_pages(client, db):
    promise = scenario.published_commitment(
        title="Plain title", title_ur=hostile.MARKUP + hostile.URDU, text="Text", text_ur=hostile.ATTRIBUTE
    )
    untranslated = scenario.published_commitment(title=hostile.MARKUP, text="Text")
    for record in (promise, untranslated):
        html = in_urdu(client, record.get_absolute_url()).content.decode()
        assert "<script>alert(1)" not in html and "<img src=x" not in html and "onmouseover='" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in in_urdu(client, untranslated.get_absolute_url()).content.decode()

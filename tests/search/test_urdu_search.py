"""Searching in Urdu, as a reader does, on every backend (SQLite FTS5 or PostgreSQL, and Elasticsearch
against osmem-server): Urdu words, sector and status words, variant spellings, highlights, facets and the
autocomplete under Urdu. The records are made here with the factories, with Urdu titles and text."""

import datetime
import html
import re

import pytest
from django.utils import translation

from tests.factories import CommitmentOwnerFactory, JurisdictionFactory, OfficeFactory, OrganizationFactory
from tests.search.corpus import index_everything
from tracker.models import vocabulary
from tracker.models.vocabulary import CommitmentStatus, Sector

pytestmark = pytest.mark.django_db

# The commitments, by name: (place, English title, Urdu title, sector, status, text).
COMMITMENTS = {
    "school": (
        "lahore",
        "New classrooms for a Lahore government school",
        "لاہور کے سرکاری اسکول میں نئے کمرے",
        Sector.EDUCATION,
        CommitmentStatus.DELIVERED,
        "Six classrooms.",
    ),
    "model_school": (
        "quetta",
        "Boundary wall for the Quetta model school",
        "کوئٹہ کے ماڈل سکول کی چار دیواری",
        Sector.EDUCATION,
        CommitmentStatus.IN_PROGRESS,
        "A wall around the school grounds.",
    ),
    "stipends": (
        "quetta",
        "Stipends for girl students in Quetta",
        "کوئٹہ میں طالبات کے لیے تَعْلِیمی وظـائف",  # harakat and a tatweel, as typed
        Sector.EDUCATION,
        CommitmentStatus.NOT_STARTED,
        "Monthly stipends.",
    ),
    "water": (
        "quetta",
        "Clean drinking water for Quetta",
        "کوئٹہ کے لیے صاف پانی",
        Sector.WATER_SANITATION,
        CommitmentStatus.IN_PROGRESS,
        "ضلع کے ہر یونین کونسل میں پانی صاف کرنے کے پلانٹ۔ پہلے مرحلے میں بیس پلانٹ لگیں گے۔",
    ),
    "hospital": (
        "quetta",
        "A 20-bed emergency ward at the Quetta civil hospital",
        "سول ہسپتال کوئٹہ میں ۲۰ بستروں کا ایمرجنسی وارڈ",
        Sector.HEALTH,
        CommitmentStatus.STALLED,
        "Work stopped after the first floor.",
    ),
    "road": (
        "quetta",
        "Repair the Quetta to Chaman road",
        "کوئٹہ چمن سڑک کی مرمت",
        Sector.ROADS_TRANSPORT,
        CommitmentStatus.NOT_STARTED,
        "Forty kilometres.",
    ),
    "solar": (
        "lahore",
        "Solar power for rural health centres in Lahore",
        "لاہور کے دیہی مراکز صحت کے لیے شمسی بجلی",
        Sector.HEALTH,
        CommitmentStatus.DELIVERED,
        "Panels on forty centres.",
    ),
    "cleaning": (
        "lahore",
        "Cleanliness drive in Lahore's markets",
        "لاہور کے بازاروں میں صفائی مہم",
        Sector.LOCAL_GOVERNMENT,
        CommitmentStatus.BROKEN,
        "Every market swept daily.",
    ),
    "secretariat": (
        "balochistan",
        "Digital file tracking for the secretariat",
        "سيكرٹريٹ كے ليے ڈیجیٹل فائل ٹریکنگ",  # typed on an Arabic keyboard: Arabic yeh and kaf
        Sector.E_GOVERNANCE,
        CommitmentStatus.PARTIALLY_DELIVERED,
        "Files tracked online.",
    ),
    "tax": (
        "lahore",
        "Property tax reform in Lahore",
        "",
        Sector.FINANCE,
        CommitmentStatus.WITHDRAWN,
        "A new valuation table.",
    ),
}


@pytest.fixture
def urdu_world(db, backend):
    tier = vocabulary.JurisdictionTier
    pakistan = JurisdictionFactory(name="Pakistan", name_ur="پاکستان", slug="pakistan", tier=tier.FEDERAL)
    places = {
        "balochistan": JurisdictionFactory(
            name="Balochistan", name_ur="بلوچستان", slug="balochistan", tier=tier.PROVINCE, parent=pakistan
        ),
        "punjab": JurisdictionFactory(
            name="Punjab", name_ur="پنجاب", slug="punjab", tier=tier.PROVINCE, parent=pakistan
        ),
    }
    places["quetta"] = JurisdictionFactory(
        name="Quetta District", name_ur="کوئٹہ", slug="quetta", parent=places["balochistan"]
    )
    places["lahore"] = JurisdictionFactory(
        name="Lahore District", name_ur="لاہور", slug="lahore", parent=places["punjab"]
    )
    dc = OfficeFactory(
        title="Deputy Commissioner Quetta",
        title_ur="ڈپٹی کمشنر کوئٹہ",
        slug="dc-quetta",
        organization=OrganizationFactory(name="District Administration Quetta", jurisdiction=places["quetta"]),
    )
    mayor = OfficeFactory(
        title="Mayor of Lahore",
        title_ur="میئر لاہور",
        slug="mayor-lahore",
        kind=vocabulary.OfficeKind.ELECTED,
        organization=OrganizationFactory(name="Metropolitan Corporation Lahore", jurisdiction=places["lahore"]),
    )
    chief_secretary = OfficeFactory(
        title="Chief Secretary Balochistan",
        slug="chief-secretary",
        organization=OrganizationFactory(name="Balochistan Civil Secretariat", jurisdiction=places["balochistan"]),
    )
    owners = {"lahore": mayor, "quetta": dc, "balochistan": chief_secretary}
    records = {}
    for name, (place, title, title_ur, sector, status, text) in COMMITMENTS.items():
        owner = CommitmentOwnerFactory(
            commitment__title=title,
            commitment__title_ur=title_ur,
            commitment__slug=name.replace("_", "-"),
            commitment__jurisdiction=places[place],
            commitment__sector=sector,
            commitment__status=status,
            commitment__text=text,
            commitment__deadline=datetime.date(2099, 1, 1),
            office=owners[place],
        )
        records[name] = owner.commitment
    index_everything()
    return records


def commitments(client, q, **params):
    """Titles of the commitments found for `q`, as the search page lists them."""
    response = client.get("/search/", {"q": q, "kind": "commitment", **params})
    assert response.status_code == 200
    return {hit.title for hit in response.context["results"].hits}


def titled(*names):
    return {COMMITMENTS[name][1] for name in names}


# The four words, and more of our own: each finds exactly these commitments.
URDU_SEARCHES = [
    ("تعلیم", ["school", "model_school", "stipends"]),  # education: the sector's Urdu word
    ("پانی", ["water"]),  # water: title and the sector's word
    ("اسکول", ["school", "model_school"]),  # school, found in the other spelling too
    ("صحت", ["hospital", "solar"]),  # health
    ("سکول", ["school", "model_school"]),  # school, the other spelling
    ("رکا ہوا", ["hospital"]),  # stalled
    # delivered, and partially delivered (جزوی طور پر مکمل), as "delivered" finds both in English
    ("مکمل", ["school", "solar", "secretariat"]),
    ("جاری", ["model_school", "water"]),  # in progress
    ("وعدہ خلافی", ["cleaning"]),  # broken
    ("سڑک", ["road"]),  # road: title and the sector's word
    ("ہسپتال", ["hospital"]),
    ("اسپتال", ["hospital"]),  # hospital's other spelling
    ("هسپتال", ["hospital"]),  # with Arabic heh
    ("بجلی", ["solar"]),  # electricity
    ("صفائی", ["cleaning", "water"]),  # cleanliness: a title, and water and sanitation's word
    ("لاہور", ["school", "solar", "cleaning", "tax"]),  # the place's Urdu name
    ("ڈپٹی کمشنر", ["model_school", "stipends", "water", "hospital", "road"]),  # the owner office's Urdu title
    ("ڈپٹی کمیشنر", ["model_school", "stipends", "water", "hospital", "road"]),  # commissioner's other spelling
    ("سیکرٹریٹ", ["secretariat"]),  # Urdu letters find a title typed with Arabic ones
    ("سيكرٹريٹ", ["secretariat"]),  # and Arabic letters find it too
    ("تَعْلِیمی", ["school", "model_school", "stipends"]),  # diacritics typed: educational, the sector's word
    ("تعلیمی وظائف", ["stipends"]),  # a title typed with diacritics and tatweel, found without
    ("تعـلیم", ["school", "model_school", "stipends"]),  # tatweel in the query
    ("پا\u200cنی", ["water"]),  # a zero-width non-joiner inside the word
    ("پلانٹ", ["water"]),  # a word of the Urdu text, before the Urdu full stop
    ("۲۰ بستروں", ["hospital"]),  # Urdu digits
    ("٢٠ بستروں", ["hospital"]),  # Arabic digits
    ("کوئٹہ کے لیے صاف پانی", ["water"]),  # a whole title, with its postpositions
    ("كوئٹه سڑک", ["road"]),  # Arabic kaf and heh in a place name
]


def test_urdu_words_find_the_right_commitments(client, urdu_world):
    # One world for every word (building and indexing it is the slow part); every wrong answer is reported.
    wrong = {}
    for q, expected in URDU_SEARCHES:
        found = commitments(client, q)
        if found != titled(*expected):
            wrong[q] = {"missing": titled(*expected) - found, "wrong": found - titled(*expected)}
    assert wrong == {}


def test_english_labels_of_sector_and_status_are_searchable_too(client, urdu_world):
    assert commitments(client, "stalled") == titled("hospital")
    assert commitments(client, "withdrawn") == titled("tax")


def test_urdu_names_of_places_offices_and_kinds_find_them(client, urdu_world):
    response = client.get("/search/", {"q": "کوئٹہ"})
    found = {hit.title for hit in response.context["results"].hits}
    assert {"Quetta District", "Deputy Commissioner Quetta"} <= found
    assert titles_of_kind(client, "ضلع کوئٹہ", "place") == {"Quetta District"}  # the tier's Urdu word
    assert titles_of_kind(client, "منتخب", "office") == {"Mayor of Lahore"}  # elected


def titles_of_kind(client, q, kind):
    return {hit.title for hit in client.get("/search/", {"q": q, "kind": kind}).context["results"].hits}


def marks(fragment):
    return re.findall(r"<mark>(.*?)</mark>", fragment)


def hit_for(client, q, title, **headers):
    response = client.get("/search/", {"q": q}, **headers)
    return next(hit for hit in response.context["results"].hits if hit.title == title)


def test_highlights_mark_the_urdu_text_as_written(client, urdu_world):
    # The title was typed with Arabic yeh and kaf; the query with Urdu letters; the mark is on the title as written.
    hit = hit_for(client, "سیکرٹریٹ", titled("secretariat").pop())
    assert marks(str(hit.title_ur_html)) == ["سيكرٹريٹ"]
    assert str(hit.title_ur_html).startswith("<mark>سيكرٹريٹ</mark> كے ليے")
    # Diacritics and a tatweel are folded away for matching, so the folded title is shorter: still the
    # words as written are marked, and nothing else.
    hit = hit_for(client, "تعلیمی وظائف", titled("stipends").pop())
    assert str(hit.title_ur_html) == "کوئٹہ میں طالبات کے لیے <mark>تَعْلِیمی</mark> <mark>وظـائف</mark>"
    # A word of the Urdu text: the snippet is the text as written, with its full stops.
    hit = hit_for(client, "پلانٹ", titled("water").pop())
    snippet = html.unescape(str(hit.snippet_html))
    assert marks(snippet) == ["پلانٹ", "پلانٹ"]
    assert "<mark>پلانٹ</mark>۔" in snippet and "یونین کونسل" in snippet


def test_english_highlights_are_unchanged(client, urdu_world):
    hit = hit_for(client, "tracking", titled("secretariat").pop())
    assert str(hit.title_html) == "Digital file <mark>tracking</mark> for the secretariat"


def urdu_page(client, path, params):
    """The page at its Urdu address (/ur/...)."""
    return client.get("/ur" + path, params)


def test_facets_and_names_are_in_urdu_on_urdu_pages(client, urdu_world):
    response = urdu_page(client, "/search/", {"q": "کوئٹہ", "kind": "commitment"})
    assert response.status_code == 200
    facets = {facet.name: {b.label: b.count for b in facet.buckets} for facet in response.context["facets"]}
    assert facets["jurisdiction"]["کوئٹہ"] == 5
    assert facets["jurisdiction"]["بلوچستان"] == 5
    assert facets["owner"] == {"ڈپٹی کمشنر کوئٹہ": 5}
    with translation.override("ur"):  # the vocabulary through the catalogue, whatever it says
        stalled, health = str(CommitmentStatus.STALLED.label), str(Sector.HEALTH.label)
    assert facets["status"][stalled] == 1
    assert facets["sector"][health] == 1
    page = html.unescape(response.content.decode())
    assert "ڈپٹی کمشنر کوئٹہ" in page  # owners named in Urdu with each result
    assert 'href="/ur/commitments/water/"' in page  # results lead to the records' Urdu pages


def test_highlights_on_urdu_pages(client, urdu_world):
    response = urdu_page(client, "/search/", {"q": "صحت"})
    page = response.content.decode()
    assert "<mark>صحت</mark>" in page  # in the Urdu title of the solar commitment


def test_the_autocomplete_offers_urdu_names_on_urdu_pages(client, urdu_world):
    for typed in ("کوئ", "كوئ"):  # Urdu letters, and the Arabic kaf
        names = urdu_page(client, "/search/autocomplete/", {"q": typed}).json()["results"]
        assert {"کوئٹہ", "ڈپٹی کمشنر کوئٹہ"} <= {n["label"] for n in names}, typed
        assert "/ur/jurisdictions/quetta/" in {n["url"] for n in names}
    names = urdu_page(client, "/search/autocomplete/", {"q": "ڈپٹی"}).json()["results"]
    assert [n["label"] for n in names] == ["ڈپٹی کمشنر کوئٹہ"]
    english = client.get("/search/autocomplete/", {"q": "کوئ"}).json()["results"]
    assert "Quetta District" in {n["label"] for n in english}


def test_results_name_the_owners_holders_in_urdu_on_urdu_pages(client, urdu_world):
    from tests.factories import PersonFactory, TenureFactory

    dc = urdu_world["water"].owners.get().office
    TenureFactory(
        office=dc,
        person=PersonFactory(name="Saad Bin Asad", name_ur="سعد بن اسد"),
        start_date=datetime.date(2020, 1, 1),
    )
    index_everything()
    english = html.unescape(client.get("/search/", {"q": "water"}).content.decode())
    urdu = html.unescape(urdu_page(client, "/search/", {"q": "water"}).content.decode())
    assert "Saad Bin Asad" in english and "سعد بن اسد" not in english
    assert "سعد بن اسد" in urdu and "Saad Bin Asad" not in urdu

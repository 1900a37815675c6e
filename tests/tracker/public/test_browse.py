"""Browsing as a citizen does who knows neither the tracker's addresses nor its spelling: the indexes of people,
offices and places (A to Z in the reader's alphabet, by province, narrowed by name), "my district" (a
province, a district, then its council, offices and commitments), and what they have in common with the
rest of the site (caching, purges, the sitemap)."""

import datetime
import re
from urllib.parse import urljoin

import pytest
from django.utils import timezone

from tests import factories, scenario, worlds
from tests.scenario import D, add_tenures, publish
from tracker.public import alphabet, browse, frontend_cache
from tracker.publishing import takedown

pytestmark = pytest.mark.django_db
NOTICE = "Removed on the order of the Lahore High Court."


def place(name, tier, parent, name_ur=""):
    return publish(factories.JurisdictionFactory.build(name=name, name_ur=name_ur, tier=tier, parent=parent))


def org(name, kind, jurisdiction):
    return publish(factories.OrganizationFactory.build(name=name, classification=kind, jurisdiction=jurisdiction))


def person(name, name_ur="", other_names=""):
    return publish(factories.PersonFactory.build(name=name, name_ur=name_ur, other_names=other_names))


def office(title, kind, organization, *tenures, title_ur=""):
    return publish(
        add_tenures(
            factories.OfficeFactory.build(title=title, title_ur=title_ur, kind=kind, organization=organization),
            *tenures,
        )
    )


@pytest.fixture(scope="module")
def browsable_once(django_db_setup, django_db_blocker):
    """Quetta (tests/scenario.py), and beside it: the federal government, Lahore with an elected mayor, people
    and offices with Urdu names, a draft of each kind and a person taken down."""
    with worlds.rolled_back_world(django_db_blocker):
        s = scenario.quetta()
        s.lahore_division = place("Lahore Division", "division", s.punjab, "لاہور ڈویژن")
        s.lahore = place("Lahore", "district", s.lahore_division, "لاہور")
        s.kasur = place("Kasur", "district", s.lahore_division, "قصور")
        s.ravi = place("Ravi Town", "tehsil", s.lahore, "راوی ٹاؤن")
        s.zainab = person("Zainab Bugti", "زینب بگٹی")
        s.pervez = person("Pervez Cheema", "پرویز چیمہ", other_names="Parvez Cheema")
        s.tariq = person("Tariq Butt", "طارق بٹ")
        s.bashir = person("Bashir Ahmad", "بشیر احمد")
        s.pm = office(
            "Prime Minister of Pakistan",
            "elected",
            org("Federal Cabinet", "cabinet", s.pakistan),
            (s.zainab, D(2024, 3, 4), None, "elected"),
            title_ur="وزیر اعظم پاکستان",
        )
        corporation = org("Metropolitan Corporation Lahore", "council", s.lahore)
        s.lahore_mayor = office(
            "Mayor of Lahore", "elected", corporation, (s.pervez, D(2023, 1, 1), None, "elected"), title_ur="میئر لاہور"
        )
        s.lahore_administrator = office(
            "Administrator Metropolitan Corporation Lahore",
            "administrator",
            corporation,
            (s.bashir, D(2019, 5, 1), D(2022, 12, 31), "appointed_administrator", "term_ended"),
        )
        s.lahore_dc = office(
            "Deputy Commissioner Lahore",
            "appointed",
            org("District Administration Lahore", "district_administration", s.lahore),
            (s.tariq, D(2023, 6, 1), None, "posted"),
            title_ur="ڈپٹی کمشنر لاہور",
        )
        s.cm_punjab = office(
            "Chief Minister Punjab",
            "elected",
            org("Government of the Punjab", "cabinet", s.punjab),
            (s.bashir, D(2023, 2, 1), None, "elected"),
            title_ur="وزیر اعلیٰ پنجاب",
        )
        s.parks = publish(
            scenario.commitment(
                title="Parks for every union council of Lahore",
                text="A park in every union council.",
                made_on=D(2023, 3, 1),
                deadline=D(2026, 6, 30),
                sector="local_government",
                jurisdiction=s.ravi,
                owners=[(s.lahore_mayor, "political"), (s.lahore_dc, "administrative")],
            )
        )
        s.draft_person = factories.PersonFactory(name="Dilawar Draft", live=False)
        s.draft_office = factories.OfficeFactory(title="Commissioner Draft", live=False, organization=corporation)
        s.draft_place = factories.JurisdictionFactory(name="Draftabad", live=False, tier="district", parent=s.punjab)
        s.gone = person("Tahir Gone", "طاہر")
        office("Chairman Gone Authority", "appointed", corporation, (s.gone, D(2020, 1, 1), None, "posted"))
        takedown.take_down(s.gone, notice=NOTICE)
        yield s


@pytest.fixture
def world(browsable_once, db):
    return browsable_once


def said(response):
    """What the page says, as text: tags out, runs of whitespace as one space."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", response.content.decode()))


def shown_names(response):
    """The names of the index's entries, in the order shown."""
    html = response.content.decode()
    listed = re.findall(r'<ul class="index-entries">(.*?)</ul>', html, flags=re.S)
    names = []
    for block in listed:
        for entry in re.findall(r"<li>(.*?)</li>", block, flags=re.S):
            first = re.search(r'<a href="/(?:ur/)?(?:people|offices|jurisdictions)/[^"]+/"><bdi>(.*?)</bdi></a>', entry)
            names.append(re.sub(r"<[^>]+>|\s*\((?:English|انگریزی)\)", "", first.group(1)).strip())
    return names


def headings(response):
    return [
        re.sub(r"<[^>]+>", "", h).strip()
        for h in re.findall(r'<h2 class="index-group"[^>]*>(.*?)</h2>', response.content.decode(), flags=re.S)
    ]


# --- What each index lists ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path, published, hidden",
    [
        ("/people/", ["erum-baloch", "zainab-bugti", "pervez-cheema"], ["Dilawar Draft", "Tahir Gone", "طاہر"]),
        ("/offices/", ["deputy-commissioner-quetta", "mayor-of-lahore"], ["Commissioner Draft"]),
        ("/jurisdictions/", ["quetta", "lahore", "ravi-town", "pakistan"], ["Draftabad"]),
    ],
)
def test_an_index_lists_published_records_and_never_a_draft_or_one_taken_down(client, world, path, published, hidden):
    for language in ("", "/ur"):
        response = client.get(language + path)
        assert response.status_code == 200
        html = response.content.decode()
        for slug in published:
            assert f'<a href="{language}{path}{slug}/"><bdi>' in html, (language, slug)
        assert not any(name in said(response) for name in hidden), language


def test_an_index_is_in_a_to_z_order_with_a_letter_bar(client, world):
    response = client.get("/people/")
    names = shown_names(response)
    assert names == sorted(names, key=str.casefold)
    assert names[:3] == ["Bashir Ahmad", "Bushra Kakar", "Camran Achakzai"]
    assert headings(response)[:3] == ["B", "C", "D"]
    letters = re.findall(
        r'<a href="\?page=1#letter-[0-9a-f]+" aria-label="[^"]*"><bdi>(\w)</bdi></a>', response.content.decode()
    )
    assert letters == ["B", "C", "D", "E", "F", "G", "H", "N", "P", "T", "Z"]


def test_an_urdu_index_follows_the_urdu_alphabet_then_the_names_only_in_english(client, world):
    response = client.get("/ur/people/")
    names = shown_names(response)
    # ب, پ, ط, ز in the Urdu alphabet's order (Unicode's would put پ last, after ط and ز)...
    urdu = ["بشیر احمد", "پرویز چیمہ", "زینب بگٹی", "طارق بٹ"]
    assert names[:4] == urdu
    # ...then those written only in English, A to Z.
    assert names[4:] == sorted(names[4:], key=str.casefold) and names[4] == "Bushra Kakar"
    assert headings(response)[:4] == ["ب", "پ", "ز", "ط"]
    offices = shown_names(client.get("/ur/offices/"))
    assert offices[:4] == ["ڈپٹی کمشنر لاہور", "میئر لاہور", "وزیر اعظم پاکستان", "وزیر اعلیٰ پنجاب"]


def test_the_urdu_order_is_the_alphabets_not_unicodes():
    names = ["یاسر", "گل", "کامران", "ٹیپو", "پرویز", "احمد", "آصف", "Zed", "ثنا"]
    in_order = ["احمد", "آصف", "پرویز", "ٹیپو", "ثنا", "کامران", "گل", "یاسر", "Zed"]
    assert sorted(names, key=alphabet.sort_key) == in_order
    assert [alphabet.initial(n) for n in ("آصف", "كامران", "يوسف", "3 Town", "Éva")] == ["ا", "ک", "ی", "#", "E"]


@pytest.mark.parametrize(
    "path, found",
    [
        ("/people/?q=erum", ["Erum Baloch"]),
        ("/people/?q=BALOCH+erum", ["Erum Baloch"]),  # every word, in any order and case
        ("/people/?q=erum+kakar", []),  # every word must match
        ("/people/?q=parvez", ["Pervez Cheema"]),  # another name people use for him
        ("/people/?q=پرویز", ["Pervez Cheema"]),  # the Urdu name, on an English page
        ("/ur/people/?q=چیمہ", ["پرویز چیمہ"]),
        ("/ur/offices/?q=كمشنر", ["ڈپٹی کمشنر لاہور"]),  # with the Arabic ک of an Arabic keyboard
        ("/offices/?q=deputy+commissioner", ["Deputy Commissioner Lahore", "Deputy Commissioner Quetta"]),
        ("/jurisdictions/?q=lahore", ["Lahore", "Lahore Division"]),
        ("/jurisdictions/?q=لاہور&narrower=district", ["Lahore"]),
    ],
)
def test_the_filter_narrows_by_name_in_english_and_urdu(client, world, path, found):
    response = client.get(path)
    assert response.status_code == 200
    assert shown_names(response) == found


def test_an_index_groups_and_narrows_by_province(client, world):
    grouped = client.get("/offices/?by=province")
    assert headings(grouped) == ["Federal", "Balochistan", "Punjab"]
    text = said(grouped)
    assert text.index("Prime Minister of Pakistan") < text.index("Chief Minister Balochistan")
    assert text.index("Secretary Finance Balochistan") < text.index("Chief Minister Punjab")
    assert re.search(r"><bdi>Balochistan</bdi> <span class=\"meta\">\(5\)</span>", grouped.content.decode())

    punjab = client.get("/offices/?province=punjab")
    assert shown_names(punjab) == [
        "Administrator Metropolitan Corporation Lahore",
        "Chairman Gone Authority",
        "Chief Minister Punjab",
        "Deputy Commissioner Lahore",
        "Mayor of Lahore",
    ]
    assert shown_names(client.get("/offices/?province=federal")) == ["Prime Minister of Pakistan"]
    # People are placed by the office they hold now; Bashir was Lahore's administrator and is Punjab's chief minister.
    people = client.get("/people/?province=punjab")
    assert shown_names(people) == ["Bashir Ahmad", "Pervez Cheema", "Tariq Butt"]
    assert "Zainab Bugti" in shown_names(client.get("/people/?province=federal"))
    # In Urdu the provinces are headed by their Urdu words where they have them.
    assert headings(client.get("/ur/people/?by=province"))[0] == "وفاقی"


def test_each_entry_says_what_a_citizen_needs(client, world):
    people = said(client.get("/people/?q=bashir"))
    assert "Chief Minister Punjab since 1 Feb 2023" in people
    gone_by = said(client.get("/people/?q=bushra"))
    assert "No office now. Until 30 Jun 2020: Deputy Commissioner Quetta" in gone_by
    offices = said(client.get("/offices/?q=lahore"))
    assert "Deputy Commissioner Lahore Held now by Tariq Butt since 1 Jun 2023" in offices
    assert "Administrator Metropolitan Corporation Lahore Nobody holds it now" in offices
    places = said(client.get("/jurisdictions/?q=ravi"))
    assert "Ravi Town Tehsil · part of Lahore" in places
    district = client.get("/jurisdictions/?q=kasur").content.decode()
    assert 'href="/my-district/kasur/"' in district


def test_a_long_index_is_paged_and_its_letters_jump_to_their_page(client, world):
    scenario.bulk(factories.PersonFactory, ({"name": f"Mehmood {i:02}", "slug": f"mehmood-{i}"} for i in range(60)))
    first = client.get("/people/")
    html = first.content.decode()
    assert len(shown_names(first)) == browse.PER_PAGE
    # N (Nadir) comes after 60 Ms: on page 2, under its heading there.
    jump = re.search(r'<a href="\?page=(\d)#(letter-[0-9a-f]+)" aria-label="N: 1 name"><bdi>N</bdi></a>', html)
    assert jump, html
    second = client.get(f"/people/?page={jump.group(1)}")
    assert jump.group(1) == "2" and f'id="{jump.group(2)}"><bdi>N</bdi></h2>' in second.content.decode()
    assert shown_names(second)[0] == "Mehmood 42"  # the Ms go on under their letter, headed again
    assert headings(second)[0] == "M"
    # A filter is kept by the letters and the pages.
    narrowed = client.get("/people/?q=mehmood&by=").content.decode()
    assert 'href="?q=mehmood&amp;by=&amp;page=2"' in narrowed


def test_a_value_that_is_not_valid_answers_400_with_the_form(client, world):
    response = client.get("/people/?province=atlantis")
    assert response.status_code == 400
    assert "Province:" in said(response) and "Select a valid choice" in said(response)


# --- My district ------------------------------------------------------------------------------------


def follow_link(client, response, name):
    html = response.content.decode()
    english_note = r"(?:</span>[^<]*<small[^>]*>[^<]*</small>)?"  # a name shown in English on an Urdu page
    match = re.search(rf'<a href="([^"]+)"[^>]*><bdi>(?:<span[^>]*>)?{re.escape(name)}{english_note}</bdi></a>', html)
    assert match, name
    return client.get(urljoin(response.request["PATH_INFO"], match.group(1).replace("&amp;", "&")))


def test_my_district_leads_from_a_province_to_its_district_page(client, world):
    start = client.get("/my-district/")
    assert start.status_code == 200
    provinces = follow_link(client, start, "Punjab")
    text = said(provinces)
    assert "2. Your district in Punjab" in text
    assert "Lahore" in text and "Kasur" in text and "Quetta" not in text.split("2. Your district")[1]
    lahore = follow_link(client, provinces, "Lahore")
    assert lahore.request["PATH_INFO"] == "/my-district/lahore/"
    text = said(lahore)
    # Its council: elected again, after an administrator.
    assert "Metropolitan Corporation Lahore Elected council since 1 Jan 2023" in text
    assert "Mayor of Lahore: Pervez Cheema since 1 Jan 2023" in text
    # Its other offices, with who holds each now, and the commitments made for it and the places in it.
    assert "Deputy Commissioner Lahore Tariq Butt since 1 Jun 2023" in text
    assert "Parks for every union council of Lahore" in text and "1 commitment" in text
    assert "Ravi Town" in text


def test_a_district_run_by_an_administrator_says_so_and_since_when(client, world):
    text = said(client.get("/my-district/quetta/"))
    assert "Metropolitan Corporation Quetta Run by an administrator since 28 Aug 2019" in text
    assert "The elected council's term ended on 27 August 2019." in text
    assert "Administrator Metropolitan Corporation Quetta: Gul Mandokhail since 28 Aug 2019" in text
    assert "Mayor of Quetta: vacant" in text
    assert "Deputy Commissioner Quetta Erum Baloch since 15 Jan 2022" in text
    assert "File tracking system for the secretariat" in text and "2 commitments" in text


def test_my_district_in_urdu(client, world):
    start = client.get("/ur/my-district/?province=punjab")
    assert start.status_code == 200
    lahore = follow_link(client, start, "لاہور")
    assert lahore.request["PATH_INFO"] == "/ur/my-district/lahore/"
    text = said(lahore)
    assert "<h1><bdi>لاہور</bdi></h1>" in lahore.content.decode() and "میئر لاہور" in text and "پرویز چیمہ" in text
    assert "منتخب کونسل" in text


def test_my_district_answers_for_the_places_it_cannot_show(client, world):
    assert client.get("/my-district/?province=atlantis").status_code == 400
    assert client.get("/my-district/pakistan/").status_code == 404
    assert client.get("/my-district/draftabad/").status_code == 404
    tehsil = client.get("/my-district/ravi-town/")
    assert tehsil.status_code == 302 and tehsil["Location"] == "/jurisdictions/ravi-town/"


# --- As every public page ---------------------------------------------------------------------------


def test_the_new_pages_are_cached_as_public_pages_and_listed_in_the_sitemap(client, world):
    for path in ("/people/", "/offices/", "/jurisdictions/", "/my-district/", "/my-district/quetta/", "/changes/"):
        response = client.get(path)
        assert response["Cache-Control"].startswith("public, max-age=0, s-maxage="), path
        assert client.get(path, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304, path
    pages = client.get("/sitemap-pages.xml").content.decode()
    for path in ("/people/", "/offices/", "/jurisdictions/", "/my-district/", "/changes/"):
        assert f"{path}</loc>" in pages and f"/ur{path}</loc>" in pages, path
    districts = client.get("/sitemap-districts.xml").content.decode()
    assert "/my-district/quetta/</loc>" in districts and "/my-district/lahore/</loc>" in districts
    assert "draftabad" not in districts and "ravi-town" not in districts


def test_a_publish_purges_the_indexes_and_the_district_pages(world, settings):
    paths, _bans = frontend_cache.addresses_touched(world.pervez)
    for path in ("/people/", "/ur/people/", "/offices/", "/jurisdictions/", "/my-district/", "/changes/"):
        assert path in paths, path
    # A person's name is on the pages of the districts whose offices they hold.
    assert "/my-district/lahore/" in paths and "/ur/my-district/lahore/" in paths
    place_paths, _bans = frontend_cache.addresses_touched(world.ravi)
    assert "/my-district/lahore/" in place_paths  # the places above it
    office_paths, _bans = frontend_cache.addresses_touched(world.lahore_dc)
    assert "/my-district/lahore/" in office_paths


def test_an_index_reads_the_public_state_after_a_change(client, world):
    assert "Zainab Bugti" in shown_names(client.get("/people/"))
    takedown.take_down(world.zainab, notice=NOTICE)
    assert "Zainab Bugti" not in shown_names(client.get("/people/"))
    office = client.get("/offices/?q=prime").content.decode()
    assert "Zainab" not in office and "Nobody holds it now" in office


def test_a_tenure_that_ends_leaves_the_office_without_a_holder_on_the_index(client, world):
    today = timezone.localdate()
    dc = type(world.lahore_dc).objects.get(pk=world.lahore_dc.pk)
    tenures = list(dc.tenures.all())
    tenures[0].end_date, tenures[0].end_reason = today - datetime.timedelta(days=1), "transferred"
    dc.tenures = tenures
    publish(dc, summary="Transferred")
    assert "Nobody holds it now" in said(client.get("/offices/?q=deputy+commissioner+lahore"))
    assert "No office now." in said(client.get("/people/?q=tariq"))

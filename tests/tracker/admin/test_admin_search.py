"""Searching in the admin as editors do: typing part of a name, in English or in Urdu, into the search box
of every record list and of every chooser ("Choose jurisdiction", "Choose office", ...), alone or with the
list's filters and sort orders, as an administrator, a moderator and an editor.

A search is filtered and sorted inside Wagtail's search backend, which refuses (500) any field a model
did not declare: these tests type into every box with every filter and every order the lists offer."""

import re

import pytest
from django.urls import reverse

from tests import factories
from tracker.models import EditingOrganisation
from tracker.models.vocabulary import OfficeKind

pytestmark = pytest.mark.django_db

# For each kind of record: what an editor types (the start of words, in English; a word of the Urdu
# name), the record that must come first, and records that must not be found or must come after it.
KINDS = {
    "jurisdiction": {"typed": "quet dist", "urdu": "کوئٹہ", "wanted": "Quetta District"},
    "organization": {"typed": "district admin quet", "urdu": "انتظامیہ", "wanted": "District Administration Quetta"},
    "office": {"typed": "deputy comm quet", "urdu": "ڈپٹی", "wanted": "Deputy Commissioner Quetta"},
    "person": {"typed": "hina shah", "urdu": "شاہوانی", "wanted": "Hina Shahwani"},
    "commitment": {"typed": "clean drink", "urdu": "پانی", "wanted": "Clean drinking water for Quetta"},
    "decision": {"typed": "funds filtr", "urdu": "فلٹریشن", "wanted": "Funds for water filtration plants"},
}
OTHERS = {
    "jurisdiction": ["Quetta Division", "Lahore District"],
    "organization": ["District Administration Lahore", "Metropolitan Corporation Quetta"],
    "office": ["Deputy Commissioner Lahore", "Mayor of Quetta"],
    "person": ["Hina Lehri", "Bushra Kakar"],
    "commitment": ["Clean streets for Lahore", "Drinking water for Sibi"],
    "decision": ["Funds for school buildings", "Water tariff notification"],
}


@pytest.fixture
def records(editor):
    """Two records of each kind that match part of what is typed and the one that matches all of it, kept by
    the editor's organisation, with Urdu names; and a draft the choosers must not offer."""
    keeper = EditingOrganisation.objects.get(name="Editors' organisation")
    quetta = factories.JurisdictionFactory(
        name="Quetta District", name_ur="ضلع کوئٹہ", other_names="Kwetta\nShal", maintained_by=keeper
    )
    for name in OTHERS["jurisdiction"]:
        factories.JurisdictionFactory(name=name, maintained_by=keeper)
    administration = factories.OrganizationFactory(
        name="District Administration Quetta", name_ur="ضلعی انتظامیہ کوئٹہ", jurisdiction=quetta, maintained_by=keeper
    )
    for name in OTHERS["organization"]:
        factories.OrganizationFactory(name=name, jurisdiction=quetta, maintained_by=keeper)
    office = factories.OfficeFactory(
        title="Deputy Commissioner Quetta",
        title_ur="ڈپٹی کمشنر کوئٹہ",
        other_names="DC Quetta",
        organization=administration,
        maintained_by=keeper,
    )
    for title in OTHERS["office"]:
        factories.OfficeFactory(title=title, kind=OfficeKind.ELECTED, organization=administration, maintained_by=keeper)
    factories.PersonFactory(
        name="Hina Shahwani", name_ur="حنا شاہوانی", other_names="Heena Shahwaani", maintained_by=keeper
    )
    for name in OTHERS["person"]:
        factories.PersonFactory(name=name, maintained_by=keeper)
    factories.CommitmentFactory(
        title="Clean drinking water for Quetta",
        title_ur="کوئٹہ کے لیے صاف پینے کا پانی",
        jurisdiction=quetta,
        made_by_office=office,
        maintained_by=keeper,
    )
    for title in OTHERS["commitment"]:
        factories.CommitmentFactory(title=title, jurisdiction=quetta, made_by_office=office, maintained_by=keeper)
    factories.DecisionFactory(
        title="Funds for water filtration plants",
        title_ur="فلٹریشن پلانٹس کے لیے فنڈز",
        deciding_office=office,
        maintained_by=keeper,
    )
    for title in OTHERS["decision"]:
        factories.DecisionFactory(title=title, deciding_office=office, maintained_by=keeper)
    factories.JurisdictionFactory(name="Quetta District (draft)", live=False, maintained_by=keeper)


def listed(html, names):
    """The names among `names` that the page lists, in the order it lists them."""
    found = [(re.search(rf">\s*{re.escape(name)}\s*<", html), name) for name in names]
    return [name for _, name in sorted((match.start(), name) for match, name in found if match)]


def every_name(kind):
    return [KINDS[kind]["wanted"], *OTHERS[kind]]


@pytest.fixture(params=["admin_user", "moderator", "editor"])
def signed_in(request, client, records):
    client.force_login(request.getfixturevalue(request.param))
    return client


@pytest.mark.parametrize("kind", KINDS)
def test_a_chooser_finds_a_record_by_the_start_of_its_words_best_match_first(signed_in, kind):
    url = reverse(f"wagtailsnippetchoosers_tracker_{kind}:choose_results")
    response = signed_in.get(url, {"q": KINDS[kind]["typed"]})
    assert response.status_code == 200
    found = listed(response.content.decode(), every_name(kind))
    assert found[0] == KINDS[kind]["wanted"]


@pytest.mark.parametrize("kind", KINDS)
def test_a_chooser_finds_a_record_by_a_word_of_its_urdu_name(signed_in, kind):
    url = reverse(f"wagtailsnippetchoosers_tracker_{kind}:choose_results")
    response = signed_in.get(url, {"q": KINDS[kind]["urdu"]})
    assert response.status_code == 200
    assert listed(response.content.decode(), every_name(kind)) == [KINDS[kind]["wanted"]]


@pytest.mark.parametrize(
    "kind, typed", [("jurisdiction", "kwetta"), ("office", "dc quet"), ("person", "heena shahwaa")]
)
def test_a_chooser_and_a_list_find_a_record_by_another_spelling_of_its_name(signed_in, kind, typed):
    """The other spellings an editor gave a place, office or person (issue 28), typed into the boxes."""
    for url in (
        reverse(f"wagtailsnippetchoosers_tracker_{kind}:choose_results"),
        reverse(f"wagtailsnippets_tracker_{kind}:list_results"),
    ):
        response = signed_in.get(url, {"q": typed})
        assert response.status_code == 200, url
        assert listed(response.content.decode(), every_name(kind)) == [KINDS[kind]["wanted"]], url


def test_a_chooser_never_offers_a_draft_even_when_it_matches(signed_in):
    url = reverse("wagtailsnippetchoosers_tracker_jurisdiction:choose_results")
    html = signed_in.get(url, {"q": "quetta"}).content.decode()
    assert "Quetta District" in html
    assert "Quetta District (draft)" not in html


@pytest.mark.parametrize("kind", KINDS)
def test_a_record_list_search_finds_best_match_first_in_english_and_urdu(signed_in, kind):
    url = reverse(f"wagtailsnippets_tracker_{kind}:list")
    english = signed_in.get(url, {"q": KINDS[kind]["typed"]})
    assert english.status_code == 200
    assert listed(english.content.decode(), every_name(kind))[0] == KINDS[kind]["wanted"]
    urdu = signed_in.get(url, {"q": KINDS[kind]["urdu"]})
    assert listed(urdu.content.decode(), every_name(kind)) == [KINDS[kind]["wanted"]]


def sort_orders(html):
    """The `ordering` values of the list's sortable column headers."""
    return sorted(set(re.findall(r"[?&]ordering=(-?[\w]+)", html)))


def filters(kind):
    """Each filter of the list's filter form with one value it offers."""
    from tracker.admin.viewsets import TrackerViewSetGroup

    viewset = next(v for v in TrackerViewSetGroup.items if v.model._meta.model_name == kind)
    filterset = viewset().get_index_view_kwargs()["filterset_class"]()
    for name, field in filterset.form.fields.items():
        values = [value for value, _ in getattr(field, "choices", []) if value not in ("", None)]
        if values:
            yield name, str(values[0])


@pytest.mark.parametrize("kind", KINDS)
def test_a_search_works_with_every_filter_and_every_sort_order_of_the_list(signed_in, kind):
    url = reverse(f"wagtailsnippets_tracker_{kind}:list")
    orders = sort_orders(signed_in.get(url).content.decode())
    assert orders, "the list offers sortable columns"
    typed = KINDS[kind]["typed"]
    for ordering in orders:
        response = signed_in.get(url, {"q": typed, "ordering": ordering})
        assert response.status_code == 200, ordering
        assert KINDS[kind]["wanted"] in response.content.decode(), ordering
    for name, value in filters(kind):
        response = signed_in.get(url, {"q": typed, name: value})
        assert response.status_code == 200, (name, value)
    published = signed_in.get(url, {"q": typed, "publication": "published", "ordering": orders[0]})
    assert KINDS[kind]["wanted"] in published.content.decode()

"""The commitment list's place, owner and person filters take the names readers know
(tracker/public/names.py), suggest them as they type, and answer a near miss with "did you mean"."""

import html
import re

import pytest

from tracker.public import names

pytestmark = pytest.mark.django_db

IN_QUETTA = {"File tracking system for the secretariat", "Clean drinking water for Quetta's union councils"}


def listed(response):
    return {c.title for c in response.context["page"].object_list}


def words(response):
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


@pytest.mark.parametrize("value", ["Quetta", "quetta", "QUETTA", " Quetta "])
def test_places_are_chosen_by_name_or_slug_in_any_case(client, quetta, value):
    response = client.get("/commitments/", {"jurisdiction": value})
    assert response.status_code == 200
    assert listed(response) == IN_QUETTA


def test_a_place_with_a_longer_name_is_found_by_its_name_too(client, quetta):
    assert listed(client.get("/commitments/", {"jurisdiction": "quetta division"})) == IN_QUETTA


def test_owners_and_holders_are_chosen_by_name(client, quetta):
    assert listed(client.get("/commitments/", {"owner": "deputy commissioner quetta"})) == {
        "File tracking system for the secretariat"
    }
    by_person = client.get("/commitments/", {"held_by": "Erum Baloch"})
    assert by_person.status_code == 200 and "File tracking system for the secretariat" in listed(by_person)


def test_a_near_miss_answers_with_did_you_mean_links(client, quetta):
    response = client.get("/commitments/", {"jurisdiction": "Queta", "status": "stalled", "sector": "", "page": "2"})
    assert response.status_code == 400
    text = words(response)
    assert "Place: No place called “Queta” is tracked." in text
    assert "Place: did you mean Quetta" in text
    link = dict(response.context["form"].suggestions["jurisdiction"])["Quetta"]
    assert link == "?jurisdiction=quetta&status=stalled"
    assert listed(client.get("/commitments/" + link)) == {"File tracking system for the secretariat"}


def test_part_of_a_name_suggests_the_names_that_contain_it(client, quetta):
    found = names.find("office", "Commissioner")
    assert found.record is None
    assert ("Deputy Commissioner Quetta", "deputy-commissioner-quetta") in found.suggestions


def test_a_name_several_places_share_is_called_ambiguous_not_missing(client, quetta):
    """The demo tracks Quetta City, Quetta District and Quetta Division: "Quetta" names all of them."""
    from tests import factories, scenario

    for name in ("Quetta City", "Quetta Saddar"):
        scenario.publish(factories.JurisdictionFactory.build(name=name, tier="tehsil"))
    found = names.find("place", "Quett")
    assert found.record is None
    assert found.message == "Several places match “Quett”: choose one."
    assert {"Quetta City", "Quetta Saddar", "Quetta"} <= {name for name, _slug in found.suggestions}
    response = client.get("/commitments/", {"jurisdiction": "Quett"})
    assert response.status_code == 400
    assert "Several places match “Quett”: choose one." in words(response)
    assert "is tracked" not in words(response)


def test_part_of_one_name_asks_whether_that_is_the_one_meant(client, quetta):
    found = names.find("person", "Erum")
    assert found.record is None and found.suggestions == [("Erum Baloch", found.suggestions[0][1])]
    assert found.message == "No person is called exactly “Erum”. Did you mean this one?"


def test_a_name_nobody_has_gets_a_plain_message_and_no_suggestions(client, quetta):
    response = client.get("/commitments/", {"owner": "Zzzzqx"})
    assert response.status_code == 400
    assert "No office called “Zzzzqx” is tracked." in words(response)
    assert "did you mean" not in words(response)


def test_the_filter_form_suggests_names_as_the_reader_types(client, quetta):
    page = client.get("/commitments/").content.decode()
    assert 'name="jurisdiction"' in page and 'list="jurisdiction-names"' in page
    # The names come once, as their own resource, not written into every page of the list.
    assert '<datalist id="jurisdiction-names"></datalist>' in page and '<datalist id="owner-names"></datalist>' in page
    assert 'data-names="/filter-names/"' in page
    suggested = client.get("/filter-names/").json()
    assert {"Quetta", "Balochistan"} <= set(suggested["jurisdiction-names"])
    assert "Deputy Commissioner Quetta" in suggested["owner-names"]
    assert "Secretary Finance Balochistan" not in suggested["owner-names"]  # owns no commitment: still accepted


def test_the_names_are_cached_like_a_public_page_until_the_state_changes(client, quetta):
    first = client.get("/filter-names/")
    assert "max-age=0" in first["Cache-Control"] and first["ETag"]
    assert client.get("/filter-names/", headers={"If-None-Match": first["ETag"]}).status_code == 304


def test_unpublished_records_are_never_found_or_suggested(client, quetta):
    quetta.punjab.live = False
    quetta.punjab.save()
    assert names.find("place", "Punjab").record is None
    assert "Punjab" not in client.get("/filter-names/").json()["jurisdiction-names"]


def test_the_accountability_page_takes_places_by_name_too(client, quetta):
    by_name = client.get("/accountability/", {"district": "Quetta"})
    assert by_name.status_code == 200
    assert by_name.context["form"].place == quetta.quetta
    wrong_tier = client.get("/accountability/", {"province": "Quetta"})
    assert wrong_tier.status_code == 400
    assert "No province called “Quetta” is tracked." in words(wrong_tier)


def test_urdu_readers_are_offered_the_names_in_urdu_and_may_type_them(client, quetta):
    from tracker.models import Jurisdiction, Office

    Jurisdiction.objects.filter(pk=quetta.quetta.pk).update(name_ur="کوئٹہ")
    Office.objects.filter(pk=quetta.dc.pk).update(title_ur="ڈپٹی کمشنر کوئٹہ")
    places = client.get("/ur/filter-names/").json()["jurisdiction-names"]
    assert "کوئٹہ" in places and "Quetta" not in places
    assert "Balochistan" in places  # its Urdu is not written yet: offered in English, after the Urdu names
    assert places.index("کوئٹہ") < places.index("Balochistan")
    assert "ڈپٹی کمشنر کوئٹہ" in client.get("/ur/filter-names/").json()["owner-names"]
    assert "Quetta" in client.get("/filter-names/").json()["jurisdiction-names"]  # English pages: English names

    assert listed(client.get("/ur/commitments/", {"jurisdiction": "کوئٹہ"})) == IN_QUETTA
    assert listed(client.get("/ur/commitments/", {"owner": "ڈپٹی کمشنر کوئٹہ"})) == {
        "File tracking system for the secretariat"
    }
    near_miss = client.get("/ur/commitments/", {"jurisdiction": "کوئٹا"})
    assert near_miss.status_code == 400 and "کوئٹہ" in words(near_miss)  # did you mean, in Urdu

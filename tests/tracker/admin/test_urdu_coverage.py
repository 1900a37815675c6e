"""Editors see how much of each record is written in Urdu ("1 of 3 texts") in the admin's lists, and
filter a list down to exactly the records still missing Urdu (or those complete in Urdu)."""

import datetime
import re

import pytest
from django.urls import reverse

from tests import factories, scenario
from tracker.models import Commitment, Decision, Jurisdiction, Office, Person, vocabulary
from tracker.models.translations import coverage, missing_urdu, with_urdu_coverage

pytestmark = pytest.mark.django_db
D = datetime.date


def listing(model):
    return reverse(f"wagtailsnippets_tracker_{model._meta.model_name}:list")


def names_listed(html, candidates):
    return {name for name in candidates if name in html}


@pytest.fixture
def commitments(db):
    """Three commitments: complete in Urdu, half done, and with a status-change note still in English."""
    complete = scenario.published_commitment(title="Complete promise", title_ur="مکمل وعدہ", text="Text", text_ur="متن")
    half = scenario.published_commitment(title="Half promise", title_ur="آدھا وعدہ", text="Text")
    noted = scenario.unsaved_commitment(title="Noted promise", title_ur="نوٹ والا وعدہ", text="Text", text_ur="متن")
    scenario.add_status_change(noted, vocabulary.CommitmentStatus.IN_PROGRESS, on=D(2022, 1, 1), note="In English")
    scenario.add_status_change(
        noted, vocabulary.CommitmentStatus.STALLED, on=D(2022, 6, 1), note="Both", note_ur="دونوں"
    )
    scenario.publish(noted)
    return complete, half, noted


def test_coverage_counts_written_texts_and_their_urdu(commitments):
    complete, half, noted = commitments
    assert (coverage(complete).translated, coverage(complete).total) == (2, 2)
    assert (coverage(half).translated, coverage(half).total) == (1, 2)
    noted = Commitment.objects.get(pk=noted.pk)
    assert (coverage(noted).translated, coverage(noted).total) == (3, 4)  # title, text and two notes
    counted = {c.title: (c.urdu_translated, c.urdu_total) for c in with_urdu_coverage(Commitment.objects.all())}
    assert counted == {"Complete promise": (2, 2), "Half promise": (1, 2), "Noted promise": (3, 4)}
    assert set(missing_urdu(Commitment.objects.all()).values_list("title", flat=True)) == {
        "Half promise",
        "Noted promise",
    }


def test_the_commitment_list_shows_coverage_and_filters_the_records_missing_urdu(client, moderator, commitments):
    client.force_login(moderator)
    everything = client.get(listing(Commitment)).content.decode()
    assert "Missing Urdu" in everything  # the filter is offered
    flat = re.sub(r"\s+", " ", everything)
    for shown in ("2 of 2 texts", "1 of 2 texts", "3 of 4 texts"):
        assert shown in flat, shown
    names = {"Complete promise", "Half promise", "Noted promise"}
    missing = client.get(listing(Commitment), {"urdu": "missing"}).content.decode()
    assert names_listed(missing, names) == {"Half promise", "Noted promise"}
    complete = client.get(listing(Commitment), {"urdu": "complete"}).content.decode()
    assert names_listed(complete, names) == {"Complete promise"}


def test_every_kind_of_record_lists_its_coverage_and_filters_by_it(client, moderator):
    place = scenario.publish(factories.JurisdictionFactory.build(name="Named place", name_ur="نام والی جگہ"))
    scenario.publish(factories.JurisdictionFactory.build(name="Unnamed place"))
    scenario.publish(factories.PersonFactory.build(name="Amna Kakar", name_ur="آمنہ کاکڑ"))
    scenario.publish(factories.PersonFactory.build(name="Bilal Tareen", name_ur="بلال ترین", summary="English only"))
    organization = scenario.publish(factories.OrganizationFactory.build(jurisdiction=place))
    office = scenario.publish(scenario.office(title="Urdu office", title_ur="اردو دفتر", organization=organization))
    scenario.publish(scenario.office(title="English office", organization=organization))
    scenario.publish(
        scenario.decision(
            title="Urdu decision", title_ur="فیصلہ", summary="S", summary_ur="خلاصہ", deciding_office=office
        )
    )
    scenario.publish(scenario.decision(title="English decision", summary="S", deciding_office=office))

    client.force_login(moderator)
    expected = {
        Jurisdiction: ({"Named place", "Unnamed place"}, {"Unnamed place"}),
        Person: ({"Amna Kakar", "Bilal Tareen"}, {"Bilal Tareen"}),
        Office: ({"Urdu office", "English office"}, {"English office"}),
        Decision: ({"Urdu decision", "English decision"}, {"English decision"}),
    }
    for model, (names, missing) in expected.items():
        html = client.get(listing(model)).content.decode()
        assert "of 1 text" in html or "of 2 texts" in html, model
        listed = names_listed(client.get(listing(model), {"urdu": "missing"}).content.decode(), names)
        assert listed == missing, model


def test_the_edit_forms_have_the_urdu_fields(client, moderator, commitments):
    client.force_login(moderator)
    _complete, half, _noted = commitments
    edit = client.get(reverse("wagtailsnippets_tracker_commitment:edit", args=[half.pk])).content.decode()
    for field in ('name="title_ur"', 'name="text_ur"', "note_ur"):
        assert field in edit, field
    decision = scenario.publish(scenario.decision(deciding_office=factories.OfficeFactory()))
    edit = client.get(reverse("wagtailsnippets_tracker_decision:edit", args=[decision.pk])).content.decode()
    assert 'name="title_ur"' in edit and 'name="summary_ur"' in edit
    person = scenario.publish(factories.PersonFactory.build())
    edit = client.get(reverse("wagtailsnippets_tracker_person:edit", args=[person.pk])).content.decode()
    assert 'name="summary_ur"' in edit


def test_a_search_of_the_list_still_shows_coverage_and_filters(client, moderator, commitments):
    client.force_login(moderator)
    found = client.get(listing(Commitment), {"q": "Half", "urdu": "missing"})
    assert found.status_code == 200
    html = re.sub(r"\s+", " ", found.content.decode())
    assert "Half promise" in html and "1 of 2 texts" in html and "Complete promise" not in html

"""The demo in Urdu: every place, organisation, office and person has its Urdu name, and at least 60 of
the curated commitments their Urdu title and promise, written in Urdu script (not English letters)."""

import re

import pytest

from tracker.models import Commitment, Decision, Jurisdiction, Movement, Office, Organization, Person, StatusChange

pytestmark = pytest.mark.django_db
URDU_LETTERS = re.compile(r"[\u0600-\u06ff]")
LATIN_LETTERS = re.compile(r"[A-Za-z]")


def in_urdu_script(text):
    return bool(URDU_LETTERS.search(text)) and not LATIN_LETTERS.search(text)


def test_every_place_organisation_office_and_person_has_its_urdu_name(demo):
    for model, field in (
        (Jurisdiction, "name_ur"),
        (Organization, "name_ur"),
        (Office, "title_ur"),
        (Person, "name_ur"),
    ):
        names = list(model.objects.values_list(field, flat=True))
        assert names and all(in_urdu_script(name) for name in names), model
    assert Jurisdiction.objects.get(slug="lahore-district").name_ur == "لاہور"
    assert Jurisdiction.objects.get(slug="peshawar-district").name_ur == "پشاور"
    assert Jurisdiction.objects.get(slug="karachi-division").name_ur == "کراچی ڈویژن"
    assert Jurisdiction.objects.get(slug="union-council-sariab").name_ur == "یونین کونسل سریاب"
    assert Office.objects.get(slug="deputy-commissioner-quetta").title_ur == "ڈپٹی کمشنر کوئٹہ"
    assert Office.objects.get(slug="mayor-of-karachi").title_ur == "میئر کراچی"
    assert Office.objects.get(slug="secretary-school-education-punjab").title_ur == "سیکرٹری اسکول ایجوکیشن پنجاب"
    assert all(Person.objects.values_list("summary_ur", flat=True))


def test_at_least_60_commitments_have_their_title_and_promise_in_urdu(demo):
    curated = Commitment.objects.exclude(slug__contains="-sample-")
    translated = [c for c in curated if in_urdu_script(c.title_ur) and URDU_LETTERS.search(c.text_ur)]
    assert len(translated) >= 60, f"{len(translated)} of {curated.count()}"
    assert all(decision.title_ur and decision.summary_ur for decision in Decision.objects.all())
    notes = StatusChange.objects.exclude(note="")
    assert notes.exists() and not notes.filter(note_ur="").exists()
    movements = Movement.objects.exclude(note="")
    assert movements.exists() and not movements.filter(note_ur="").exists()

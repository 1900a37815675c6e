"""An import applies the publish's rule: a row may name only published offices and places, and a row
naming a draft or taken-down one is refused with its column and the record named."""

import pytest

from tests import factories
from tests.tracker.spreadsheets.sheets import as_csv, good_row
from tracker.publishing import takedown
from tracker.spreadsheets.plan import make_plan
from tracker.spreadsheets.reading import read_table

pytestmark = pytest.mark.django_db


def only_problem(places, **cells):
    row = {**good_row(1, places), **cells}
    plan = make_plan(read_table("districts.csv", as_csv([row])))
    [rejected] = plan.rejected
    [problem] = rejected.problems
    return problem.column, problem.message


def test_a_row_naming_a_draft_office_is_refused_with_the_column_and_the_office_named(places):
    office = factories.OfficeFactory(title="Assistant Commissioner Sariab", live=False)
    assert only_problem(places, administrative_owners=office.slug) == (
        "administrative_owners",
        "The office “Assistant Commissioner Sariab” is not published yet: publish it first, "
        "or choose a published office.",
    )
    assert only_problem(places, made_by_office=office.slug)[0] == "made_by_office"


def test_a_row_naming_a_taken_down_place_is_refused(places):
    place = factories.JurisdictionFactory(name="Sariab")
    takedown.take_down(place, notice="Court order.")
    assert only_problem(places, jurisdiction=place.slug) == (
        "jurisdiction",
        "The jurisdiction “Sariab” has been taken down: choose a published jurisdiction.",
    )

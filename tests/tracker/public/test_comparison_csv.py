"""The office and person pages' comparisons with their peers as CSV: on each page, and for every office and
person at once from the accountability page; the same figures as the pages, names written safely."""

import csv
import io

import pytest

from tests import factories, scenario
from tracker.models.vocabulary import OfficeKind

pytestmark = pytest.mark.django_db


def rows_of(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith("attachment;")
    return list(csv.DictReader(io.StringIO(response.content.decode())))


@pytest.fixture
def office():
    office = factories.OfficeFactory(kind=OfficeKind.APPOINTED, slug="the-office")
    factories.TenureFactory(office=office, person=factories.PersonFactory(slug="the-person"))
    for _ in range(3):
        scenario.published_commitment(owner_office=office)
    scenario.published_commitment(owner_office=factories.OfficeFactory(kind=OfficeKind.APPOINTED))
    return office


def test_an_office_comparison_as_csv(client, office):
    page = client.get("/offices/the-office/").content.decode()
    assert 'href="/offices/the-office/comparison.csv"' in page
    rows = rows_of(client.get("/offices/the-office/comparison.csv"))
    counted = {(r["group"], r["measure"]): r for r in rows}
    open_ = counted[("office", "open")]
    assert (open_["office"], open_["office_kind"], open_["count"], open_["out_of"]) == (
        "the-office",
        "appointed",
        "3",
        "3",
    )
    assert counted[("peers", "open")]["out_of"] == "4"
    assert counted[("office", "open")]["enough"] == "no"  # fewer than 10: too few to say


def test_a_person_comparison_as_csv(client, office):
    page = client.get("/people/the-person/").content.decode()
    assert 'href="/people/the-person/comparison.csv"' in page
    rows = rows_of(client.get("/people/the-person/comparison.csv"))
    assert {r["group"] for r in rows} == {"person", "peers"}
    assert {r["measure"] for r in rows} == {"counted", "withdrawn", "delivered", "broken", "overdue"}
    person_counted = next(r for r in rows if r["group"] == "person" and r["measure"] == "counted")
    assert person_counted["person"] == "the-person" and person_counted["office_kind"] == "appointed"


def test_every_office_and_person_from_the_accountability_page(client, office):
    page = client.get("/accountability/").content.decode()
    assert 'href="/accountability/csv/?table=offices"' in page and 'href="/accountability/csv/?table=people"' in page
    offices = rows_of(client.get("/accountability/csv/?table=offices"))
    assert {r["office"] for r in offices} >= {"the-office"}
    assert rows_of(client.get("/offices/the-office/comparison.csv")) == [
        r for r in offices if r["office"] == "the-office"
    ]
    people = rows_of(client.get("/accountability/csv/?table=people"))
    assert {r["person"] for r in people} == {"the-person"}


def test_a_taken_down_office_has_no_csv(client, office):
    from tracker.publishing.takedown import take_down

    take_down(office, notice="A court order")
    assert client.get("/offices/the-office/comparison.csv").status_code == 410
    assert "the-office" not in client.get("/accountability/csv/?table=offices").content.decode()

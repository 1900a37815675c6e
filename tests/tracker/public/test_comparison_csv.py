"""The office and person pages' comparisons with their peers as CSV: on each page, and for every office and
person at once from the accountability page; the same figures as the pages, names written safely."""

import csv
import datetime
import io
from datetime import date as D

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


@pytest.fixture
def held_offices():
    """An appointed office of a province and an elected one of a district; a promise the appointed office
    delivered while Amina held it, and one overdue since then, which Bilal inherited; Chand holds the
    elected office, which owns nothing."""
    province = factories.JurisdictionFactory(tier="province", slug="the-province")
    district = factories.JurisdictionFactory(tier="district", parent=province)
    secretary = factories.OfficeFactory(
        kind=OfficeKind.APPOINTED, organization=factories.OrganizationFactory(jurisdiction=province)
    )
    mayor = factories.OfficeFactory(
        kind=OfficeKind.ELECTED, organization=factories.OrganizationFactory(jurisdiction=district)
    )
    delivered = factories.CommitmentFactory(
        jurisdiction=province, made_on=D(2020, 1, 1), deadline=D(2020, 6, 30), status="delivered"
    )
    factories.StatusChangeFactory(commitment=delivered, to_status="delivered", effective_date=D(2020, 3, 1))
    overdue = factories.CommitmentFactory(
        jurisdiction=province, made_on=D(2020, 1, 1), deadline=D(2020, 2, 1), status="stalled"
    )
    for commitment in (delivered, overdue):
        factories.CommitmentOwnerFactory(commitment=commitment, office=secretary)
    for slug, office, start, end in [
        ("amina", secretary, D(2020, 1, 1), D(2020, 12, 31)),
        ("bilal", secretary, D(2021, 1, 1), None),
        ("chand", mayor, D(2020, 1, 1), None),
    ]:
        person = factories.PersonFactory(slug=slug)
        factories.TenureFactory(office=office, person=person, start_date=start, end_date=end)
    factories.PersonFactory(slug="dua")  # held no office: not in the table
    return secretary


def more_holders(office, n):
    """`n` more people who held `office` in turn, a month each, before anyone above."""
    for i in range(n):
        person = factories.PersonFactory(slug=f"holder-{i:03d}")
        start = D(2010, 1, 1) + datetime.timedelta(days=31 * i)
        factories.TenureFactory(office=office, person=person, start_date=start, end_date=start + datetime.timedelta(30))


# Issue 25, item 11: the people's table ran past gunicorn's 30 seconds, reading each person's figures one by
# one. Every person's and every office's comparisons are now computed together, in queries that do not grow
# with their number.
QUERIES = 8


def test_every_person_at_once_is_each_person_s_comparison_in_few_queries(
    client, held_offices, django_assert_max_num_queries
):
    client.get("/people/amina/comparison.csv")  # what a process looks up once (content types...)
    with django_assert_max_num_queries(QUERIES):
        people = rows_of(client.get("/accountability/csv/?table=people"))

    assert [r["person"] for r in people] == sorted(r["person"] for r in people)
    assert {r["person"] for r in people} == {"amina", "bilal", "chand"}
    for slug in ("amina", "bilal", "chand"):
        assert [r for r in people if r["person"] == slug] == rows_of(client.get(f"/people/{slug}/comparison.csv"))
    figures = {(r["person"], r["group"], r["measure"]): (r["count"], r["out_of"]) for r in people}
    assert figures["amina", "person", "counted"] == ("2", "2")
    assert figures["amina", "person", "delivered"] == ("1", "2")
    assert figures["amina", "person", "overdue"] == ("1", "2")
    assert figures["bilal", "person", "counted"] == ("1", "1")
    assert figures["bilal", "person", "delivered"] == ("0", "1")
    assert figures["bilal", "peers", "counted"] == ("2", "2")
    assert figures["chand", "person", "counted"] == ("0", "0")

    more_holders(held_offices, 40)
    with django_assert_max_num_queries(QUERIES):
        more = rows_of(client.get("/accountability/csv/?table=people"))
    assert len({r["person"] for r in more}) == 43
    assert [r for r in more if r["person"] == "amina"] == [r for r in people if r["person"] == "amina"]


def test_every_office_at_once_is_each_office_s_comparison_in_few_queries(
    client, held_offices, django_assert_max_num_queries
):
    client.get(f"/offices/{held_offices.slug}/comparison.csv")
    with django_assert_max_num_queries(QUERIES):
        offices = rows_of(client.get("/accountability/csv/?table=offices"))

    slugs = sorted({r["office"] for r in offices})
    assert [r["office"] for r in offices] == sorted(r["office"] for r in offices)
    for slug in slugs:
        assert [r for r in offices if r["office"] == slug] == rows_of(client.get(f"/offices/{slug}/comparison.csv"))
    delivered = next(r for r in offices if r["office"] == held_offices.slug and r["measure"] == "delivered")
    assert (delivered["group"], delivered["count"], delivered["out_of"]) == ("office", "1", "2")

    for i in range(40):
        factories.OfficeFactory(kind=OfficeKind.APPOINTED, slug=f"another-office-{i:03d}")
    with django_assert_max_num_queries(QUERIES):
        more = rows_of(client.get("/accountability/csv/?table=offices"))
    assert len({r["office"] for r in more}) == len(slugs) + 40

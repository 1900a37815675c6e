"""Lists never count more than they show: the commitment list reads one row more than a page to know
whether there is a next one (the whole list's count is the dashboard's summary), filters by owner with
EXISTS rather than a join and DISTINCT, and walks the deadline order; the changes feed finds the latest
public revisions without listing every public record."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories
from tests.pages import page_text as text

pytestmark = pytest.mark.django_db


@pytest.fixture
def office_with_thirty():
    office = factories.OfficeFactory(title="Chief Secretary Punjab", slug="chief-secretary-punjab", kind="appointed")
    for n in range(30):
        owner = factories.CommitmentOwnerFactory(
            office=office, commitment=factories.CommitmentFactory(title=f"P{n:02}")
        )
        factories.CommitmentOwnerFactory(office=office, commitment=owner.commitment, role="supporting")
    return office


def sql_of(client, url):
    """The page's text and the SQL of the queries that read the list's commitments (not the names the
    filter form suggests)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    listing = [q["sql"].upper() for q in captured.captured_queries if 'FROM "TRACKER_COMMITMENT" ' in q["sql"].upper()]
    assert listing
    return text(response), " ".join(listing)


@pytest.mark.parametrize("filters", ["owner=chief-secretary-punjab", "office_kind=appointed"])
def test_a_filtered_list_pages_without_counting(client, office_with_thirty, filters):
    first, sql = sql_of(client, f"/commitments/?{filters}")
    assert "COUNT(" not in sql and "DISTINCT" not in sql
    assert "25 commitments on this page (more on the next page)" in first and "Page 1" in first
    # Listed once each, although the office owns each in two roles.
    assert [f"P{n:02}" for n in range(25)] == re.findall(r"\bP\d\d\b", first)
    second, _sql = sql_of(client, f"/commitments/?{filters}&page=2")
    assert [f"P{n:02}" for n in range(25, 30)] == re.findall(r"\bP\d\d\b", second)
    assert "5 commitments on this page" in second and "more on the next page" not in second


def test_a_short_filtered_list_says_how_many_it_has(client, office_with_thirty):
    page, _sql = sql_of(client, "/commitments/?owner=chief-secretary-punjab&status=delivered")
    assert "0 commitments" in page and "No commitment matches these filters." in page
    small = factories.OfficeFactory(slug="small-office")
    for _ in range(3):
        factories.CommitmentOwnerFactory(office=small)
    page, _sql = sql_of(client, "/commitments/?owner=small-office")
    assert "3 commitments" in page and "Page 1" not in page


def test_the_whole_list_takes_its_count_from_the_dashboard(client, office_with_thirty, settings):
    settings.PUBLIC_SUMMARIES = True
    client.get("/")
    page, sql = sql_of(client, "/commitments/")
    assert "30 commitments" in page and "Page 1 of 2" in page
    assert "COUNT(" not in sql
    last, _sql = sql_of(client, "/commitments/?page=99")  # past the end: the last page
    assert "Page 2 of 2" in last and "P29" in last


@pytest.mark.parametrize("page", ["368934881474191034", "9" * 30])
def test_a_page_number_past_any_list_answers_an_empty_page_not_an_error(client, office_with_thirty, page):
    # A filtered list is never counted, so its page number is not bounded by its last page; an offset of
    # 2**63 rows or more overflowed the database's integers (500).
    response = client.get("/commitments/", {"status": "stalled", "page": page})
    assert response.status_code == 200
    assert "No commitment matches these filters." in text(response)

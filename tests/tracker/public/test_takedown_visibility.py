"""A record taken down is named on no other record's page: not as a linked commitment, an owner, a
holder, in JSON-LD or in a scorecard."""

import json

import pytest

from tests.pages import page_text
from tracker.publishing import takedown

pytestmark = pytest.mark.django_db
NOTICE = "Removed on the order of the Islamabad High Court."


def jsonld(response):
    return json.dumps(response.context["jsonld"])


def test_a_decision_page_leaves_out_a_taken_down_commitment(client, quetta):
    assert "File tracking system" in page_text(client.get(quetta.decision.get_absolute_url()))
    takedown.take_down(quetta.files, notice=NOTICE)
    assert "File tracking system" not in page_text(client.get(quetta.decision.get_absolute_url()))


def test_the_decisions_list_does_not_name_a_taken_down_deciding_office(client, quetta):
    """Issue 25, item 7: the list still named it while the decision's own page did not."""
    assert "Secretary Finance Balochistan" in page_text(client.get("/decisions/"))
    takedown.take_down(quetta.secretary, notice=NOTICE)
    listed = page_text(client.get("/decisions/"))
    assert "Funds for the file tracking system" in listed  # the decision itself is still public
    assert "Secretary Finance Balochistan" not in listed
    assert "Secretary Finance Balochistan" not in page_text(client.get("/ur/decisions/"))


def test_a_taken_down_person_is_no_holder_on_office_commitment_and_dashboard_pages(client, quetta):
    erum = quetta.people.e.name
    pages = [quetta.dc.get_absolute_url(), quetta.files.get_absolute_url(), "/"]
    assert all(erum in page_text(client.get(page)) for page in pages)
    takedown.take_down(quetta.people.e, notice=NOTICE)
    for page in pages:
        response = client.get(page)
        assert erum not in page_text(response), page
        if "jsonld" in response.context:
            assert erum not in jsonld(response), page


def test_a_taken_down_office_is_no_owner_in_lists_jsonld_and_scorecards(client, quetta):
    dc = quetta.dc.title
    before = client.get(quetta.people.e.get_absolute_url()).context["totals"]
    assert before["owned"] == 1
    takedown.take_down(quetta.dc, notice=NOTICE)
    commitment = client.get(quetta.files.get_absolute_url())
    assert dc not in page_text(commitment)
    assert dc not in jsonld(commitment)
    for page in ("/", "/commitments/", quetta.secretary.get_absolute_url()):
        assert dc not in page_text(client.get(page)), page
    person = client.get(quetta.people.e.get_absolute_url())
    assert dc not in page_text(person)
    assert person.context["totals"]["owned"] == 0


def test_a_scorecard_does_not_count_a_taken_down_commitment(client, quetta):
    assert client.get(quetta.people.g.get_absolute_url()).context["totals"]["owned"] == 1
    takedown.take_down(quetta.water, notice=NOTICE)
    assert client.get(quetta.people.g.get_absolute_url()).context["totals"]["owned"] == 0


def test_the_owner_comparison_leaves_out_a_taken_down_office(client, quetta):
    def political_total():
        comparison = client.get(quetta.quetta.get_absolute_url()).context["comparison"]
        return next(row.measures.counted.count for row in comparison.groups if row.measures.key == "political-elected")

    assert political_total() == 2
    takedown.take_down(quetta.mayor, notice=NOTICE)
    assert political_total() == 1

"""An API page costs a fixed number of queries, however many records, owners, holders and tenures it shows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories, scenario

pytestmark = pytest.mark.django_db

ADDRESSES = [
    "/api/v1/commitments/",
    "/api/v1/commitments/?format=csv",
    "/api/v1/people/",
    "/api/v1/offices/",
    "/api/v1/tenures/",
    "/api/v1/decisions/",
    "/api/v1/jurisdictions/",
    "/api/v1/organisations/",
]


def queries(client, address):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(address).status_code == 200
    return len(captured)


def add_more(quetta):
    """Three more commitments owned by offices with holders, and a decision about them."""
    promises = [
        scenario.publish(
            scenario.commitment(
                jurisdiction=quetta.quetta,
                made_by_office=quetta.cm,
                owners=[(quetta.cm, "political"), (quetta.secretary, "administrative")],
                live=False,
            )
        )
        for _ in range(3)
    ]
    person = scenario.publish(factories.PersonFactory.build(name="Another Holder"))
    scenario.publish(scenario.decision(deciding_office=quetta.dc, linked=promises, live=False))
    return person


@pytest.mark.parametrize("address", ADDRESSES)
def test_a_page_costs_the_same_queries_with_more_records(client, quetta, address):
    client.get(address)  # one-off rows (content types, sites) out of the count
    before = queries(client, address)
    add_more(quetta)
    assert queries(client, address) == before

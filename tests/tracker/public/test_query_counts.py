"""No public page's SQL query count grows with the data: each page type is measured over a world
with 10 related rows of every kind and over one with 500 (the indexes of people, offices and places
list 510 of each then, over more than one page)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.models import TrackerSettings
from tests import factories
from tests.scenario import bulk

pytestmark = pytest.mark.django_db
D = datetime.date


def records_at_scale(prefix, n):
    """A province with n districts; n offices held in turn by one person; an office held by n people;
    n overdue commitments; one commitment with n status changes, movements, sources and decisions."""
    province = factories.JurisdictionFactory(name=f"{prefix} province", slug=f"{prefix}-province", tier="province")
    districts = ({"name": f"{prefix} district {i}", "slug": f"{prefix}-district-{i}"} for i in range(n))
    bulk(factories.JurisdictionFactory, ({**place, "tier": "district", "parent": province} for place in districts))
    org = factories.OrganizationFactory(
        name=f"{prefix} department", slug=f"{prefix}-dept", classification="department", jurisdiction=province
    )
    offices = bulk(
        factories.OfficeFactory,
        ({"title": f"{prefix} office {i}", "slug": f"{prefix}-office-{i}", "organization": org} for i in range(n + 1)),
    )
    busy_office, others = offices[0], offices[1:]
    people = bulk(
        factories.PersonFactory,
        ({"name": f"{prefix} person {i}", "slug": f"{prefix}-person-{i}"} for i in range(n + 1)),
    )
    traveller = people[0]
    # The i-th posting of the traveller, and of the busy office's holders, lasts 20 days from the i-th 20 days.
    postings = [(i, o, traveller) for i, o in enumerate(others)] + [
        (i, busy_office, p) for i, p in enumerate(people[1:])
    ]
    start = D(1990, 1, 1)
    bulk(
        factories.TenureFactory,
        (
            {
                "office": o,
                "person": p,
                "start_date": start + datetime.timedelta(days=20 * i),
                "end_date": start + datetime.timedelta(days=20 * i + 19),
            }
            for i, o, p in postings
        ),
    )
    commitments = bulk(
        factories.CommitmentFactory,
        (
            {
                "title": f"{prefix} commitment {i}",
                "slug": f"{prefix}-commitment-{i}",
                "text": "t",
                "made_on": D(1990, 1, 1),
                "sector": "health",
                "jurisdiction": province,
                "deadline": D(1995, 1, 1),
                "status": "stalled",
                "last_published_at": datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC),
            }
            for i in range(n)
        ),
    )
    ownerships = [(c, o, "political") for c, o in zip(commitments, others, strict=True)]
    ownerships += [(c, busy_office, "administrative") for c in commitments]
    bulk(factories.CommitmentOwnerFactory, ({"commitment": c, "office": o, "role": role} for c, o, role in ownerships))
    focal = commitments[0]
    statuses = ["in_progress", "stalled"]
    bulk(
        factories.StatusChangeFactory,
        (
            {
                "commitment": focal,
                "from_status": statuses[i % 2],
                "to_status": statuses[(i + 1) % 2],
                "effective_date": D(1991, 1, 1) + datetime.timedelta(days=i),
                "url": "https://example.org/s",
                "title": "s",
            }
            for i in range(n)
        ),
    )
    bulk(
        factories.MovementFactory,
        (
            {
                "commitment": focal,
                "office": others[i % len(others)],
                "arrived_on": D(1990, 2, 1) + datetime.timedelta(days=i),
            }
            for i in range(n)
        ),
    )
    bulk(
        factories.CommitmentSourceFactory,
        ({"commitment": focal, "url": f"https://example.org/{i}", "title": f"source {i}"} for i in range(n)),
    )
    decisions = bulk(
        factories.DecisionFactory,
        (
            {
                "title": f"{prefix} decision {i}",
                "slug": f"{prefix}-decision-{i}",
                "decided_on": D(1992, 1, 1),
                "deciding_office": busy_office,
                "summary": "s",
            }
            for i in range(n)
        ),
    )
    bulk(factories.DecisionCommitmentFactory, ({"decision": d, "commitment": focal} for d in decisions))
    return {
        "commitment": f"/commitments/{focal.slug}/",
        "commitment on a date": f"/commitments/{focal.slug}/?on=1991-06-01",
        "person": f"/people/{traveller.slug}/",
        "office": f"/offices/{busy_office.slug}/",
        "jurisdiction": f"/jurisdictions/{province.slug}/",
        "decision": f"/decisions/{decisions[0].slug}/",
        "dashboard": "/",
        "commitment list": "/commitments/?overdue=1",
        "decision list": "/decisions/",
        # The figures of the office and person pages' comparisons with their peers (tracker/public/peers.py).
        "office peers list": "/commitments/?office_kind=appointed&owner_tier=province&counted=1",
        "person figures list": f"/commitments/?held_by={traveller.slug}&held_kind=appointed&held_tier=province",
        "peers figures list": "/commitments/?held_kind=appointed&held_tier=province&during=owned",
        # The indexes read every record's names in one query and only the page's records in full
        # (tracker/public/browse.py); a district's page reads its offices and all their tenures at once.
        "people index": "/people/",
        "people index in Urdu, by province": "/ur/people/?by=province",
        "office index": "/offices/?q=office",
        "place index": f"/jurisdictions/?province={province.slug}",
        "district chooser": f"/my-district/?province={province.slug}",
        "district": f"/my-district/{prefix}-district-0/",
        "province as a district": f"/my-district/{province.slug}/",
        "recent changes": "/changes/",
    }


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def test_query_counts_do_not_grow_with_the_data(client):
    TrackerSettings.load()  # created on first use; that one-off insert is not the page's cost
    small_pages = records_at_scale("small", 10)
    for url in small_pages.values():
        # A process's first page of a kind looks up what every later request reuses (content types...);
        # which tests ran before in the same worker must not change the count.
        client.get(url)
    small = {page: queries(client, url) for page, url in small_pages.items()}
    large_pages = records_at_scale("large", 500)
    large = {page: queries(client, url) for page, url in large_pages.items()}
    assert large == small
    for page in ("office", "person"):  # the comparison with peers is on both pages, in their counts
        assert "Against offices of the same kind and tier" in client.get(large_pages[page]).content.decode()
    assert max(small.values()) <= 25, small


def test_with_maintained_summaries_the_pages_read_fewer_queries(client, settings):
    """The same pages reading their maintained summaries (tracker/public/summaries.py), as in production:
    still constant, and the dashboard, office, person and place pages no longer compute their figures."""
    settings.PUBLIC_SUMMARIES = True
    TrackerSettings.load()

    def warm(pages):
        for url in pages.values():
            client.get(url)  # stores each page's summary
        return {page: queries(client, url) for page, url in pages.items()}

    small = warm(records_at_scale("small", 10))
    large = warm(records_at_scale("large", 500))
    assert large == small
    # The place page's one more: its "Last updated" (its latest public revision). The dashboard, person
    # and place pages read the commitments they list as they are now, with their owners: two more. The office
    # and person pages read their peer group's row too (a row of its own: tracker/public/compared.py).
    assert small["dashboard"] <= 4 and small["jurisdiction"] <= 8, small
    assert small["office"] <= 9 and small["person"] <= 10, small

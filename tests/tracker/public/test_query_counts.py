"""No public page's SQL query count grows with the data: each page type is measured over a world
with 10 related rows of every kind and over one with 500."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.models import TrackerSettings
from tracker.models import (
    Commitment,
    CommitmentOwner,
    CommitmentSource,
    Decision,
    DecisionCommitment,
    Jurisdiction,
    Movement,
    Office,
    Organization,
    Person,
    StatusChange,
    Tenure,
)

pytestmark = pytest.mark.django_db
D = datetime.date
LIVE = {"live": True}


def world(prefix, n):
    """A province with n districts; n offices held in turn by one person; an office held by n people;
    n overdue commitments; one commitment with n status changes, movements, sources and decisions."""
    province = Jurisdiction.objects.create(
        name=f"{prefix} province", slug=f"{prefix}-province", tier="province", **LIVE
    )
    Jurisdiction.objects.bulk_create(
        Jurisdiction(
            name=f"{prefix} district {i}", slug=f"{prefix}-district-{i}", tier="district", parent=province, **LIVE
        )
        for i in range(n)
    )
    org = Organization.objects.create(
        name=f"{prefix} department", slug=f"{prefix}-dept", classification="department", jurisdiction=province, **LIVE
    )
    offices = Office.objects.bulk_create(
        Office(title=f"{prefix} office {i}", slug=f"{prefix}-office-{i}", kind="appointed", organization=org, **LIVE)
        for i in range(n + 1)
    )
    busy_office, others = offices[0], offices[1:]
    people = Person.objects.bulk_create(
        Person(name=f"{prefix} person {i}", slug=f"{prefix}-person-{i}", **LIVE) for i in range(n + 1)
    )
    traveller = people[0]
    start = D(1990, 1, 1)
    Tenure.objects.bulk_create(
        [
            Tenure(
                office=o,
                person=traveller,
                start_date=start + datetime.timedelta(days=20 * i),
                end_date=start + datetime.timedelta(days=20 * i + 19),
                how="posted",
            )
            for i, o in enumerate(others)
        ]
        + [
            Tenure(
                office=busy_office,
                person=p,
                start_date=start + datetime.timedelta(days=20 * i),
                end_date=start + datetime.timedelta(days=20 * i + 19),
                how="posted",
            )
            for i, p in enumerate(people[1:])
        ]
    )
    commitments = Commitment.objects.bulk_create(
        Commitment(
            title=f"{prefix} commitment {i}",
            slug=f"{prefix}-commitment-{i}",
            text="t",
            made_on=D(1990, 1, 1),
            sector="health",
            jurisdiction=province,
            deadline=D(1995, 1, 1),
            status="stalled",
            last_published_at=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC),
            **LIVE,
        )
        for i in range(n)
    )
    CommitmentOwner.objects.bulk_create(
        [CommitmentOwner(commitment=c, office=o, role="political") for c, o in zip(commitments, others, strict=True)]
        + [CommitmentOwner(commitment=c, office=busy_office, role="administrative") for c in commitments]
    )
    focal = commitments[0]
    statuses = ["in_progress", "stalled"]
    StatusChange.objects.bulk_create(
        StatusChange(
            commitment=focal,
            from_status=statuses[i % 2],
            to_status=statuses[(i + 1) % 2],
            effective_date=D(1991, 1, 1) + datetime.timedelta(days=i),
            url="https://example.org/s",
            title="s",
        )
        for i in range(n)
    )
    Movement.objects.bulk_create(
        Movement(
            commitment=focal, office=others[i % len(others)], arrived_on=D(1990, 2, 1) + datetime.timedelta(days=i)
        )
        for i in range(n)
    )
    CommitmentSource.objects.bulk_create(
        CommitmentSource(commitment=focal, url=f"https://example.org/{i}", title=f"source {i}") for i in range(n)
    )
    decisions = Decision.objects.bulk_create(
        Decision(
            title=f"{prefix} decision {i}",
            slug=f"{prefix}-decision-{i}",
            kind="notification",
            decided_on=D(1992, 1, 1),
            deciding_office=busy_office,
            summary="s",
            **LIVE,
        )
        for i in range(n)
    )
    DecisionCommitment.objects.bulk_create(DecisionCommitment(decision=d, commitment=focal) for d in decisions)
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
    }


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def test_query_counts_do_not_grow_with_the_data(client):
    TrackerSettings.load()  # created on first use; that one-off insert is not the page's cost
    small = {page: queries(client, url) for page, url in world("small", 10).items()}
    large = {page: queries(client, url) for page, url in world("large", 500).items()}
    assert large == small
    assert max(small.values()) <= 25, small

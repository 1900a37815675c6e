"""A small, hand-built slice of Quetta with known answers, published through the real service."""

import datetime
from types import SimpleNamespace

from tracker import publishing
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

D = datetime.date


def publish(record, summary="Add"):
    publishing.publish(record, summary=summary)
    return record


def place(name, tier, parent=None):
    return publish(Jurisdiction(name=name, tier=tier, parent=parent))


def tenure(person, start, end=None, how="posted", end_reason=""):
    return Tenure(person=person, start_date=start, end_date=end, how=how, end_reason=end_reason)


def build():
    s = SimpleNamespace()
    s.pakistan = place("Pakistan", "federal")
    s.balochistan = place("Balochistan", "province", s.pakistan)
    s.division = place("Quetta Division", "division", s.balochistan)
    s.quetta = place("Quetta", "district", s.division)
    s.punjab = place("Punjab", "province", s.pakistan)

    def org(name, kind, jurisdiction):
        return publish(Organization(name=name, classification=kind, jurisdiction=jurisdiction))

    cabinet = org("Government of Balochistan", "cabinet", s.balochistan)
    district = org("District Administration Quetta", "district_administration", s.quetta)
    corporation = org("Metropolitan Corporation Quetta", "council", s.quetta)
    finance = org("Finance Department Balochistan", "department", s.balochistan)

    people = {
        key: publish(Person(name=name))
        for key, name in {
            "cm": "Nadir Zehri",
            "b": "Bushra Kakar",
            "c": "Camran Achakzai",
            "d": "Dawood Mengal",
            "e": "Erum Baloch",
            "f": "Farid Raisani",
            "g": "Gul Mandokhail",
            "h": "Hina Lehri",
        }.items()
    }
    s.people = SimpleNamespace(**people)

    s.cm = Office(title="Chief Minister Balochistan", kind="elected", organization=cabinet)
    s.cm.tenures.add(tenure(s.people.cm, D(2018, 8, 19), None, "elected"))
    s.dc = Office(title="Deputy Commissioner Quetta", kind="appointed", organization=district)
    s.dc.tenures.add(tenure(s.people.b, D(2019, 1, 1), D(2020, 6, 30), "posted", "transferred"))
    s.dc.tenures.add(tenure(s.people.c, D(2020, 7, 1), D(2021, 12, 31), "transferred", "transferred"))
    s.dc.tenures.add(tenure(s.people.d, D(2021, 3, 1), D(2021, 3, 20), "acting", "charge_ended"))
    # Vacant from 1 to 14 January 2022.
    s.dc.tenures.add(tenure(s.people.e, D(2022, 1, 15), None, "posted"))
    s.mayor = Office(title="Mayor of Quetta", kind="elected", organization=corporation)
    s.mayor.tenures.add(tenure(s.people.f, D(2015, 12, 1), D(2019, 8, 27), "elected", "council_lapsed"))
    s.administrator = Office(
        title="Administrator Metropolitan Corporation Quetta", kind="administrator", organization=corporation
    )
    s.administrator.tenures.add(tenure(s.people.g, D(2019, 8, 28), None, "appointed_administrator"))
    s.secretary = Office(title="Secretary Finance Balochistan", kind="appointed", organization=finance)
    s.secretary.tenures.add(tenure(s.people.h, D(2019, 3, 1), None, "posted"))
    s.secretary.tenures.add(tenure(s.people.cm, D(2021, 6, 1), D(2021, 6, 30), "additional_charge", "charge_ended"))
    for office in (s.cm, s.dc, s.mayor, s.administrator, s.secretary):
        publish(office)

    c = Commitment(
        title="File tracking system for the secretariat",
        text="Every file in the civil secretariat will be tracked online.",
        made_by_office=s.cm,
        made_on=D(2019, 5, 1),
        sector="e_governance",
        jurisdiction=s.quetta,
        deadline=D(2020, 6, 30),
        status="stalled",
        progress=30,
    )
    c.owners.add(CommitmentOwner(office=s.cm, role="political"))
    c.owners.add(CommitmentOwner(office=s.dc, role="administrative"))
    c.status_changes.add(
        StatusChange(
            from_status="not_started",
            to_status="in_progress",
            effective_date=D(2019, 9, 1),
            url="https://example.org/work-begins",
            title="Work begins",
            quote="The software was procured.",
        )
    )
    c.status_changes.add(
        StatusChange(
            from_status="in_progress",
            to_status="stalled",
            effective_date=D(2021, 3, 10),
            url="https://example.org/stalled",
            title="Project stalls",
            quote="No funds were released.",
        )
    )
    c.movements.add(Movement(office=s.dc, arrived_on=D(2019, 5, 10)))
    c.movements.add(Movement(office=s.secretary, arrived_on=D(2020, 1, 1)))
    c.movements.add(Movement(office=s.dc, arrived_on=D(2020, 5, 22)))
    c.sources.add(
        CommitmentSource(
            url="https://example.org/promise",
            title="CM announces file tracking",
            publisher="Example Daily",
            quote="Every file will be tracked.",
        )
    )
    s.files = publish(c)

    water = Commitment(
        title="Clean drinking water for Quetta's union councils",
        text="Filtration plants in every union council.",
        made_by_office=s.mayor,
        made_on=D(2017, 3, 1),
        sector="water_sanitation",
        jurisdiction=s.quetta,
        deadline=D(2019, 12, 31),
        status="delivered",
        progress=100,
    )
    water.owners.add(CommitmentOwner(office=s.mayor, role="political"))
    water.owners.add(CommitmentOwner(office=s.administrator, role="administrative"))
    water.status_changes.add(
        StatusChange(
            from_status="not_started",
            to_status="delivered",
            effective_date=D(2020, 2, 1),
            url="https://example.org/plants",
            title="Plants open",
        )
    )
    s.water = publish(water)

    s.decision = Decision(
        title="Funds for the file tracking system",
        kind="budget_allocation",
        reference_number="FD/2020/114",
        decided_on=D(2020, 2, 15),
        deciding_office=s.secretary,
        summary="PKR 40 million allocated.",
        amount_pkr=40_000_000,
    )
    s.decision.linked_commitments.add(DecisionCommitment(commitment=s.files))
    publish(s.decision)
    return s

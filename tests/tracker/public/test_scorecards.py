"""Scorecard arithmetic on hand-built cases: commitments count only for the days a person held the office."""

import datetime
from types import SimpleNamespace as Obj

import pytest

from tests import scenario
from tests.factories import CommitmentFactory, CommitmentOwnerFactory, OfficeFactory
from tracker.models import Commitment, Person
from tracker.public.scorecards import (
    CommitmentFacts,
    Score,
    compare_owner_groups,
    person_scorecard,
    score_tenure,
)

D = datetime.date
TODAY = D(2024, 1, 1)


def commitment(pk, made_on, deadline, status="in_progress"):
    return Obj(pk=pk, made_on=made_on, deadline=deadline, status=status)


def change(to_status, day):
    return Obj(to_status=to_status, effective_date=day)


def tenure(start, end=None):
    return Obj(start_date=start, end_date=end)


def score(start, end, *facts):
    return score_tenure(tenure(start, end), list(facts), TODAY).counts()


def test_delivered_counts_for_whoever_held_the_office_that_day():
    delivered = CommitmentFacts(commitment(1, D(2020, 1, 1), D(2021, 1, 1)), [change("delivered", D(2020, 6, 1))])
    nothing = {"owned": 1, "delivered": 0, "broken": 0, "overdue": 0, "inherited": 0}
    assert score(D(2020, 1, 1), D(2020, 5, 31), delivered) == nothing
    assert score(D(2020, 6, 1), D(2020, 12, 31), delivered) == {**nothing, "delivered": 1}
    # After it was delivered it is no longer theirs to answer for.
    assert score(D(2020, 7, 1), None, delivered) == {**nothing, "owned": 0}


def test_overdue_only_if_the_deadline_passed_during_the_tenure_while_open():
    late = CommitmentFacts(commitment(2, D(2019, 1, 1), D(2020, 3, 31)), [change("delivered", D(2020, 9, 1))])
    assert score(D(2019, 1, 1), D(2020, 3, 31), late)["overdue"] == 0  # left on the deadline day
    assert score(D(2020, 3, 1), D(2020, 4, 1), late)["overdue"] == 1  # one overdue day is enough
    # Already overdue on the first day of the tenure: inherited, not counted as overdue (issue 26).
    assert score(D(2020, 4, 1), D(2020, 4, 1), late) == {
        "owned": 1,
        "delivered": 0,
        "broken": 0,
        "overdue": 0,
        "inherited": 1,
    }
    assert score(D(2020, 9, 1), None, late)["overdue"] == 0  # delivered the day they arrived


def test_broken_and_open_ended_tenures():
    broken = CommitmentFacts(commitment(3, D(2019, 1, 1), D(2019, 12, 31), "broken"), [change("broken", D(2022, 2, 2))])
    # Overdue since 2020, so inherited by whoever arrived in 2021; broken on their watch.
    assert score(D(2021, 1, 1), None, broken) == {"owned": 1, "delivered": 0, "broken": 1, "overdue": 0, "inherited": 1}


def test_commitments_made_after_a_tenure_do_not_count():
    later = CommitmentFacts(commitment(4, D(2023, 1, 1), None), [])
    assert score(D(2020, 1, 1), D(2022, 12, 31), later)["owned"] == 0
    assert score(D(2020, 1, 1), None, later) == {"owned": 1, "delivered": 0, "broken": 0, "overdue": 0, "inherited": 0}


def test_a_commitment_counts_once_across_several_tenures():
    total = Score()
    facts = CommitmentFacts(commitment(5, D(2019, 1, 1), D(2019, 6, 30)), [])
    total.add(score_tenure(tenure(D(2019, 1, 1), D(2019, 12, 31)), [facts], TODAY))
    total.add(score_tenure(tenure(D(2021, 1, 1), None), [facts], TODAY))
    # Overdue during the first tenure; already overdue when the second began.
    assert total.counts() == {"owned": 1, "delivered": 0, "broken": 0, "overdue": 1, "inherited": 1}


@pytest.mark.django_db
def test_elected_appointed_and_administrator_owners_compared_by_what_differs():
    elected, appointed = OfficeFactory(kind="elected"), OfficeFactory(kind="appointed")
    administrator = OfficeFactory(kind="administrator")

    def c(status, deadline, *owners):
        made = CommitmentFactory(status=status, deadline=deadline, made_on=D(2022, 1, 1))
        for office, role in owners:
            CommitmentOwnerFactory(commitment=made, office=office, role=role)
        return made

    c("delivered", D(2023, 1, 1), (elected, "political"))
    c("stalled", D(2023, 12, 22), (elected, "political"), (appointed, "administrative"))  # 10 days overdue
    c("in_progress", D(2023, 12, 2), (administrator, "administrative"))  # 30 days overdue
    c("broken", D(2023, 1, 2), (appointed, "administrative"))  # closed: not overdue
    c("withdrawn", D(2023, 1, 2), (appointed, "administrative"))  # shown beside, never counted
    place = Obj(slug="somewhere")
    found = compare_owner_groups(Commitment.objects.all(), place, TODAY)
    rows = {row.measures.key: row for row in found.groups}
    assert list(rows) == ["political-elected", "administrative-appointed", "administrative-administrator"]
    elected_row, appointed_row, administrator_row = rows.values()
    assert (elected_row.measures.counted.count, elected_row.measures.outcome("delivered").count) == (2, 1)
    assert (elected_row.overdue.count, elected_row.overdue.total) == (1, 2)
    assert elected_row.measures.delay.values == [10]
    assert (appointed_row.measures.counted.count, appointed_row.measures.withdrawn.count) == (2, 1)
    assert (appointed_row.overdue.count, appointed_row.measures.outcome("broken").count) == (1, 1)
    assert (administrator_row.overdue.count, administrator_row.measures.delay.values) == (1, [30])
    assert administrator_row.overdue.url == (
        "/commitments/?jurisdiction=somewhere&owner_role=administrative&office_kind=administrator&counted=1&overdue=1"
    )


@pytest.mark.django_db
def test_scorecards_of_the_quetta_officials():
    scenario.quetta()

    def totals(name):
        person = Person.objects.get(name=name)
        return person_scorecard(list(person.tenures.select_related("office")), TODAY)[1]

    counts = ("owned", "delivered", "broken", "overdue", "inherited")
    assert totals("Bushra Kakar") == dict(zip(counts, (1, 0, 0, 0, 0), strict=True))
    # The file tracking system fell due on 30 June 2020, the day before Camran Achakzai arrived: inherited by
    # him and by the acting deputy commissioner after him, not overdue against either (issue 26).
    assert totals("Camran Achakzai") == dict(zip(counts, (1, 0, 0, 0, 1), strict=True))
    assert totals("Dawood Mengal") == dict(zip(counts, (1, 0, 0, 0, 1), strict=True))
    assert totals("Gul Mandokhail") == dict(zip(counts, (1, 1, 0, 1, 0), strict=True))
    assert totals("Farid Raisani") == dict(zip(counts, (1, 0, 0, 0, 0), strict=True))
    assert totals("Nadir Zehri") == dict(zip(counts, (1, 0, 0, 1, 0), strict=True))

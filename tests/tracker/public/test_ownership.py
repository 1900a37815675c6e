"""Ownership on a date: transfers, acting and additional charge, administrators, vacancies."""

import datetime

import pytest

from tracker.public.ownership import holders_on, owners_on, tenures_by_office

pytestmark = pytest.mark.django_db
D = datetime.date


def names_on(s, office, day):
    tenures = tenures_by_office([office.pk])
    return [t.person.name for t in holders_on(tenures[office.pk], day)]


def test_transfer_hands_the_office_over(quetta):
    assert names_on(quetta, quetta.dc, D(2020, 6, 30)) == ["Bushra Kakar"]
    assert names_on(quetta, quetta.dc, D(2020, 7, 1)) == ["Camran Achakzai"]


def test_acting_charge_shows_beside_the_substantive_holder(quetta):
    assert names_on(quetta, quetta.dc, D(2021, 3, 10)) == ["Camran Achakzai", "Dawood Mengal"]
    assert names_on(quetta, quetta.dc, D(2021, 3, 21)) == ["Camran Achakzai"]


def test_additional_charge_counts_as_holding(quetta):
    assert names_on(quetta, quetta.secretary, D(2021, 6, 15)) == ["Hina Lehri", "Nadir Zehri"]


def test_vacancy_between_tenures(quetta):
    assert names_on(quetta, quetta.dc, D(2022, 1, 10)) == []
    assert names_on(quetta, quetta.dc, D(2022, 1, 15)) == ["Erum Baloch"]


def test_open_ended_tenure_runs_to_today(quetta):
    assert names_on(quetta, quetta.dc, datetime.date.today()) == ["Erum Baloch"]
    assert names_on(quetta, quetta.cm, D(2030, 1, 1)) == ["Nadir Zehri"]


def test_lapsed_council_is_run_by_an_administrator(quetta):
    assert names_on(quetta, quetta.mayor, D(2019, 8, 27)) == ["Farid Raisani"]
    assert names_on(quetta, quetta.mayor, D(2019, 8, 28)) == []
    assert names_on(quetta, quetta.administrator, D(2019, 8, 28)) == ["Gul Mandokhail"]


def test_before_any_tenure_the_office_is_vacant(quetta):
    assert names_on(quetta, quetta.dc, D(2018, 12, 31)) == []


def test_owners_of_a_commitment_on_a_date(quetta):
    owners = list(quetta.files.owners.select_related("office"))
    tenures = tenures_by_office([o.office_id for o in owners])
    on_stall = owners_on(owners, tenures, D(2021, 3, 10))
    assert [(o.office.title, [t.person.name for t in o.holders]) for o in on_stall] == [
        ("Chief Minister Balochistan", ["Nadir Zehri"]),
        ("Deputy Commissioner Quetta", ["Camran Achakzai", "Dawood Mengal"]),
    ]
    in_vacancy = owners_on(owners, tenures, D(2022, 1, 5))
    assert [o.vacant for o in in_vacancy] == [False, True]

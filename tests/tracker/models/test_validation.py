"""Validation rules and the messages editors read."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests import scenario
from tests.factories import (
    CommitmentFactory,
    JurisdictionFactory,
    OfficeFactory,
    OrganizationFactory,
    PersonFactory,
    StatusChangeFactory,
    TenureFactory,
)
from tracker import publishing
from tracker.models import Office, vocabulary

pytestmark = pytest.mark.django_db
D = datetime.date


def errors(record):
    """The messages of each field that `record.full_clean()` refuses."""
    with pytest.raises(ValidationError) as excinfo:
        record.full_clean()
    return excinfo.value.message_dict


def messages(record):
    return " ".join(m for msgs in errors(record).values() for m in msgs)


def test_tenure_cannot_end_before_it_starts():
    tenure = TenureFactory.build(start_date=D(2022, 5, 1), end_date=D(2022, 4, 30), office=OfficeFactory())
    assert "cannot end (2022-04-30) before it starts (2022-05-01)" in messages(tenure)


def test_end_reason_needs_an_end_date():
    tenure = TenureFactory.build(office=OfficeFactory(), end_reason=vocabulary.TenureEnd.TRANSFERRED)
    assert "Give the date the tenure ended" in messages(tenure)


def office_with(*tenures):
    return scenario.office(organization=OrganizationFactory(), tenures=tenures)


def test_two_full_charge_holders_cannot_overlap():
    ali, sana = PersonFactory(name="Ali Raza"), PersonFactory(name="Sana Baloch")
    office = office_with(
        (ali, D(2020, 1, 1), D(2021, 6, 30), vocabulary.TenureStart.POSTED),
        (sana, D(2021, 6, 1), None, vocabulary.TenureStart.TRANSFERRED),
    )
    text = messages(office)
    assert "Two people cannot hold this office at once" in text
    assert "Ali Raza (2020-01-01 to 2021-06-30) overlaps Sana Baloch (2021-06-01 to now)" in text


def test_an_open_ended_tenure_overlaps_any_later_one():
    office = office_with(
        (PersonFactory(), D(2020, 1, 1), None, vocabulary.TenureStart.POSTED),
        (PersonFactory(), D(2024, 1, 1), None, vocabulary.TenureStart.POSTED),
    )
    with pytest.raises(ValidationError):
        office.full_clean()


@pytest.mark.parametrize("how", [vocabulary.TenureStart.ACTING, vocabulary.TenureStart.ADDITIONAL_CHARGE])
def test_acting_and_additional_charge_may_overlap(how):
    office = office_with(
        (PersonFactory(), D(2020, 1, 1), None, vocabulary.TenureStart.POSTED),
        (PersonFactory(), D(2021, 3, 1), D(2021, 4, 15), how),
    )
    office.full_clean()


def test_offices_held_by_many_may_overlap():
    office = office_with(
        (PersonFactory(), D(2020, 1, 1), None, vocabulary.TenureStart.ELECTED),
        (PersonFactory(), D(2020, 1, 1), None, vocabulary.TenureStart.ELECTED),
    )
    office.is_sole = False
    office.full_clean()


def test_back_to_back_tenures_are_fine():
    office = office_with(
        (PersonFactory(), D(2020, 1, 1), D(2020, 12, 31), vocabulary.TenureStart.POSTED),
        (PersonFactory(), D(2021, 1, 1), None, vocabulary.TenureStart.TRANSFERRED),
    )
    office.full_clean()


def test_deadline_not_before_made_on():
    commitment = CommitmentFactory.build(
        jurisdiction=JurisdictionFactory(), made_on=D(2021, 3, 1), deadline=D(2021, 2, 28)
    )
    assert errors(commitment)["deadline"] == [
        "The deadline (2021-02-28) cannot be before the commitment was made (2021-03-01)."
    ]


@pytest.mark.parametrize("progress", [101, 250])
def test_progress_is_a_percentage(progress):
    commitment = CommitmentFactory.build(jurisdiction=JurisdictionFactory(), progress=progress)
    assert errors(commitment)["progress"] == ["Progress is a percentage from 0 to 100."]


def test_status_change_needs_a_source():
    change = StatusChangeFactory.build(commitment=CommitmentFactory(), effective_date=D(2022, 1, 1), url="")
    assert errors(change)["url"] == ["Give the address (URL) of the source: every status change and source needs one."]


def test_status_change_cannot_take_effect_in_the_future():
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    change = StatusChangeFactory.build(commitment=CommitmentFactory(), effective_date=tomorrow)
    assert errors(change)["effective_date"] == ["The effective date cannot be in the future."]


def test_status_change_must_change_the_status():
    change = StatusChangeFactory.build(commitment=CommitmentFactory(), from_status="stalled", to_status="stalled")
    assert errors(change)["to_status"] == ["A status change must change the status."]


def test_status_must_follow_the_latest_status_change():
    commitment = scenario.unsaved_commitment(status=vocabulary.CommitmentStatus.DELIVERED)
    commitment.status_changes.add(StatusChangeFactory.build(commitment=commitment, to_status="stalled"))
    assert "The status is “Delivered” but the latest status change moves it to “Stalled”" in messages(commitment)


def test_commitment_needs_an_owner_before_it_is_published():
    commitment = CommitmentFactory.build(jurisdiction=JurisdictionFactory(), live=False)
    with pytest.raises(ValidationError) as excinfo:
        publishing.publish(commitment, summary="First publish")
    assert excinfo.value.messages == ["A commitment needs at least one owner office before it can be published."]
    assert commitment.pk is None


def test_a_draft_without_owners_may_be_saved():
    commitment = CommitmentFactory.build(jurisdiction=JurisdictionFactory(), live=False)
    publishing.save_draft(commitment, summary="Started")
    assert commitment.pk and not commitment.live


def test_publishing_needs_an_edit_summary():
    commitment = scenario.unsaved_commitment()
    with pytest.raises(ValidationError) as excinfo:
        publishing.publish(commitment, summary="  ")
    assert excinfo.value.message_dict["edit_summary"] == ["Publishing needs an edit summary: say what changed and why."]


def test_jurisdiction_tiers_nest_downwards():
    tehsil = JurisdictionFactory(name="Quetta City", tier=vocabulary.JurisdictionTier.TEHSIL)
    district = JurisdictionFactory.build(name="Quetta", tier=vocabulary.JurisdictionTier.DISTRICT, parent=tehsil)
    assert errors(district)["parent"] == ["A district cannot be inside a tehsil (Quetta City)."]


def test_invalid_office_is_not_saved_by_publish():
    office = office_with(
        (PersonFactory(), D(2020, 1, 1), None, vocabulary.TenureStart.POSTED),
        (PersonFactory(), D(2021, 1, 1), None, vocabulary.TenureStart.POSTED),
    )
    with pytest.raises(ValidationError):
        publishing.publish(office, summary="Add office")
    assert not Office.objects.filter(title=office.title).exists()

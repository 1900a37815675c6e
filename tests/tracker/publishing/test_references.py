"""Only public things are referenced: a publish refuses a record that points at a draft, an
unpublished or a taken-down record, and names it (the public record cannot show, or freeze into its
hash-chained revisions, a name the public may not see)."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from tests import factories, scenario
from tracker.models import PublicRevision
from tracker.publishing import takedown

pytestmark = pytest.mark.django_db
D = datetime.date


def draft(factory, **fields):
    return factory(live=False, **fields)


def refused(record):
    """The messages of the refused publish; nothing of `record` became public."""
    with pytest.raises(ValidationError) as excinfo:
        scenario.publish(record)
    assert not PublicRevision.objects.filter(object_id=str(record.pk)).exists() or record.pk is None
    return " ".join(excinfo.value.messages)


DRAFT_OFFICE = (
    "The office “Deputy Commissioner Quetta” is not published yet: publish it first, or choose a published office."
)


def test_an_owner_office_must_be_published():
    office = draft(factories.OfficeFactory, title="Deputy Commissioner Quetta")
    assert refused(scenario.unsaved_commitment(owner_office=office)) == DRAFT_OFFICE


def test_the_office_that_made_it_must_be_published():
    office = draft(factories.OfficeFactory, title="Deputy Commissioner Quetta")
    assert refused(scenario.unsaved_commitment(made_by_office=office)) == DRAFT_OFFICE


def test_a_movement_office_must_be_published():
    record = scenario.unsaved_commitment()
    office = draft(factories.OfficeFactory, title="Deputy Commissioner Quetta")
    record.movements.add(factories.MovementFactory.build(commitment=record, office=office))
    assert refused(record) == DRAFT_OFFICE


def test_a_commitments_jurisdiction_must_be_published():
    place = draft(factories.JurisdictionFactory, name="Sibi")
    assert "The jurisdiction “Sibi” is not published yet" in refused(scenario.unsaved_commitment(jurisdiction=place))


def test_a_tenure_holder_must_be_published():
    person = draft(factories.PersonFactory, name="Bushra Kakar")
    office = scenario.office(organization=factories.OrganizationFactory(), tenures=[(person, D(2020, 1, 1))])
    assert refused(office) == (
        "The person “Bushra Kakar” is not published yet: publish it first, or choose a published person."
    )


def test_an_offices_organisation_must_be_published():
    organisation = draft(factories.OrganizationFactory, name="District Administration Quetta")
    assert "The organisation “District Administration Quetta” is not published yet" in refused(
        scenario.office(organization=organisation)
    )


def test_an_organisations_jurisdiction_must_be_published():
    place = draft(factories.JurisdictionFactory, name="Sibi")
    assert "The jurisdiction “Sibi” is not published yet" in refused(
        factories.OrganizationFactory.build(jurisdiction=place)
    )


def test_a_parent_jurisdiction_must_be_published():
    parent = draft(factories.JurisdictionFactory, name="Balochistan", tier="province")
    assert "The jurisdiction “Balochistan” is not published yet" in refused(
        factories.JurisdictionFactory.build(parent=parent)
    )


def test_a_decisions_deciding_office_must_be_published():
    office = draft(factories.OfficeFactory, title="Deputy Commissioner Quetta")
    assert refused(scenario.decision(deciding_office=office)) == DRAFT_OFFICE


def test_a_decisions_linked_commitments_must_be_published():
    promise = draft(factories.CommitmentFactory, title="Build 40 schools")
    assert refused(scenario.decision(deciding_office=factories.OfficeFactory(), linked=[promise])) == (
        "The commitment “Build 40 schools” is not published yet: publish it first, or choose a published commitment."
    )


def test_a_taken_down_office_is_refused_and_named():
    office = factories.OfficeFactory(title="Deputy Commissioner Quetta")
    takedown.take_down(office, notice="Court order.")
    assert refused(scenario.unsaved_commitment(owner_office=office)) == (
        "The office “Deputy Commissioner Quetta” has been taken down: choose a published office."
    )


def test_an_unpublished_office_is_refused_on_the_next_publish_of_a_commitment_naming_it():
    office = factories.OfficeFactory(title="Deputy Commissioner Quetta")
    commitment = scenario.published_commitment(owner_office=office)
    office.live = False
    office.save()
    commitment.progress = 10
    with pytest.raises(ValidationError, match="“Deputy Commissioner Quetta” has been unpublished|is not published"):
        scenario.publish(commitment, summary="Progress")
    assert PublicRevision.objects.for_record(commitment).count() == 1


def test_published_references_publish_and_each_record_is_checked_with_few_queries(django_assert_max_num_queries):
    office = factories.OfficeFactory()
    record = scenario.unsaved_commitment(owner_office=office, made_by_office=office)
    record.movements.add(factories.MovementFactory.build(commitment=record, office=office))
    with django_assert_max_num_queries(2):  # one query for the offices, one for the place
        assert record.publication_problems() == []
    scenario.publish(record)
    assert PublicRevision.objects.for_record(record).count() == 1

"""Factories for tracker records. Records are built unsaved or saved as plain rows; tests that need
the publishing path call tracker.publishing.publish.publish on them."""

import datetime

import factory
from factory.django import DjangoModelFactory

from tracker.models import (
    Commitment,
    CommitmentOwner,
    Jurisdiction,
    Office,
    Organization,
    Person,
    StatusChange,
    Tenure,
    vocabulary,
)


class JurisdictionFactory(DjangoModelFactory):
    class Meta:
        model = Jurisdiction

    name = factory.Sequence(lambda n: f"District {n}")
    tier = vocabulary.JurisdictionTier.DISTRICT
    live = True


class OrganizationFactory(DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Department {n}")
    classification = vocabulary.OrganizationKind.DEPARTMENT
    jurisdiction = factory.SubFactory(JurisdictionFactory)
    live = True


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Faker("name")
    live = True


class OfficeFactory(DjangoModelFactory):
    class Meta:
        model = Office

    title = factory.Sequence(lambda n: f"Deputy Commissioner {n}")
    kind = vocabulary.OfficeKind.APPOINTED
    organization = factory.SubFactory(OrganizationFactory)
    live = True


class TenureFactory(DjangoModelFactory):
    class Meta:
        model = Tenure

    office = factory.SubFactory(OfficeFactory)
    person = factory.SubFactory(PersonFactory)
    start_date = datetime.date(2020, 1, 1)
    how = vocabulary.TenureStart.POSTED


class CommitmentFactory(DjangoModelFactory):
    class Meta:
        model = Commitment

    title = factory.Sequence(lambda n: f"Build {n} schools")
    text = "The government will build new schools."
    made_on = datetime.date(2021, 3, 1)
    sector = vocabulary.Sector.EDUCATION
    jurisdiction = factory.SubFactory(JurisdictionFactory)
    deadline = datetime.date(2023, 6, 30)
    live = True


class CommitmentOwnerFactory(DjangoModelFactory):
    class Meta:
        model = CommitmentOwner

    commitment = factory.SubFactory(CommitmentFactory)
    office = factory.SubFactory(OfficeFactory)
    role = vocabulary.OwnershipRole.ADMINISTRATIVE


class StatusChangeFactory(DjangoModelFactory):
    class Meta:
        model = StatusChange

    commitment = factory.SubFactory(CommitmentFactory)
    from_status = vocabulary.CommitmentStatus.NOT_STARTED
    to_status = vocabulary.CommitmentStatus.IN_PROGRESS
    effective_date = datetime.date(2022, 1, 10)
    url = "https://example.org/news/1"
    title = "Work begins"


def unsaved_commitment(**fields):
    """A new commitment with one owner office, ready to publish through the service."""
    owner_office = fields.pop("owner_office", None) or OfficeFactory()
    commitment = CommitmentFactory.build(
        jurisdiction=fields.pop("jurisdiction", None) or JurisdictionFactory(), **fields
    )
    commitment.live = False
    commitment.owners.add(CommitmentOwner(office=owner_office, role=vocabulary.OwnershipRole.ADMINISTRATIVE))
    return commitment

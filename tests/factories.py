"""Factories for every tracker record and every part of one. `Factory()` saves a plain live row (no public
revision); `Factory.build()` makes an unsaved one, for tests/scenario.py to publish through the real service.

A part's factory makes its record too unless it is given one; pass the record (and the office, person
or commitment it points at) to keep a world small."""

import datetime

import factory
from factory.django import DjangoModelFactory

from tracker import models
from tracker.models import vocabulary


def record_factory(model, **defaults):
    """A factory of live `model` rows: what the public sees, without the revisions a publish writes."""
    return factory.make_factory(model, FACTORY_CLASS=DjangoModelFactory, live=True, **defaults)


def part_factory(model, **defaults):
    """A factory of `model`, a part of a record."""
    return factory.make_factory(model, FACTORY_CLASS=DjangoModelFactory, **defaults)


def commitment_part(model, **defaults):
    return part_factory(model, commitment=factory.SubFactory(CommitmentFactory), **defaults)


def decision_part(model, **defaults):
    return part_factory(model, decision=factory.SubFactory(DecisionFactory), **defaults)


# --- Records ---------------------------------------------------------------------------------------

JurisdictionFactory = record_factory(
    models.Jurisdiction, name=factory.Sequence(lambda n: f"District {n}"), tier=vocabulary.JurisdictionTier.DISTRICT
)
OrganizationFactory = record_factory(
    models.Organization,
    name=factory.Sequence(lambda n: f"Department {n}"),
    classification=vocabulary.OrganizationKind.DEPARTMENT,
    jurisdiction=factory.SubFactory(JurisdictionFactory),
)
PersonFactory = record_factory(models.Person, name=factory.Faker("name"))
OfficeFactory = record_factory(
    models.Office,
    title=factory.Sequence(lambda n: f"Deputy Commissioner {n}"),
    kind=vocabulary.OfficeKind.APPOINTED,
    organization=factory.SubFactory(OrganizationFactory),
)
CommitmentFactory = record_factory(
    models.Commitment,
    title=factory.Sequence(lambda n: f"Build {n} schools"),
    text="The government will build new schools.",
    made_on=datetime.date(2021, 3, 1),
    sector=vocabulary.Sector.EDUCATION,
    jurisdiction=factory.SubFactory(JurisdictionFactory),
    deadline=datetime.date(2023, 6, 30),
)
DecisionFactory = record_factory(
    models.Decision,
    title=factory.Sequence(lambda n: f"Notification {n}"),
    kind=vocabulary.DecisionKind.NOTIFICATION,
    decided_on=datetime.date(2021, 5, 1),
    deciding_office=factory.SubFactory(OfficeFactory),
    summary="The government notifies a committee.",
)

# --- Parts: each makes its record (and the office or person it names) unless it is given one ---------

TenureFactory = part_factory(
    models.Tenure,
    office=factory.SubFactory(OfficeFactory),
    person=factory.SubFactory(PersonFactory),
    start_date=datetime.date(2020, 1, 1),
    how=vocabulary.TenureStart.POSTED,
)
CommitmentOwnerFactory = commitment_part(
    models.CommitmentOwner, office=factory.SubFactory(OfficeFactory), role=vocabulary.OwnershipRole.ADMINISTRATIVE
)
StatusChangeFactory = commitment_part(
    models.StatusChange,
    from_status=vocabulary.CommitmentStatus.NOT_STARTED,
    to_status=vocabulary.CommitmentStatus.IN_PROGRESS,
    effective_date=datetime.date(2022, 1, 10),
    url="https://example.org/news/1",
    title="Work begins",
    kind=vocabulary.SourceKind.NEWS_REPORT,
)
MovementFactory = commitment_part(
    models.Movement, office=factory.SubFactory(OfficeFactory), arrived_on=datetime.date(2021, 6, 1)
)
CommitmentSourceFactory = commitment_part(
    models.CommitmentSource,
    url=factory.Sequence(lambda n: f"https://example.org/sources/{n}"),
    title="The government announces it",
)
DecisionCommitmentFactory = decision_part(models.DecisionCommitment, commitment=factory.SubFactory(CommitmentFactory))
DecisionSourceFactory = decision_part(
    models.DecisionSource,
    url=factory.Sequence(lambda n: f"https://example.org/notifications/{n}"),
    title="The notification",
)

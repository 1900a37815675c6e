"""/api/v1/popolo.json loads in an existing Popolo tool (EveryPolitician's `everypolitician-popolo` loader) with
exactly the published people, organisations, offices, tenures and places of the database, and carries what
Popolo has no field for (office kinds, acting and additional charges) in the documented extra fields."""

import json

import pytest
from popolo_data.importer import Popolo

from tracker.models import Jurisdiction, Office, Organization, Person, Tenure
from tracker.publishing.takedown import take_down

pytestmark = pytest.mark.django_db


def load(client):
    answer = client.get("/api/v1/popolo.json")
    assert answer.status_code == 200 and answer["Content-Type"] == "application/json"
    return Popolo(json.loads(answer.content))


def public_tenures():
    return Tenure.objects.filter(office__in=Office.objects.published(), person__in=Person.objects.published())


def test_the_loader_finds_what_the_database_publishes(client, quetta):
    popolo = load(client)
    assert len(popolo.persons) == Person.objects.published().count() == 8
    assert len(popolo.organizations) == Organization.objects.published().count()
    assert len(popolo.posts) == Office.objects.published().count() == 5
    assert len(popolo.memberships) == public_tenures().count() == 9
    assert len(popolo.areas) == Jurisdiction.objects.published().count() == 5


def test_memberships_link_people_posts_and_organisations_with_their_dates(client, quetta):
    popolo = load(client)
    person = popolo.persons.get(name="Dawood Mengal")
    [membership] = person.memberships
    assert (membership.start_date.midpoint_date.isoformat(), membership.end_date.midpoint_date.isoformat()) == (
        "2021-03-01",
        "2021-03-20",
    )
    assert membership.post.label == "Deputy Commissioner Quetta"
    assert membership.organization.name == "District Administration Quetta"
    raw = membership.data
    assert (raw["start_reason"], raw["end_reason"], raw["acting"], raw["additional_charge"]) == (
        "acting",
        "charge_ended",
        True,
        False,
    )
    charge = next(
        m for m in popolo.persons.get(name="Nadir Zehri").memberships if m.post_id.endswith(f"/{quetta.secretary.pk}")
    )
    assert charge.data["additional_charge"] is True


def test_posts_and_areas_carry_kinds_and_the_tree(client, quetta):
    popolo = load(client)
    posts = {post.label: post.data for post in popolo.posts}
    assert posts["Administrator Metropolitan Corporation Quetta"]["office_kind"] == "administrator"
    assert posts["Mayor of Quetta"]["office_kind"] == "elected"
    assert posts["Deputy Commissioner Quetta"]["area_id"] == f"area/{quetta.quetta.pk}"
    areas = {area.name: area for area in popolo.areas}
    assert areas["Quetta"].type == "district"
    assert areas["Quetta"].data["parent_id"] == f"area/{quetta.division.pk}"
    person = popolo.persons.get(name="Hina Lehri")
    assert person.identifier_value("accountability-tracker-slug") == quetta.people.h.slug
    assert person.link_value("Public page").endswith(f"/people/{quetta.people.h.slug}/")


def test_a_taken_down_person_leaves_with_their_memberships(client, quetta, moderator):
    take_down(quetta.people.d, notice="Court order.", user=moderator)
    popolo = load(client)
    assert "Dawood Mengal" not in {person.name for person in popolo.persons}
    assert len(popolo.memberships) == public_tenures().count() == 8
    assert all(m.person_id != f"person/{quetta.people.d.pk}" for m in popolo.memberships)

"""The API's lists keep each record's representation until what it shows changes: a second reading
serializes nothing; a commitment's publish makes that commitment's again, and only it; a change around the
commitments (an office's new holder) makes every one again; and a takedown or another date asked about is
never answered from what was kept before it."""

import datetime

import pytest
from django.core.cache import cache

from tests import scenario
from tracker.api import serializers
from tracker.publishing.takedown import take_down

from .conftest import by_slug, results


@pytest.fixture
def keeping(settings):
    settings.API_CACHE_SECONDS = 600
    cache.clear()


@pytest.fixture
def serialized(monkeypatch):
    """How many commitments the list serializes (not read from the cache)."""
    made = []
    original = serializers.CommitmentSerializer.to_representation

    def counting(self, instance):
        made.append(instance.slug)
        return original(self, instance)

    monkeypatch.setattr(serializers.CommitmentSerializer, "to_representation", counting)
    return made


def test_a_list_read_again_is_not_serialized_again_until_a_publish(client, quetta, keeping, serialized):
    first = by_slug(results(client.get("/api/v1/commitments/")))
    assert len(serialized) == len(first) > 1
    serialized.clear()
    assert by_slug(results(client.get("/api/v1/commitments/"))) == first
    assert serialized == []
    scenario.record_status_change(
        quetta.files, "in_progress", on=datetime.date(2021, 5, 1), summary="Moving again", url="https://e.org/a"
    )
    after = by_slug(results(client.get("/api/v1/commitments/")))
    assert after[quetta.files.slug]["status"] == "in_progress" != first[quetta.files.slug]["status"]
    assert serialized == [quetta.files.slug]  # the others are as they were: read from the cache
    assert {slug: data for slug, data in after.items() if slug != quetta.files.slug} == {
        slug: data for slug, data in first.items() if slug != quetta.files.slug
    }


def test_a_new_holder_of_an_office_makes_every_commitment_again(client, quetta, keeping, serialized):
    first = by_slug(results(client.get("/api/v1/commitments/")))
    serialized.clear()
    office, today = type(quetta.dc).objects.get(pk=quetta.dc.pk), datetime.date.today()
    tenures = list(office.tenures.all())
    for tenure in tenures:
        tenure.end_date = tenure.end_date or today - datetime.timedelta(days=2)  # transferred out
    office.tenures = tenures
    scenario.add_tenures(office, (quetta.people.h, today - datetime.timedelta(days=1)))
    scenario.publish(office, summary="A new Deputy Commissioner")
    after = by_slug(results(client.get("/api/v1/commitments/")))
    assert len(serialized) == len(first)
    holders = [h["person"]["slug"] for o in after[quetta.files.slug]["owners"] for h in o["holders"]]
    assert quetta.people.h.slug in holders


def test_owners_are_resolved_on_the_date_asked_about_not_the_date_kept(client, quetta, keeping):
    def holders(on):
        listed = by_slug(results(client.get(f"/api/v1/commitments/?on={on}")))
        return [h["person"]["slug"] for o in listed[quetta.files.slug]["owners"] for h in o["holders"]]

    today = holders(datetime.date.today().isoformat())
    earlier = holders("2019-06-01")
    assert holders(datetime.date.today().isoformat()) == today
    assert earlier != today


def test_a_taken_down_record_leaves_the_kept_list_at_once(client, quetta, keeping, moderator):
    assert quetta.files.slug in by_slug(results(client.get("/api/v1/commitments/")))
    take_down(quetta.files, notice="Removed on the order of the Lahore High Court.", user=moderator)
    listed = client.get("/api/v1/commitments/")
    assert quetta.files.slug not in by_slug(results(listed))
    assert "File tracking" not in listed.content.decode()

"""The API's lists keep each record's representation until the public state changes: a second reading
serializes nothing, and a publish, a takedown or another date asked about is never answered from what was
kept before it."""

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
    assert len(serialized) == len(first)


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

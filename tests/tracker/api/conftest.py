"""The world the API tests read: the hand-built slice of Quetta of tests/scenario.py (known holders on known
dates), published through the real service."""

import pytest

from tests import scenario


@pytest.fixture
def quetta(db):
    return scenario.quetta()


def results(response):
    assert response.status_code == 200, response.content[:500]
    return response.json()["results"]


def by_slug(items):
    return {item["slug"]: item for item in items}

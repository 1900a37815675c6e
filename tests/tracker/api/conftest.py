"""Helpers of the API tests. The world they read is `quetta` (tests/conftest.py): the hand-built slice of
Quetta of tests/scenario.py (known holders on known dates), published through the real service."""


def results(response):
    assert response.status_code == 200, response.content[:500]
    return response.json()["results"]


def by_slug(items):
    return {item["slug"]: item for item in items}

"""Every API parameter is checked as the OpenAPI document describes it, and a value that is not valid answers
400 naming the parameter, never 500 and never a silent default: digits of other scripts (², ١٢), negative,
fractional or oversized page sizes, empty dates, booleans that are not true or false. The document states the
limits (minimum, maximum, format) so that Schemathesis checks them (tests/tracker/api/test_schema.py)."""

import json

import pytest

from tests.tracker.api.conftest import results

pytestmark = pytest.mark.django_db

NOT_VALID = [
    ("/api/v1/commitments/", "id", "²"),
    ("/api/v1/commitments/", "id", "١٢"),
    ("/api/v1/people/", "id", "4,²"),
    ("/api/v1/commitments/", "id", ""),
    ("/api/v1/commitments/", "page_size", "-1"),
    ("/api/v1/commitments/", "page_size", "0"),
    ("/api/v1/commitments/", "page_size", "1.5"),
    ("/api/v1/commitments/", "page_size", "²"),
    ("/api/v1/commitments/", "page_size", "501"),
    ("/api/v1/commitments/", "page_size", "many"),
    ("/api/v1/commitments/", "page_size", ""),
    ("/api/v1/digests/", "page_size", "-3"),
    ("/api/v1/commitments/", "on", ""),
    ("/api/v1/commitments/", "on", "²⁰²¹-⁰³-¹⁵"),
    ("/api/v1/offices/", "on", ""),
    ("/api/v1/people/", "on", "yesterday"),
    ("/api/v1/tenures/", "on", ""),
    ("/api/v1/commitments/", "due_from", ""),
    ("/api/v1/commitments/", "changed_since", ""),
    ("/api/v1/commitments/", "overdue", "AAA"),
    ("/api/v1/commitments/", "overdue", "2"),
    ("/api/v1/commitments/", "open", "null"),
    ("/api/v1/commitments/", "status", ""),
    ("/api/v1/commitments/", "tenure", "²"),
    ("/api/v1/search/", "page", "²"),
    ("/api/v1/search/", "page", "0"),
    ("/api/v1/search/", "page", "-2"),
    ("/api/v1/search/", "page", "1.5"),
    ("/api/v1/search/", "overdue", "AAA"),
    ("/api/v1/commitments/", "format", ""),
    ("/api/v1/digests/", "format", "xml"),
]


@pytest.mark.parametrize(("path", "name", "value"), NOT_VALID)
def test_a_value_that_is_not_valid_answers_400_naming_the_parameter(client, quetta, path, name, value):
    answer = client.get(path, {name: value})
    assert answer.status_code == 400, (path, name, value, answer.content[:300])
    assert name in answer.json(), answer.json()


def test_valid_values_are_read(client, quetta):
    assert len(results(client.get("/api/v1/commitments/", {"page_size": "1"}))) == 1
    assert len(results(client.get("/api/v1/commitments/", {"page_size": "500"}))) == 2
    for value in ("true", "1", "false", "0"):
        assert client.get("/api/v1/commitments/", {"overdue": value}).status_code == 200, value
    assert results(client.get("/api/v1/commitments/", {"overdue": "true"})) != []
    ids = [item["id"] for item in results(client.get("/api/v1/commitments/"))]
    assert [item["id"] for item in results(client.get("/api/v1/commitments/", {"id": str(ids[0])}))] == ids[:1]
    assert client.get("/api/v1/search/", {"page": "1", "overdue": "false"}).status_code == 200


def test_the_pages_answer_digits_of_other_scripts_without_an_error(client, quetta):
    for path in ("/search/", "/commitments/", "/decisions/"):
        assert client.get(path, {"page": "²"}).status_code in (200, 400), path


def test_an_address_with_a_newline_answers_404_in_json(client, quetta):
    answer = client.get("/api/v1/commitments/%0A/revisions/null/")
    assert answer.status_code == 404 and answer["Content-Type"] == "application/json"


def test_the_document_states_the_limits(client):
    document = json.loads(client.get("/api/v1/schema/?format=json").content)

    def parameter(path, name):
        [found] = [p for p in document["paths"][path]["get"]["parameters"] if p["name"] == name]
        return found["schema"]

    assert parameter("/api/v1/commitments/", "page_size") == {"type": "integer", "minimum": 1, "maximum": 500}
    assert parameter("/api/v1/commitments/", "on") == {"type": "string", "format": "date"}
    assert parameter("/api/v1/commitments/", "due_from") == {"type": "string", "format": "date"}
    assert parameter("/api/v1/commitments/", "overdue")["type"] == "boolean"
    assert parameter("/api/v1/commitments/", "tenure")["minimum"] == 1
    assert parameter("/api/v1/commitments/", "id")["pattern"]
    assert parameter("/api/v1/search/", "page")["minimum"] == 1


def test_on_is_checked_even_when_the_page_is_empty(client, quetta):
    answer = client.get("/api/v1/offices/", {"id": "999999", "on": "garbage"})
    assert answer.status_code == 400 and "on" in answer.json()

"""How the API answers over HTTP: CSV for every list, ETag and Last-Modified with 304, CORS for GET from any
site, anonymous throttling with 429 and Retry-After, 410 with the notice for a taken-down record, and never a
draft."""

import csv
import datetime
import io

import pytest
from django.test import override_settings

from tests import scenario
from tracker import publishing
from tracker.models import Commitment
from tracker.publishing.takedown import take_down

pytestmark = pytest.mark.django_db

LISTS = ("commitments", "decisions", "people", "offices", "organisations", "jurisdictions", "tenures", "digests")


@pytest.mark.parametrize("segment", LISTS)
def test_every_list_answers_csv_with_a_row_per_object(client, quetta, segment):
    as_json = client.get(f"/api/v1/{segment}/").json()["results"]
    answer = client.get(f"/api/v1/{segment}/", {"format": "csv"})
    assert answer.status_code == 200 and answer["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(answer.content.decode("utf-8"))))
    assert len(rows) == len(as_json)
    assert [row["id"] for row in rows] == [str(item["id"]) for item in as_json]
    assert client.get(f"/api/v1/{segment}/", HTTP_ACCEPT="text/csv")["Content-Type"].startswith("text/csv")


def test_csv_flattens_references_and_writes_lists_as_json(client, quetta):
    answer = client.get("/api/v1/commitments/", {"format": "csv", "status": "stalled"})
    [row] = csv.DictReader(io.StringIO(answer.content.decode("utf-8")))
    assert row["title"] == "File tracking system for the secretariat"
    assert row["jurisdiction.slug"] == quetta.quetta.slug and row["made_by_office.kind"] == "elected"
    assert quetta.dc.slug in row["owners"] and row["overdue"] == "true"


def test_an_unchanged_answer_is_304_until_the_public_state_changes(client, quetta):
    url = f"/api/v1/commitments/{quetta.files.slug}/"
    first = client.get(url)
    assert first["ETag"] and first["Last-Modified"] and "Accept" in first["Vary"]
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    assert client.get(url + "?format=csv", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200
    scenario.record_status_change(
        quetta.files, "in_progress", on=datetime.date(2021, 5, 1), summary="Moving again", url="https://e.org/a"
    )
    changed = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed.json()["status"] == "in_progress"
    assert changed["ETag"] != first["ETag"]


def test_a_takedown_changes_the_etag_and_answers_410_with_the_notice(client, quetta, moderator):
    url = f"/api/v1/commitments/{quetta.files.slug}/"
    first = client.get(url)
    take_down(quetta.files, notice="Removed on the order of the Lahore High Court.", user=moderator)
    gone = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert gone.status_code == 410
    body = gone.json()
    assert body["notice"] == "Removed on the order of the Lahore High Court." and body["taken_down_at"]
    assert "File tracking" not in gone.content.decode()
    for address in (url + "revisions/", url + "revisions/1/"):
        assert client.get(address).status_code == 410
    listed = client.get("/api/v1/commitments/").json()["results"]
    assert quetta.files.slug not in {c["slug"] for c in listed}
    decision = client.get(f"/api/v1/decisions/{quetta.decision.slug}/").json()
    assert decision["commitments"] == []


def test_drafts_and_unpublished_records_never_appear(client, quetta, moderator):
    promise = Commitment.objects.get(pk=quetta.water.pk)
    promise.title = "A DRAFT TITLE NOBODY APPROVED"
    publishing.save_draft(promise, user=moderator)
    never = scenario.unsaved_commitment(title="NEVER PUBLISHED PROMISE")
    never.save()
    for url in ("/api/v1/commitments/", f"/api/v1/commitments/{quetta.water.slug}/", "/api/v1/commitments/?format=csv"):
        body = client.get(url).content.decode()
        assert "DRAFT TITLE" not in body and "NEVER PUBLISHED" not in body
    assert client.get(f"/api/v1/commitments/{never.slug}/").status_code == 404
    publishing.unpublish(Commitment.objects.get(pk=quetta.water.pk), user=moderator, reason="Duplicate")
    assert client.get(f"/api/v1/commitments/{quetta.water.slug}/").status_code == 404
    assert client.get(f"/api/v1/commitments/{quetta.water.slug}/revisions/").status_code == 404


def test_cors_lets_any_site_read_but_not_write(client, quetta):
    answer = client.get("/api/v1/people/", HTTP_ORIGIN="https://reporter.example")
    assert answer["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in answer["Access-Control-Expose-Headers"]
    preflight = client.options(
        "/api/v1/people/", HTTP_ORIGIN="https://reporter.example", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    assert client.post("/api/v1/people/").status_code == 405
    page = client.get("/commitments/", HTTP_ORIGIN="https://reporter.example")
    assert not page.has_header("Access-Control-Allow-Origin")


@override_settings(API_THROTTLE_RATE="3/minute")
def test_anonymous_clients_are_throttled_with_retry_after(client, db):
    from django.core.cache import cache

    cache.clear()
    answers = [client.get("/api/v1/jurisdictions/", REMOTE_ADDR="203.0.113.9") for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert 0 < int(answers[-1]["Retry-After"]) <= 60
    assert "throttled" in answers[-1].json()["detail"].lower() or "request" in answers[-1].json()["detail"].lower()
    assert client.get("/api/v1/jurisdictions/", REMOTE_ADDR="203.0.113.10").status_code == 200

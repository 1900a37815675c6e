"""Importing status updates: each row adds a status change with its evidence to a commitment;
a commitment changed by the file gets one new public revision; the same file again changes nothing."""

import datetime

import pytest

from tests.tracker.spreadsheets.sheets import STATUS_HEADERS, as_csv, spreadsheet, status_row
from tracker.models import Commitment, PublicRevision, StatusChange
from tracker.publishing.imports import apply_plan
from tracker.spreadsheets.plan import make_plan
from tracker.spreadsheets.reading import read_table

pytestmark = pytest.mark.django_db


@pytest.fixture
def commitments(places, moderator):
    rows, _ = spreadsheet(3, places)
    apply_plan(make_plan(read_table("c.csv", as_csv(rows))), user=moderator, summary="First import")
    return {c.external_id: c for c in Commitment.objects.all()}


def status_plan(rows):
    return make_plan(read_table("updates.csv", as_csv(rows, STATUS_HEADERS)))


def test_a_status_update_adds_a_status_change_with_its_source_and_one_revision(commitments, moderator):
    plan = status_plan([status_row("PK-00001")])
    assert plan.counts == {"created": 1, "changed": 0, "unchanged": 0, "rejected": 0}

    apply_plan(plan, user=moderator, summary="Monthly status update, February 2024")

    record = Commitment.objects.get(external_id="PK-00001")
    assert (record.status, record.progress) == ("in_progress", 30)
    change = StatusChange.objects.get(commitment=record)
    assert (change.from_status, change.to_status) == ("not_started", "in_progress")
    assert change.effective_date == datetime.date(2024, 2, 1)
    assert change.recorded_on == datetime.date(2024, 2, 3)
    assert (change.url, change.title, change.publisher) == (
        "https://news.example.org/work-starts",
        "Work starts on the plant",
        "Example Daily News",
    )
    assert change.published_on == datetime.date(2024, 2, 2)
    assert change.quote == "Contractors moved in on Thursday."
    revisions = PublicRevision.objects.for_record(record).order_by("number")
    assert [(r.number, r.edit_summary) for r in revisions] == [
        (1, "First import"),
        (2, "Monthly status update, February 2024"),
    ]
    assert revisions[1].content["fields"]["status"]["label"] == "In progress"
    for history in (record.history.latest(), change.history.get()):
        assert (history.history_user, history.history_change_reason) == (
            moderator,
            "Monthly status update, February 2024",
        )
    assert PublicRevision.objects.for_record(commitments["PK-00002"]).count() == 1

    again = status_plan([status_row("PK-00001")])
    assert again.counts == {"created": 0, "changed": 0, "unchanged": 1, "rejected": 0}
    assert again.writes == []


def test_two_updates_of_one_commitment_make_one_revision(commitments, moderator):
    rows = [
        status_row("PK-00002"),
        status_row(
            "PK-00002",
            to_status="delivered",
            effective_date="2024-05-01",
            progress="100",
            source_url="https://news.example.org/opened",
            source_title="Plant opened",
        ),
    ]
    apply_plan(status_plan(rows), user=moderator, summary="Updates")
    record = Commitment.objects.get(external_id="PK-00002")
    assert (record.status, record.progress) == ("delivered", 100)
    assert list(record.status_changes.values_list("from_status", "to_status")) == [
        ("not_started", "in_progress"),
        ("in_progress", "delivered"),
    ]
    assert PublicRevision.objects.for_record(record).count() == 2


def test_bad_status_updates_are_rejected_with_the_reason(commitments, moderator):
    future = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
    rows = [
        status_row("PK-00001", to_status="not_started"),
        status_row("PK-09999"),
        status_row("PK-00002", source_url=""),
        status_row("PK-00003", effective_date=future),
        status_row("PK-00003", effective_date=""),
    ]
    plan = status_plan(rows)
    problems = {row.number: [(p.column, p.message) for p in row.problems] for row in plan.rejected}
    assert problems == {
        2: [("to_status", "A status change must change the status.")],
        3: [("external_id", "No commitment has the external id “PK-09999”. Import it first.")],
        4: [("source_url", "Give the address (URL) of the source: every status change and source needs one.")],
        5: [("effective_date", "The effective date cannot be in the future.")],
        6: [("effective_date", "The effective_date cell is empty: say when it happened.")],
    }
    assert plan.writes == []
    assert StatusChange.objects.count() == 0


def test_the_commitments_file_cannot_change_a_status_without_a_status_change(commitments, moderator):
    apply_plan(status_plan([status_row("PK-00003")]), user=moderator, summary="Update")
    rows, _ = spreadsheet(3, {"jurisdiction": commitments["PK-00001"].jurisdiction, **owners(commitments)})
    rows[2].update(status="delivered", progress="30")

    plan = make_plan(read_table("c.csv", as_csv(rows)))

    [rejected] = plan.rejected
    assert (rejected.number, rejected.problems[0].column) == (4, "status")
    assert rejected.problems[0].message.startswith(
        "The status is “Delivered” but the latest status change moves it to “In progress”."
    )


def owners(commitments):
    first = commitments["PK-00001"]
    return {
        "elected": first.owners.get(role="political").office,
        "appointed": first.owners.get(role="administrative").office,
    }

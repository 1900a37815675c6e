"""Exports: the current state in exactly the import template's columns (export, edit, re-import
round-trips) and the full public history, one row per public revision."""

import csv
import io
import json

import pytest
from django.core.management import call_command

from tests import scenario
from tests.factories import OfficeFactory
from tests.tracker.spreadsheets.sheets import HEADERS, as_csv, spreadsheet
from tracker import publishing
from tracker.models import Commitment, PublicRevision
from tracker.publishing.imports import apply_plan
from tracker.spreadsheets.exports import commitment_rows, csv_lines, history_rows
from tracker.spreadsheets.plan import make_plan
from tracker.spreadsheets.reading import read_table

pytestmark = pytest.mark.django_db


def exported():
    return "".join(csv_lines(commitment_rows())).encode("utf-8")


def test_export_edit_reimport_round_trips(places, moderator):
    rows, _ = spreadsheet(5, places)
    rows[0]["title_ur"] = "پانی صاف کرنے کا پلانٹ"
    rows[0]["text"] = "Two lines,\nwith a comma."
    apply_plan(make_plan(read_table("c.csv", as_csv(rows))), user=moderator, summary="First import")
    scenario.published_commitment(
        title="Typed in the admin", owner_office=places["appointed"], user=moderator, summary="Entered by hand"
    )

    data = exported()
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert table[0] == HEADERS
    by_id = {line[0]: dict(zip(HEADERS, line, strict=True)) for line in table[1:]}
    assert by_id["PK-00001"]["title_ur"] == "پانی صاف کرنے کا پلانٹ"
    assert by_id["PK-00001"]["text"] == "Two lines,\nwith a comma."
    assert by_id["PK-00003"]["administrative_owners"] == places["appointed"].slug
    assert by_id["typed-in-the-admin"]["title"] == "Typed in the admin"  # no external id: its slug

    unchanged = make_plan(read_table("export.csv", data))
    assert unchanged.counts == {"created": 0, "changed": 0, "unchanged": 6, "rejected": 0}

    edited = data.decode("utf-8-sig").replace("2024-06-30", "2026-01-31", 1).encode()
    plan = make_plan(read_table("export.csv", edited))
    assert plan.counts == {"created": 0, "changed": 1, "unchanged": 5, "rejected": 0}
    apply_plan(plan, user=moderator, summary="New deadline")
    changed = Commitment.objects.get(external_id=plan.writes[0].record.external_id)
    assert changed.deadline.isoformat() == "2026-01-31"
    assert Commitment.objects.count() == 6


def test_history_export_has_one_row_per_public_revision(places, moderator):
    record = scenario.published_commitment(
        title="Bus service", owner_office=OfficeFactory(title="Chief Officer"), user=moderator
    )
    record.deadline = record.deadline.replace(year=2026)
    publishing.publish(record, user=moderator, summary="Deadline moved")

    rows = list(history_rows(Commitment))
    header, body = rows[0], rows[1:]
    assert header[:5] == ["record_type", "record_slug", "record_name", "number", "published_at"]
    assert [(r[1], r[3], r[5]) for r in body] == [
        ("bus-service", 1, "Add the promise"),
        ("bus-service", 2, "Deadline moved"),
    ]
    first, second = PublicRevision.objects.for_record(record).order_by("number")
    assert (body[1][7], body[1][8]) == (second.hash, first.hash)
    assert json.loads(body[1][9])["fields"]["deadline"] == "2026-06-30"


def test_export_command_writes_the_template_columns_and_the_history(places, moderator, tmp_path):
    rows, _ = spreadsheet(2, places)
    apply_plan(make_plan(read_table("c.csv", as_csv(rows))), user=moderator, summary="First import")
    out = tmp_path / "commitments.csv"
    call_command("export_commitments", output=str(out))
    lines = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert lines[0] == HEADERS
    assert [line[0] for line in lines[1:]] == ["PK-00001", "PK-00002"]

    stdout = io.StringIO()
    call_command("export_commitments", history=True, stdout=stdout)
    history = list(csv.reader(io.StringIO(stdout.getvalue())))
    assert len(history) == 1 + PublicRevision.objects.count()
    assert {line[5] for line in history[1:] if line[0] == "tracker.commitment"} == {"First import"}


def test_a_taken_down_office_is_in_no_export_and_a_reimport_keeps_it(places, moderator):
    """Issue 25, item 7: the export named a taken-down office, and re-importing it rejected the rows. Left out
    of the file, it must not be removed by the round trip either."""
    from tracker.publishing import takedown

    rows, _ = spreadsheet(3, places)
    apply_plan(make_plan(read_table("c.csv", as_csv(rows))), user=moderator, summary="First import")
    elected = places["elected"]  # the office that made the commitments and their political owner
    takedown.take_down(elected, notice="Removed on the order of the Lahore High Court.")

    data = exported()
    assert elected.slug not in data.decode("utf-8-sig")
    first = make_plan(read_table("export.csv", data))
    assert first.counts == {
        "created": 0,
        "changed": 0,
        "unchanged": 3,
        "rejected": 0,
    }

    edited = data.decode("utf-8-sig").replace("2024-06-30", "2026-01-31", 1).encode()
    plan = make_plan(read_table("export.csv", edited))
    assert plan.counts == {"created": 0, "changed": 1, "unchanged": 2, "rejected": 0}
    apply_plan(plan, user=moderator, summary="New deadline")
    changed = Commitment.objects.get(external_id=plan.writes[0].record.external_id)
    assert changed.deadline.isoformat() == "2026-01-31"
    assert changed.made_by_office == elected
    assert {(o.office, o.role) for o in changed.owners.all()} == {
        (elected, "political"),
        (places["appointed"], "administrative"),
    }

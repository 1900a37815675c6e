"""The dry run: row by row, what an import would do, with row, column and reason for each rejection;
nothing is written."""

import pytest

from tests.tracker.spreadsheets.sheets import HEADERS, as_csv, as_xlsx, spreadsheet
from tracker.models import Commitment, PublicRevision
from tracker.spreadsheets.plan import make_plan
from tracker.spreadsheets.reading import ImportFileError, read_table
from tracker.spreadsheets.report import problem_lines, summary_line

pytestmark = pytest.mark.django_db


def test_500_rows_with_20_bad_ones_name_row_column_and_reason(places):
    rows, expected = spreadsheet(500, places, bad_every=25)
    assert len(expected) == 20

    plan = make_plan(read_table("districts.csv", as_csv(rows)))

    assert plan.counts == {"created": 480, "changed": 0, "unchanged": 0, "rejected": 20}
    rejected = {row.number: row for row in plan.rejected}
    assert sorted(rejected) == sorted(expected)
    for number, (column, words) in expected.items():
        [problem] = rejected[number].problems
        assert problem.column == column, number
        assert words in problem.message, number
    lines = list(problem_lines(plan))
    assert lines[0] == (
        "Row 26, column jurisdiction (external id PK-00025): No published jurisdiction has the slug “atlantis”. "
        "Use the last part of its public address (/jurisdictions/<slug>/)."
    )
    assert "Row 51, column made_on (external id PK-00050)" in lines[1]
    assert summary_line(plan) == (
        "districts.csv (commitments): 500 rows: 480 to create, 0 to change, 0 unchanged, 20 rejected."
    )
    assert Commitment.objects.count() == 0
    assert PublicRevision.objects.count() == 0


def test_xlsx_gives_the_same_plan_as_csv(places):
    rows, _ = spreadsheet(30, places, bad_every=5)
    from_csv = make_plan(read_table("a.csv", as_csv(rows)))
    from_xlsx = make_plan(read_table("a.xlsx", as_xlsx(rows)))
    assert from_xlsx.counts == from_csv.counts == {"created": 24, "changed": 0, "unchanged": 0, "rejected": 6}
    assert list(problem_lines(from_xlsx)) == list(problem_lines(from_csv))


def test_xlsx_dates_and_numbers_typed_by_excel_are_read(places):
    import datetime

    rows, _ = spreadsheet(1, places)
    rows[0].update(made_on=datetime.datetime(2023, 1, 15), progress=40.0, status="in_progress")
    plan = make_plan(read_table("typed.xlsx", as_xlsx(rows)))
    assert plan.counts["created"] == 1
    record = plan.writes[0].record
    assert (record.made_on, record.progress, record.status) == (datetime.date(2023, 1, 15), 40, "in_progress")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("a.pdf", b"%PDF", "must be a CSV file (.csv) or an Excel workbook (.xlsx)"),
        ("a.csv", b"", "The file is empty"),
        ("a.csv", b"external_id,title\n", "has a header row but no rows below it"),
        ("a.csv", b"title,text\nA,B\n", "The header row has no “external_id” column"),
        ("a.csv", b"external_id,colour\nX,red\n", "Unknown column “colour”"),
        ("a.csv", b"external_id,title,title\nX,A,B\n", "The column “title” appears twice"),
        ("a.csv", "external_id,title\nX,Caf\xe9\n".encode("latin-1"), "The file is not in UTF-8"),
        ("a.xlsx", b"not a zip", "not an Excel workbook"),
        ("a.csv", b"external_id,to_status\nX,delivered\n", "The file needs these columns: effective_date"),
    ],
)
def test_a_file_that_cannot_be_read_says_why(name, data, message):
    with pytest.raises(ImportFileError, match=message.replace("(", r"\(").replace(")", r"\)").replace(".", r"\.")):
        read_table(name, data)


def test_blank_lines_are_skipped_and_row_numbers_stay_those_of_the_sheet(places):
    rows, _ = spreadsheet(2, places)
    rows[1]["progress"] = "lots"
    text = as_csv(rows).decode("utf-8-sig").splitlines()
    data = "\n".join([text[0], text[1], ",,,", text[2]]).encode()
    plan = make_plan(read_table("gaps.csv", data))
    [rejected] = plan.rejected
    assert rejected.number == 4
    assert rejected.problems[0].column == "progress"
    assert rejected.problems[0].message == "“lots” is not a whole number."


def test_headers_are_matched_whatever_their_case(places):
    rows, _ = spreadsheet(1, places)
    data = as_csv(rows).decode("utf-8-sig").replace("external_id", "External ID", 1).encode()
    assert read_table("a.csv", data).headers[0] == "external_id"
    assert HEADERS[0] == "external_id"

"""The kind of source in the import files: read from `source_kind`, refused with the allowed values when
unknown, written by the export (so an export imports again unchanged); and what does not count as
delivery, refused row by row in the admin's words while nothing of the row changes."""

import csv
import io

import pytest

from tests.tracker.spreadsheets.sheets import STATUS_HEADERS, as_csv, good_row, spreadsheet, status_row
from tracker.models import Commitment, PublicRevision, StatusChange
from tracker.publishing.imports import apply_plan
from tracker.spreadsheets.exports import commitment_rows
from tracker.spreadsheets.outcomes import ROW
from tracker.spreadsheets.plan import make_plan
from tracker.spreadsheets.reading import read_table

pytestmark = pytest.mark.django_db

CEREMONY = "A foundation stone or an inauguration does not show that water, a school or a road reached anyone."
ADVICE = "Cite a source that can prove delivery, such as an audit report, a notification or a news report"


@pytest.fixture
def commitments(places, moderator):
    rows, _ = spreadsheet(2, places)
    apply_plan(make_plan(read_table("c.csv", as_csv(rows))), user=moderator, summary="First import")
    return {c.external_id: c for c in Commitment.objects.all()}


def status_plan(rows):
    return make_plan(read_table("updates.csv", as_csv(rows, STATUS_HEADERS)))


def problems(result):
    return [(problem.column, problem.message) for problem in result.problems]


def test_the_kind_is_imported_with_the_evidence(commitments, moderator):
    apply_plan(
        status_plan([status_row("PK-00001", source_kind="Audit report (Auditor-General of Pakistan)")]),
        user=moderator,
        summary="Update",
    )
    change = StatusChange.objects.get(commitment__external_id="PK-00001")
    assert change.kind == "audit_report"
    assert Commitment.objects.get(external_id="PK-00001").sources.get().kind == "news_report"


def test_an_unknown_kind_is_refused_with_the_allowed_values_and_nothing_changes(commitments, places):
    plan = status_plan([status_row("PK-00001", source_kind="rumour")])
    [rejected] = plan.rejected
    [(column, message)] = problems(rejected)
    assert column == "source_kind"
    assert message.startswith("“rumour” is not a kind of source. Use one of: notification, audit_report, court_order")
    assert message.endswith("announcement, inauguration.")
    assert plan.writes == []
    assert not StatusChange.objects.exists()
    # In the commitments file too, for the source of the promise.
    plan = make_plan(read_table("c.csv", as_csv([{**good_row(1, places), "source_kind": "gazette?"}])))
    [(column, message)] = problems(plan.rejected[0])
    assert column == "source_kind" and message.startswith("“gazette?” is not a kind of source. Use one of:")
    assert Commitment.objects.get(external_id="PK-00001").sources.get().kind == "news_report"


def test_delivered_on_an_inauguration_is_refused_in_the_admins_words(commitments, moderator):
    plan = status_plan(
        [
            status_row("PK-00001", to_status="delivered", progress="100", source_kind="inauguration"),
            status_row("PK-00002", to_status="delivered", progress="100", source_kind=""),
        ]
    )
    first, second = plan.rows
    [(column, message)] = problems(first)
    assert column == ROW
    assert message.startswith("“Delivered” cannot rest on this evidence.") and CEREMONY in message and ADVICE in message
    [(column, message)] = problems(second)
    assert "The kind of its source is not given (not graded)." in message
    assert plan.writes == []
    for record in Commitment.objects.all():
        assert (record.status, record.progress) == ("not_started", 0)
        assert not record.status_changes.exists()
        assert PublicRevision.objects.for_record(record).count() == 1

    # The same row with a news report of the work done is imported.
    apply_plan(
        status_plan([status_row("PK-00001", to_status="delivered", progress="100", source_kind="news_report")]),
        user=moderator,
        summary="Delivered",
    )
    assert Commitment.objects.get(external_id="PK-00001").status == "delivered"


def test_a_promise_quote_without_a_source_is_refused(places):
    row = good_row(1, places)
    row.update(
        source_quote="Ten plants by June.",
        source_url="",
        source_title="",
        source_publisher="",
        source_published_on="",
        source_kind="",
    )
    [rejected] = make_plan(read_table("c.csv", as_csv([row]))).rejected
    assert problems(rejected) == [
        (
            ROW,
            "The quote of the promise needs its source: add a source below saying where the words were said or "
            "written, or leave the quote out.",
        )
    ]


def test_a_source_address_that_is_not_http_is_refused(places, commitments):
    row = good_row(3, places)
    row["source_url"] = "ftp://files.example.org/plant.pdf"
    [rejected] = make_plan(read_table("c.csv", as_csv([row]))).rejected
    assert problems(rejected) == [
        ("source_url", "Give a web address that starts with http:// or https://, one anyone can open in a browser.")
    ]
    plan = status_plan([status_row("PK-00001", source_url="javascript:alert(1)")])
    assert problems(plan.rejected[0]) == [
        ("source_url", "Give a web address that starts with http:// or https://, one anyone can open in a browser.")
    ]
    assert not StatusChange.objects.exists()


def test_the_export_writes_the_kind_and_imports_again_unchanged(commitments):
    lines = list(csv.reader(io.StringIO("".join(str(line) for line in _rows()))))
    header, *rows = lines
    assert header[-1] == "source_kind"
    assert [row[-1] for row in rows] == ["news_report", "news_report"]
    plan = make_plan(read_table("export.csv", as_csv([dict(zip(header, row, strict=True)) for row in rows], header)))
    assert plan.counts["unchanged"] == 2 and plan.writes == []


def _rows():
    out = io.StringIO()
    writer = csv.writer(out)
    for row in commitment_rows():
        writer.writerow(row)
    return [out.getvalue()]

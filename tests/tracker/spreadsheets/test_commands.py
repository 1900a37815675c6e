"""`import_commitments`: a dry run by default, --apply to publish, --apply-valid-rows when rows are
rejected; the user must be allowed to publish."""

import pytest
from django.core.management import CommandError, call_command

from tests.tracker.spreadsheets.sheets import as_csv, as_xlsx, spreadsheet
from tracker.models import Commitment, PublicRevision

pytestmark = pytest.mark.django_db


def run(*args, **options):
    from io import StringIO

    out = StringIO()
    call_command("import_commitments", *args, stdout=out, verbosity=0, **options)
    return out.getvalue()


@pytest.fixture
def sheet(tmp_path, places):
    rows, _ = spreadsheet(40, places, bad_every=20)
    path = tmp_path / "districts.xlsx"
    path.write_bytes(as_xlsx(rows))
    return path


def test_dry_run_prints_the_report_and_changes_nothing(sheet, moderator):
    out = run(str(sheet), user="moderator")
    assert "districts.xlsx (commitments): 40 rows: 38 to create, 0 to change, 0 unchanged, 2 rejected." in out
    assert "Row 21, column jurisdiction (external id PK-00020): No published jurisdiction" in out
    assert "Dry run: nothing was changed." in out
    assert Commitment.objects.count() == 0


def test_apply_refuses_a_file_with_rejected_rows_unless_told(sheet, moderator):
    with pytest.raises(CommandError, match="2 rows of the file were rejected, so nothing was imported"):
        run(str(sheet), user="moderator", apply=True)
    assert Commitment.objects.count() == 0

    out = run(str(sheet), user="moderator", apply=True, apply_valid_rows=True, summary="District sheet")
    assert "Imported: 38 commitments created, 0 changed (38 rows)" in out
    assert set(PublicRevision.objects.values_list("edit_summary", flat=True)) == {"District sheet"}

    out = run(str(sheet), user="moderator", apply=True, apply_valid_rows=True)
    assert "0 to create, 0 to change, 38 unchanged, 2 rejected" in out
    assert PublicRevision.objects.count() == 38


def test_the_summary_defaults_to_the_file_name(tmp_path, places, moderator):
    rows, _ = spreadsheet(1, places)
    path = tmp_path / "march.csv"
    path.write_bytes(as_csv(rows))
    run(str(path), user="moderator", apply=True)
    assert PublicRevision.objects.get().edit_summary == "Imported from march.csv"


def test_the_user_must_be_allowed_to_publish(sheet, editor):
    with pytest.raises(CommandError, match="editor may not publish commitments, so may not import them"):
        run(str(sheet), user="editor")
    with pytest.raises(CommandError, match="No user is called “nobody”"):
        run(str(sheet), user="nobody")


def test_an_unreadable_file_is_named(tmp_path, moderator):
    path = tmp_path / "notes.csv"
    path.write_bytes(b"name\nx\n")
    with pytest.raises(CommandError, match="no “external_id” column"):
        run(str(path), user="moderator")
    with pytest.raises(CommandError, match="Cannot read"):
        run(str(tmp_path / "missing.csv"), user="moderator")

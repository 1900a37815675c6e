"""The downloadable templates and docs/importing.md describe exactly the columns the import reads."""

import csv
from pathlib import Path

import pytest

from tracker.models.vocabulary import CommitmentStatus, Sector
from tracker.spreadsheets.columns import COMMITMENT_COLUMNS, STATUS_UPDATE_COLUMNS

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    ("name", "columns"),
    [("commitments", COMMITMENT_COLUMNS), ("status-updates", STATUS_UPDATE_COLUMNS)],
)
def test_template_files_have_the_import_columns(name, columns):
    with open(ROOT / "static" / "templates" / f"{name}-import-template.csv", encoding="utf-8") as stream:
        header = next(csv.reader(stream))
    assert header == [column.name for column in columns]


def test_docs_describe_every_column_and_value():
    text = (ROOT / "docs" / "importing.md").read_text(encoding="utf-8")
    for column in (*COMMITMENT_COLUMNS, *STATUS_UPDATE_COLUMNS):
        assert f"`{column.name}`" in text, column.name
    for value in (*Sector.values, *CommitmentStatus.values):
        assert f"`{value}`" in text, value

"""Turning an uploaded CSV or XLSX file into numbered rows of cells.

Row numbers are the spreadsheet's own: the header is row 1, so the first commitment is row 2. Cells
are kept as the file gives them (XLSX dates stay dates, numbers stay numbers); `cells` parses them.
"""

import csv
import io
import zipfile
from dataclasses import dataclass, field

from tracker.spreadsheets.columns import COLUMNS, STATUS_UPDATES, sheet_kind

MAX_ROWS = 50_000


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message says why in plain words."""


@dataclass
class Row:
    number: int
    cells: dict


@dataclass
class Table:
    filename: str
    kind: str
    headers: list
    rows: list = field(default_factory=list)


def read_table(filename, data, kind=None):
    """Read `data` (bytes) of a file called `filename` (.csv or .xlsx)."""
    name = filename.lower()
    if name.endswith(".xlsx"):
        lines = _xlsx_lines(data)
    elif name.endswith(".csv") or name.endswith(".txt"):
        lines = _csv_lines(data)
    else:
        raise ImportFileError("The file must be a CSV file (.csv) or an Excel workbook (.xlsx).")
    try:
        header_cells = next(lines)
    except StopIteration:
        raise ImportFileError("The file is empty: it needs a header row naming the columns.") from None
    headers = [_header(cell) for cell in header_cells]
    while headers and not headers[-1]:
        headers.pop()
    kind = kind or sheet_kind(headers)
    _check_headers(headers, kind)
    table = Table(filename=filename, kind=kind, headers=headers)
    for number, cells in enumerate(lines, start=2):
        values = list(cells)[: len(headers)]
        if all(_blank(value) for value in values):
            continue  # an empty line between rows, or the formatting Excel leaves below the data
        values += [None] * (len(headers) - len(values))
        table.rows.append(Row(number, dict(zip(headers, values, strict=True))))
        if len(table.rows) > MAX_ROWS:
            raise ImportFileError(f"The file has more than {MAX_ROWS:,} rows: split it into smaller files.")
    if not table.rows:
        raise ImportFileError("The file has a header row but no rows below it.")
    return table


def _csv_lines(data):
    try:
        text = data.decode("utf-8-sig")  # Excel writes a byte-order mark before UTF-8
    except UnicodeDecodeError:
        raise ImportFileError(
            "The file is not in UTF-8. In Excel choose “Save as: CSV UTF-8”, or upload the .xlsx file instead."
        ) from None
    return iter(csv.reader(io.StringIO(text, newline="")))


def _xlsx_lines(data):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise ImportFileError("The file is not an Excel workbook (.xlsx) that can be opened.") from None
    sheet = workbook.worksheets[0]  # the first sheet holds the data, as in the template

    def lines():
        try:
            yield from sheet.iter_rows(values_only=True)
        finally:
            workbook.close()

    return lines()


def _header(cell):
    return str(cell).strip().lower().replace(" ", "_") if cell is not None else ""


def _blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


def _check_headers(headers, kind):
    known = [column.name for column in COLUMNS[kind]]
    if "external_id" not in headers:
        raise ImportFileError(
            "The header row has no “external_id” column. The first row must name the columns, "
            "as in the template: " + ", ".join(known) + "."
        )
    seen = set()
    for position, header in enumerate(headers, start=1):
        if not header:
            raise ImportFileError(f"Column {position} of the header row is empty: name it or delete the column.")
        if header in seen:
            raise ImportFileError(f"The column “{header}” appears twice in the header row.")
        seen.add(header)
        if header not in known:
            raise ImportFileError(f"Unknown column “{header}”. The columns of this file are: " + ", ".join(known) + ".")
    missing = [column.name for column in COLUMNS[kind] if column.required_for_new and column.name not in headers]
    if kind == STATUS_UPDATES and missing:
        raise ImportFileError("The file needs these columns: " + ", ".join(missing) + ".")

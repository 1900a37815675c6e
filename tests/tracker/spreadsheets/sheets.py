"""Spreadsheets for the import tests: good rows over a few published places, and bad rows of known
kinds, each with the column and the words its rejection must name."""

import csv
import io

from openpyxl import Workbook

from tracker.spreadsheets.columns import COMMITMENT_COLUMNS, STATUS_UPDATE_COLUMNS

HEADERS = [column.name for column in COMMITMENT_COLUMNS]
STATUS_HEADERS = [column.name for column in STATUS_UPDATE_COLUMNS]


def good_row(n, places):
    return {
        "external_id": f"PK-{n:05d}",
        "title": f"Water filtration plant number {n}",
        "title_ur": "",
        "text": f"The district will install filtration plant {n}.",
        "sector": "water_sanitation",
        "jurisdiction": places["jurisdiction"].slug,
        "made_by_office": places["elected"].slug,
        "made_on": "2023-01-15",
        "deadline": "2024-06-30",
        "status": "not_started",
        "progress": "0",
        "source_quote": "",
        "political_owners": places["elected"].slug,
        "administrative_owners": places["appointed"].slug,
        "supporting_owners": "",
        "source_url": f"https://news.example.org/plant-{n}",
        "source_title": f"Plant {n} announced",
        "source_publisher": "Example Daily News",
        "source_published_on": "2023-01-16",
        "source_kind": "news_report",
    }


# (what to change in a good row, the column named, words of the reason)
BAD_KINDS = [
    ({"jurisdiction": "atlantis"}, "jurisdiction", "No published jurisdiction has the slug “atlantis”"),
    ({"made_on": "31/02/2021"}, "made_on", "“31/02/2021” is not a date: write dates as YYYY-MM-DD"),
    ({"deadline": "2020-01-01"}, "deadline", "The deadline (2020-01-01) cannot be before the commitment was made"),
    ({"progress": "150"}, "progress", "Progress is a percentage from 0 to 100."),
    ({"sector": "space"}, "sector", "“space” is not a sector. Use one of: education"),
    ({"title": ""}, "title", "The title cell is empty, and a commitment needs it."),
    (
        {"political_owners": "", "administrative_owners": ""},
        "",  # a rule about the whole commitment, as the admin reports it
        "A commitment needs at least one owner office before it can be published.",
    ),
    ({"administrative_owners": "dc-nowhere"}, "administrative_owners", "No published office has the slug “dc-nowhere”"),
    ({"external_id": "PK-00001"}, "external_id", "The external id “PK-00001” is also used in row 2."),
    ({"status": "finished"}, "status", "“finished” is not a status"),
]


def spreadsheet(count, places, bad_every=0):
    """`count` rows; with bad_every=k, every k-th row is bad, the kinds in BAD_KINDS order.
    Returns (rows, {spreadsheet row number: (column, words)})."""
    rows, expected = [], {}
    bad = 0
    for n in range(1, count + 1):
        row = good_row(n, places)
        if bad_every and n % bad_every == 0:
            change, column, words = BAD_KINDS[bad % len(BAD_KINDS)]
            row.update(change)
            expected[n + 1] = (column, words)  # the header is row 1
            bad += 1
        rows.append(row)
    return rows, expected


def as_csv(rows, headers=HEADERS):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=headers)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def as_xlsx(rows, headers=HEADERS):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append([row.get(name, "") for name in headers])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def status_row(external_id, **fields):
    row = {
        "external_id": external_id,
        "to_status": "in_progress",
        "effective_date": "2024-02-01",
        "recorded_on": "2024-02-03",
        "progress": "30",
        "note": "Work started at the site.",
        "source_url": "https://news.example.org/work-starts",
        "source_title": "Work starts on the plant",
        "source_publisher": "Example Daily News",
        "source_published_on": "2024-02-02",
        "source_quote": "Contractors moved in on Thursday.",
        "source_archive_url": "",
        "source_kind": "news_report",
    }
    row.update(fields)
    return row

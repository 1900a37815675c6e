"""The office and person pages' comparisons with their peers (tracker/public/peers.py) as CSV: one office or
person (the CSV link on its page), or every published office or person at once (the accountability page's
`table=offices` and `table=people`). Figures are read from the maintained summaries
(tracker/public/summaries.py), so a download costs what the pages cost. Names are written as exports write
them (no control characters, formula-like text quoted)."""

import csv
import io

from tracker.public.accountability import MEASURE_HEADER, _interval, _measure_rows, _pct
from tracker.public.peers import every_office_comparison, every_person_comparison
from tracker.spreadsheets.cells import exported

OFFICE_HEADER = ["office", "office_kind", "tier", "group", *MEASURE_HEADER]
PERSON_HEADER = [
    "person",
    "office_kind",
    "tier",
    "group",
    "measure",
    "count",
    "out_of",
    "percent",
    "ci95_low",
    "ci95_high",
    "enough",
]


def office_rows(office, comparison):
    rows = []
    for group in comparison.groups:
        prefix = [exported(office.slug), office.kind, office.organization.jurisdiction.tier, group.key]
        rows += _measure_rows(group, prefix)
    return rows


def _held_rows(figures, prefix):
    rows = [[*prefix, "counted", figures.counted.count, figures.counted.total, "", "", "", ""]]
    w = figures.withdrawn
    rows.append([*prefix, "withdrawn", w.count, w.total, _pct(w), *_interval(w), ""])
    for column, _label, share in figures.shares:
        enough = "yes" if share.enough else "no"
        rows.append([*prefix, column, share.count, share.total, _pct(share), *_interval(share), enough])
    return rows


def person_rows(person, comparison):
    rows = []
    for row in comparison:
        rows += _held_rows(row.person, [exported(person.slug), row.kind, row.tier, "person"])
        rows += _held_rows(row.peers, [exported(person.slug), row.kind, row.tier, "peers"])
    return rows


def as_csv(header, rows):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def every_office_csv(today):
    """The comparison of every published office, in the order of their addresses: all computed at once, in a
    fixed number of queries (`every_office_comparison`), not read office by office."""
    from tracker.models import Office

    comparisons = every_office_comparison(today)
    rows = []
    for office in Office.objects.published().select_related("organization__jurisdiction").order_by("slug"):
        rows += office_rows(office, comparisons[office.pk])
    return as_csv(OFFICE_HEADER, rows)


def every_person_csv(today):
    """The comparison of every published person who held a published office: all computed at once, in a
    fixed number of queries (`every_person_comparison`), not read person by person."""
    from tracker.models import Person

    people = list(Person.objects.published().order_by("slug"))
    comparisons = every_person_comparison(people, today)
    rows = []
    for person in people:
        rows += person_rows(person, comparisons.get(person.pk, []))
    return as_csv(PERSON_HEADER, rows)

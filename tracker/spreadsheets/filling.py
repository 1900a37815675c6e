"""Building a commitment from one row: cells into fields and parts, then the check every publish runs.

Both kinds of file fill commitments the same way, so the reading of cells and the turning of a
ValidationError into problems named as the file's columns live here, once, apart from the
bookkeeping of which rows create, change or leave a commitment (`planning` and its two planners).
"""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from tracker.models import CommitmentOwner, CommitmentSource
from tracker.models.vocabulary import CommitmentStatus, Sector
from tracker.spreadsheets import cells
from tracker.spreadsheets.cells import CellProblem
from tracker.spreadsheets.columns import COMMITMENT_FIELD_COLUMNS, LIST_SEPARATOR, OWNER_COLUMNS, SOURCE_FIELD_COLUMNS
from tracker.spreadsheets.outcomes import ROW, Problem

MISSING = object()
# How a source's cells are read where they are not plain text.
SOURCE_CELLS = {"published_on": cells.date, "kind": cells.source_kind}


def plain(column, message):
    """Django's generic messages for an empty required value, said for a spreadsheet."""
    if message in ("This field cannot be blank.", "This field cannot be null."):
        return f"The {column} cell is empty, and a commitment needs it."
    return message


def errors_by_column(error, columns, default=ROW):
    """[(column, message)] of a ValidationError, with model fields named as the file's columns."""
    if not hasattr(error, "error_dict"):
        return [Problem(default, message) for message in error.messages]
    problems = []
    for name, errors in error.message_dict.items():
        column = default if name == NON_FIELD_ERRORS else columns.get(name, name)
        problems.extend(Problem(column, plain(column, message)) for message in errors)
    return problems


def publication_refusals(record, columns, *, cells_refused=False):
    """What stops `record` from being published, found by the one check every publish runs, in the admin
    and in a script: `check_publishable` (tracker/models/base.py, called by tracker/publishing/publish.py).
    So a row is refused exactly when the admin would refuse to publish the commitment it describes, in
    the admin's own words. Left out are only the checks the plan makes itself: that the records a row
    names exist (they were loaded, or looked up among the published ones) and uniqueness (external ids
    within the file, slugs made unique).

    Problems with one field are named as the file's `columns`. The rules about the commitment as a
    whole (its owners, the records it names, its parts) are reported for the whole row, as the admin
    reports them for the whole record; they are left out when some of the row's cells were refused
    (`cells_refused`), since those cells left the commitment as it was, not as the row describes it."""
    try:
        record.check_publishable(references_loaded=True, validate_unique=False)
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            return errors_by_column(error, columns)
        if not cells_refused:
            return [Problem(ROW, message) for message in error.messages]
    return []


def _taken_down(record):
    return record is not None and record.taken_down_at is not None


class Reader:
    """Fills one commitment from one row's cells. Columns the file does not have are left as they
    are; an empty cell in a column it has clears an optional value."""

    def __init__(self, row, places):
        self.row, self.places, self.problems = row, places, []

    def get(self, column, parse=cells.text):
        if column not in self.row:
            return MISSING
        try:
            return parse(self.row[column])
        except CellProblem as problem:
            self.problems.append(Problem(column, str(problem)))
            return MISSING

    def fill(self, record):
        for column in ("title", "title_ur", "text", "source_quote", "made_on", "deadline"):
            parse = cells.date if column in ("made_on", "deadline") else cells.text
            value = self.get(column, parse)
            if value is not MISSING:
                setattr(record, column, value)
        sector = self.get("sector", lambda v: cells.choice(v, Sector, "sector"))
        if sector is not MISSING:
            record.sector = sector
        status = self.get("status", lambda v: cells.choice(v, CommitmentStatus, "status"))
        if status not in (MISSING, ""):  # empty: keep the status (new commitments start as not started)
            record.status = status
        progress = self.get("progress", cells.whole_number)
        if progress not in (MISSING, None):
            record.progress = progress
        self.fill_places(record)
        self.fill_owners(record)
        self.fill_source(record)
        return self.problems + self.validate(record)

    def fill_places(self, record):
        slug = self.get("jurisdiction")
        if slug == "":
            self.problems.append(Problem("jurisdiction", "The jurisdiction cell is empty, and a commitment needs it."))
        elif slug is not MISSING:
            try:
                record.jurisdiction = self.places.jurisdiction(slug)
            except CellProblem as problem:
                self.problems.append(Problem("jurisdiction", str(problem)))
        slug = self.get("made_by_office")
        if slug == "" and _taken_down(record.made_by_office):
            return  # the export leaves a taken-down office out; an empty cell does not remove it
        if slug is not MISSING:
            try:
                record.made_by_office = self.places.office(slug) if slug else None
            except CellProblem as problem:
                self.problems.append(Problem("made_by_office", str(problem)))

    def fill_owners(self, record):
        if not any(column in self.row for column in OWNER_COLUMNS):
            return
        wanted = []
        for column, role in OWNER_COLUMNS.items():
            for slug in cells.slug_list(self.row.get(column), LIST_SEPARATOR):
                try:
                    pair = (self.places.office(slug), role)
                except CellProblem as problem:
                    self.problems.append(Problem(column, str(problem)))
                    continue
                if pair in wanted:
                    self.problems.append(Problem(column, f"The office “{slug}” is listed twice."))
                wanted.append(pair)
        current = list(record.owners.all())
        # Owner offices taken down for legal reasons are in no export, so a file cannot name them: they stay.
        withheld = [o for o in current if _taken_down(o.office)]
        wanted_keys = {(office.pk, role) for office, role in wanted} | {(o.office_id, o.role) for o in withheld}
        if {(o.office_id, o.role) for o in current} == wanted_keys:
            return
        keep = {(o.office_id, o.role): o for o in current}
        record.owners = [
            *withheld,
            *(keep.get((office.pk, role)) or CommitmentOwner(office=office, role=role) for office, role in wanted),
        ]

    def fill_source(self, record):
        url = self.get("source_url")
        if url is MISSING:
            return
        sources = list(record.sources.all())
        values = {
            name: self.get(column, SOURCE_CELLS.get(name, cells.text))
            for name, column in SOURCE_FIELD_COLUMNS.items()
            if name in ("title", "publisher", "published_on", "kind")
        }
        values = {name: value for name, value in values.items() if value is not MISSING}
        if not url:
            if any(value for name, value in values.items() if name != "kind"):
                self.problems.append(Problem("source_url", "The source has a title or date but no address (URL)."))
            return
        source = next((s for s in sources if s.url == url), None)
        if source is None:
            source = CommitmentSource(url=url)
            sources.append(source)
        for name, value in values.items():
            setattr(source, name, value)
        try:
            source.full_clean(exclude=["commitment", "sort_order"])
        except ValidationError as error:
            self.problems.extend(errors_by_column(error, SOURCE_FIELD_COLUMNS, "source_url"))
        record.sources = sources

    def validate(self, record):
        failed = {problem.column for problem in self.problems}
        found = publication_refusals(record, COMMITMENT_FIELD_COLUMNS, cells_refused=bool(self.problems))
        return [problem for problem in found if problem.column not in failed]

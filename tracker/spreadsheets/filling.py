"""Building a commitment from one row: cells into fields and parts, then the model's own checks.

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
from tracker.spreadsheets.outcomes import OWNERS, ROW, Problem

MISSING = object()


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


def known_places(record):
    """The commitment's foreign keys that are set: each was loaded from the database or looked up
    among the published records, so full_clean need not query to see that it exists."""
    return [
        field.name
        for field in record._meta.concrete_fields
        if field.many_to_one and getattr(record, field.attname) is not None
    ]


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
        if {(o.office_id, o.role) for o in current} == {(office.pk, role) for office, role in wanted}:
            return
        keep = {(o.office_id, o.role): o for o in current}
        record.owners = [
            keep.get((office.pk, role)) or CommitmentOwner(office=office, role=role) for office, role in wanted
        ]

    def fill_source(self, record):
        url = self.get("source_url")
        if url is MISSING:
            return
        sources = list(record.sources.all())
        values = {
            name: self.get(column, cells.date if name == "published_on" else cells.text)
            for name, column in SOURCE_FIELD_COLUMNS.items()
            if name in ("title", "publisher", "published_on")
        }
        values = {name: value for name, value in values.items() if value is not MISSING}
        if not url:
            if any(values.values()):
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
        try:
            # Uniqueness is the plan's job (external ids within the file, slugs made unique); the
            # places were looked up among the published ones, so a query per row need not check them.
            record.full_clean(exclude=known_places(record), validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            found = [p for p in errors_by_column(error, COMMITMENT_FIELD_COLUMNS) if p.column not in failed]
        else:
            found = []
        if not found and not self.problems:
            found += [Problem(OWNERS, str(message)) for message in record.publication_problems()]
        return found

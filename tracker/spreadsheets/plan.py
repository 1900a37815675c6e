"""The dry run: what an import would do, row by row, without writing anything.

Each row is built into the commitment it describes (in memory, parts included) and checked with
the same validation a publish runs (`full_clean`, the parts' own checks, `publication_problems`).
Whether a row changes anything is decided by comparing the public snapshot of the commitment before
and after: a row that would publish the same public content is "unchanged" and makes no revision.
"""

from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.text import slugify

from tracker.models import Commitment, CommitmentOwner, CommitmentSource, Movement, StatusChange
from tracker.models.rules import latest_status_change
from tracker.models.vocabulary import CommitmentStatus, Sector
from tracker.publishing.snapshots import Snapshots
from tracker.spreadsheets import cells
from tracker.spreadsheets.cells import CellProblem
from tracker.spreadsheets.columns import (
    COMMITMENT_FIELD_COLUMNS,
    COMMITMENTS,
    LIST_SEPARATOR,
    OWNER_COLUMNS,
    SOURCE_FIELD_COLUMNS,
    STATUS_CHANGE_FIELD_COLUMNS,
)

CREATED, CHANGED, UNCHANGED, REJECTED = "created", "changed", "unchanged", "rejected"
OUTCOMES = (CREATED, CHANGED, UNCHANGED, REJECTED)
OWNERS = "owners"  # the three owner columns together, where a problem concerns all of them
ROW = ""  # a problem with the row as a whole


@dataclass
class Problem:
    column: str
    message: str


@dataclass
class RowResult:
    number: int
    external_id: str
    outcome: str = UNCHANGED
    title: str = ""
    changes: list = field(default_factory=list)
    problems: list = field(default_factory=list)


@dataclass
class Write:
    """A commitment to publish, and the rows of the file it comes from."""

    record: Commitment
    rows: list
    new: bool


@dataclass
class Plan:
    filename: str
    kind: str
    rows: list = field(default_factory=list)
    writes: list = field(default_factory=list)

    def count(self, outcome):
        return sum(1 for row in self.rows if row.outcome == outcome)

    @property
    def counts(self):
        return {outcome: self.count(outcome) for outcome in OUTCOMES}

    @property
    def rejected(self):
        return [row for row in self.rows if row.outcome == REJECTED]


def make_plan(table, progress=iter):
    """The plan for a `reading.Table`. `progress` wraps the rows (the command's progress bar)."""
    if table.kind == COMMITMENTS:
        return CommitmentPlanner(table).plan(progress)
    return StatusUpdatePlanner(table).plan(progress)


def load_commitments(external_ids):
    """Commitments by external id, with everything their snapshot shows. A commitment entered in
    the admin has no external id; the export gives its slug instead, and it is found by that."""
    owners = Prefetch("owners", queryset=CommitmentOwner.objects.select_related("office"))
    movements = Prefetch("movements", queryset=Movement.objects.select_related("office"))
    records = Commitment.objects.select_related("jurisdiction", "made_by_office", "locked_by").prefetch_related(
        owners, movements, "status_changes", "sources"
    )
    found = {}
    wanted = sorted({external_id for external_id in external_ids if external_id})
    for start in range(0, len(wanted), 1000):
        chunk = wanted[start : start + 1000]
        found.update((record.external_id, record) for record in records.filter(external_id__in=chunk))
        by_slug = [external_id for external_id in chunk if external_id not in found]
        found.update((record.slug, record) for record in records.filter(external_id="", slug__in=by_slug))
    return found


def blocked(record):
    """Why an import must not publish over this commitment as it stands in the admin, if it must not."""
    if record.taken_down_at:
        return "This commitment was taken down and cannot be changed by an import."
    if record.locked:
        return f"This commitment is locked in the admin by {record.locked_by or 'an editor'}: ask them to unlock it."
    if record.has_unpublished_changes:
        return "This commitment has unpublished changes in the admin: publish or discard that draft first."
    if not record.live:
        return "This commitment was unpublished in the admin: publish it there before importing changes to it."
    return None


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


def changed_parts(before, after):
    """What differs between two snapshots of a commitment, named as the file's columns (or parts)."""
    names = [
        COMMITMENT_FIELD_COLUMNS.get(name, name)
        for name in after["fields"]
        if before["fields"].get(name) != after["fields"][name]
    ]
    names += [part.replace("_", " ") for part in after["parts"] if before["parts"].get(part) != after["parts"][part]]
    return names


class Planner:
    def __init__(self, table):
        self.table = table
        self.snapshots = Snapshots()
        self.plan_ = Plan(filename=table.filename, kind=table.kind)
        self.existing = load_commitments(cells.text(row.cells.get("external_id")) for row in table.rows)

    def plan(self, progress):
        for row in progress(self.table.rows):
            self.plan_.rows.append(self.row(row))
        self.finish()
        return self.plan_

    def finish(self):
        pass


class CommitmentPlanner(Planner):
    """Rows of the commitments file: each row is one commitment, created or brought up to date."""

    def __init__(self, table):
        super().__init__(table)
        self.places = cells.Places()
        self.seen = {}  # external id -> first row number
        self.slugs = set(Commitment.objects.values_list("slug", flat=True))

    def row(self, row):
        external_id = cells.text(row.cells.get("external_id"))
        result = RowResult(row.number, external_id, title=cells.text(row.cells.get("title")))
        if not external_id:
            return self.reject(
                result, "external_id", "The external id is empty: every row needs one, unique in the file."
            )
        if len(external_id) > 100:
            return self.reject(result, "external_id", "The external id is longer than 100 characters.")
        if external_id in self.seen:
            return self.reject(
                result, "external_id", f"The external id “{external_id}” is also used in row {self.seen[external_id]}."
            )
        self.seen[external_id] = row.number
        existing = self.existing.get(external_id)
        before = self.snapshots.of(existing) if existing is not None else None
        record = (
            existing
            if existing is not None
            else Commitment(external_id=external_id, owners=[], sources=[], status_changes=[], movements=[])
        )
        result.problems = Reader(row.cells, self.places).fill(record)
        result.title = result.title or str(record.title)
        if result.problems:
            return self.reject(result)
        after = self.snapshots.of(record)
        if before is not None and before == after:
            return result  # unchanged
        if existing is not None:
            reason = blocked(existing)
            if reason:
                return self.reject(result, ROW, reason)
            result.outcome, result.changes = CHANGED, changed_parts(before, after)
        else:
            result.outcome = CREATED
            record.slug = self.new_slug(record)
        self.plan_.writes.append(Write(record, [row.number], new=existing is None))
        return result

    def reject(self, result, column=None, message=None):
        if message:
            result.problems.append(Problem(column, message))
        result.outcome = REJECTED
        return result

    def new_slug(self, record):
        base = slugify(record.title, allow_unicode=True)[:100] or "commitment"
        slug, n = base, 2
        while slug in self.slugs:
            slug, n = f"{base}-{n}", n + 1
        self.slugs.add(slug)
        return slug


MISSING = object()


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


class StatusUpdatePlanner(Planner):
    """Rows of the status updates file: each row is one status change of a commitment, with its
    evidence. A status change is the same one if it has the same effective date and new status;
    several rows for one commitment make one new public revision of it."""

    def __init__(self, table):
        super().__init__(table)
        self.before = {}  # commitment pk -> snapshot before this file
        self.rows_of = {}  # commitment pk -> row numbers that change it
        self.today = timezone.localdate()

    def row(self, row):
        external_id = cells.text(row.cells.get("external_id"))
        result = RowResult(row.number, external_id)
        record = self.existing.get(external_id)
        if not external_id:
            return self.reject(result, [Problem("external_id", "The external id is empty: name the commitment.")])
        if record is None:
            return self.reject(
                result,
                [Problem("external_id", f"No commitment has the external id “{external_id}”. Import it first.")],
            )
        result.title = record.title
        self.before.setdefault(record.pk, self.snapshots.of(record))
        reader = Reader(row.cells, places=None)
        to_status = reader.get("to_status", lambda v: cells.choice(v, CommitmentStatus, "status"))
        effective = reader.get("effective_date", cells.date)
        recorded = reader.get("recorded_on", cells.date)
        progress = reader.get("progress", cells.whole_number)
        values = {
            name: reader.get(column, cells.date if name == "published_on" else cells.text)
            for name, column in STATUS_CHANGE_FIELD_COLUMNS.items()
            if name not in ("to_status", "from_status", "effective_date", "recorded_on")
        }
        values = {name: value for name, value in values.items() if value is not MISSING}
        if not to_status and to_status is not MISSING:
            reader.problems.append(Problem("to_status", "The to_status cell is empty: give the new status."))
        if effective is None:
            reader.problems.append(Problem("effective_date", "The effective_date cell is empty: say when it happened."))
        if reader.problems:
            return self.reject(result, reader.problems)

        saved = State(record)
        changes = list(record.status_changes.all())
        change = next((c for c in changes if c.effective_date == effective and c.to_status == to_status), None)
        if change is None:
            change = StatusChange(
                from_status=from_status_for(record, changes, effective),
                to_status=to_status,
                effective_date=effective,
                recorded_on=recorded if recorded not in (MISSING, None) else self.today,
            )
            changes.append(change)
            result.outcome = CREATED
        elif recorded not in (MISSING, None):
            change.recorded_on = recorded
        for name, value in values.items():
            setattr(change, name, value)
        record.status_changes = sorted(changes, key=lambda c: c.effective_date)
        record.status = latest_status_change(changes).to_status
        if progress not in (MISSING, None):
            record.progress = progress
        problems = self.validate(record, change)
        if problems:
            saved.restore()
            return self.reject(result, problems)
        if result.outcome != CREATED:
            after = self.snapshots.of(record)
            if after == saved.snapshot:
                return result
            result.outcome = CHANGED
            result.changes = changed_parts(saved.snapshot, after)
        reason = blocked(record)
        if reason:
            saved.restore()
            return self.reject(result, [Problem(ROW, reason)])
        self.rows_of.setdefault(record.pk, []).append(row.number)
        return result

    def validate(self, record, change):
        problems = []
        try:
            change.full_clean(exclude=["commitment", "sort_order"])
        except ValidationError as error:
            problems += errors_by_column(error, STATUS_CHANGE_FIELD_COLUMNS)
        try:
            record.full_clean(exclude=known_places(record), validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            problems += errors_by_column(error, {"progress": "progress", "status": "to_status"})
        return problems

    def reject(self, result, problems):
        result.outcome, result.problems = REJECTED, problems
        return result

    def finish(self):
        records = {record.pk: record for record in self.existing.values()}
        for pk, numbers in self.rows_of.items():
            record = records[pk]
            if self.snapshots.of(record) != self.before[pk]:
                self.plan_.writes.append(Write(record, numbers, new=False))


def known_places(record):
    """The commitment's foreign keys that are set: each was loaded from the database or looked up
    among the published records, so full_clean need not query to see that it exists."""
    return [
        field.name
        for field in record._meta.concrete_fields
        if field.many_to_one and getattr(record, field.attname) is not None
    ]


def from_status_for(record, changes, effective):
    """The status a commitment had just before `effective`, as its status changes tell it."""
    earlier = [c for c in changes if c.effective_date <= effective]
    if earlier:
        return latest_status_change(earlier).to_status
    if changes:
        return min(changes, key=lambda c: c.effective_date).from_status
    return record.status


class State:
    """A commitment's status changes, status and progress, to put back when a row is rejected."""

    def __init__(self, record):
        self.record = record
        self.changes = list(record.status_changes.all())
        self.values = [dict(change.__dict__) for change in self.changes]
        self.status, self.progress = record.status, record.progress
        self.snapshot = Snapshots().of(record)

    def restore(self):
        for change, values in zip(self.changes, self.values, strict=True):
            change.__dict__.update(values)
        self.record.status_changes = self.changes
        self.record.status, self.record.progress = self.status, self.progress

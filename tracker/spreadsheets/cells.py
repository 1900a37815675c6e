"""Cell values -> Python values, with the reason in plain words when a cell cannot be read; and the
other way, values -> cells of an export (`exported`).

A spreadsheet program runs a cell that starts with =, +, -, @, a tab or a carriage return as a
formula ("CSV injection"; exports write line breaks as line feeds, so a leading one counts too).
Exports therefore write such a text with a single quote before it, as OWASP recommends, and reading
takes that quote off again, so an exported file imports as it was exported. A text that starts with
quotes followed by one of those characters gets one more quote, so the two stay exact inverses.
"""

import datetime

from tracker.models import Jurisdiction, Office
from tracker.models.rules import reference_problem
from tracker.models.text import plain
from tracker.models.vocabulary import SourceKind

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")  # exports write carriage returns as line feeds
PROTECTING_QUOTE = "'"


def exported(value):
    """`value` as an export writes it: text without control or bidi control characters, and quoted
    if a spreadsheet program would run it as a formula. Numbers stay numbers."""
    if not isinstance(value, str):
        return value
    value = plain(value)
    if value.lstrip(PROTECTING_QUOTE).startswith(FORMULA_PREFIXES):
        return PROTECTING_QUOTE + value
    return value


def _unprotected(value):
    """`value` without the quote `exported` put before a formula-like text."""
    if value.startswith(PROTECTING_QUOTE) and value.lstrip(PROTECTING_QUOTE).startswith(FORMULA_PREFIXES):
        return value[1:].strip()
    return value


class CellProblem(Exception):
    """A cell that cannot be read; the message says why and what to write instead."""


def text(value):
    """A cell as text: blank cells are "", numbers from a spreadsheet lose a trailing .0."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return _unprotected(str(value).strip())


def date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    value = text(value)
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CellProblem(f"“{value}” is not a date: write dates as YYYY-MM-DD, for example 2024-03-31.") from None


def whole_number(value):
    value = text(value)
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        raise CellProblem(f"“{value}” is not a whole number.") from None


def choice(value, choices, what):
    """A value of a TextChoices (the value or its English label, in any case)."""
    value = text(value)
    if not value:
        return ""
    wanted = value.lower().replace(" ", "_")
    for key, label in choices.choices:
        if wanted in (key, str(label).lower().replace(" ", "_")):
            return key
    allowed = ", ".join(choices.values)
    raise CellProblem(f"“{value}” is not a {what}. Use one of: {allowed}.")


def source_kind(value):
    """The kind of a source (a SourceKind value or its English label); empty: not graded."""
    return choice(value, SourceKind, "kind of source")


def slug_list(value, separator):
    return [part.strip() for part in text(value).split(separator) if part.strip()]


class Places:
    """Published offices and jurisdictions by slug, looked up once per import."""

    def __init__(self):
        self.offices = {office.slug: office for office in Office.objects.published()}
        self.jurisdictions = {place.slug: place for place in Jurisdiction.objects.published()}

    def office(self, slug):
        try:
            return self.offices[slug]
        except KeyError:
            raise CellProblem(
                unpublished(Office, slug)
                or f"No published office has the slug “{slug}”. Use the last part of the office's public "
                "address (/offices/<slug>/)."
            ) from None

    def jurisdiction(self, slug):
        try:
            return self.jurisdictions[slug]
        except KeyError:
            raise CellProblem(
                unpublished(Jurisdiction, slug)
                or f"No published jurisdiction has the slug “{slug}”. Use the last part of its public "
                "address (/jurisdictions/<slug>/)."
            ) from None


def unpublished(model, slug):
    """Why a row may not name the `model` at `slug` that exists but is not published (a draft, unpublished
    or taken down), as a publish would refuse it; None if there is none. Asked only of a refused cell."""
    record = model.objects.filter(slug=slug).first()
    return reference_problem(model, record) if record is not None else None

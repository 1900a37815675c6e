"""Cell values -> Python values, with the reason in plain words when a cell cannot be read."""

import datetime

from tracker.models import Jurisdiction, Office


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
    return str(value).strip()


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
                f"No published office has the slug “{slug}”. Use the last part of the office's public "
                "address (/offices/<slug>/)."
            ) from None

    def jurisdiction(self, slug):
        try:
            return self.jurisdictions[slug]
        except KeyError:
            raise CellProblem(
                f"No published jurisdiction has the slug “{slug}”. Use the last part of its public "
                "address (/jurisdictions/<slug>/)."
            ) from None

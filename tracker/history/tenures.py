"""The history of tenures for person and office pages: who held the office when, and when the office
record holding those tenures was last changed (with a link to its public history).

    history = tenure_history(office)   # or a person
    history.tenures        # TenureEntry list, earliest first
    history.last_changed   # LastChange of the record itself, or None if never published
    last_change(record)    # the same for a record of any kind with a page: its "Last updated"

In a template: {% include "components/tenure_history.html" with history=history %} and
{% include "components/record_history_link.html" with record=office last_changed=history.last_changed %}.
Two queries for an office, three for a person, however many tenures.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Max
from django.utils import timezone

from tracker.history.addresses import history_url, record_url, revision_url
from tracker.models import Office, Person, PublicRevision, Tenure
from tracker.models.kinds import kind_of


@dataclass(frozen=True)
class LastChange:
    number: int
    published_at: object  # datetime
    revision_url: str
    history_url: str


@dataclass(frozen=True)
class TenureEntry:
    person: str
    person_url: str
    office: str
    office_url: str
    office_kind: str  # "Elected", "Appointed", "Administrator"
    start_date: object
    end_date: object  # None while it is held
    how: str  # "Posted", "Acting", ...
    end_reason: str  # "" while it is held
    is_current: bool
    recorded_in: LastChange | None  # the last change of the office record that lists this tenure
    person_ur: str = ""  # the names in Urdu, where written
    office_ur: str = ""


@dataclass(frozen=True)
class TenureHistory:
    tenures: list
    last_changed: LastChange | None


def _last_changes(kind, model, slugs_by_pk):
    """LastChange of each record (by pk) of `model`, from its latest public revision (one query)."""
    rows = (
        PublicRevision.objects.filter(
            content_type=ContentType.objects.get_for_model(model), object_id__in=[str(pk) for pk in slugs_by_pk]
        )
        .values("object_id")
        .annotate(number=Max("number"), published_at=Max("published_at"))
    )
    changes = {}
    for row in rows:
        slug = slugs_by_pk[int(row["object_id"])]
        changes[int(row["object_id"])] = LastChange(
            number=row["number"],
            published_at=row["published_at"],
            revision_url=revision_url(kind, slug, row["number"]),
            history_url=history_url(kind, slug),
        )
    return changes


def last_change(record):
    """LastChange of any published record with a page (commitment, decision, office, person, place): its
    latest public revision, the "Last updated" of its page (one query). None if it was never published."""
    return _last_changes(kind_of(record).segment, type(record), {record.pk: record.slug}).get(record.pk)


def tenure_history(record):
    """The tenures of an Office (its holders) or of a Person (the offices they held), as published."""
    today = timezone.localdate()
    if isinstance(record, Office):
        tenures = Tenure.objects.filter(office=record, person__in=Person.objects.published())
    elif isinstance(record, Person):
        tenures = Tenure.objects.filter(person=record, office__in=Office.objects.published())
    else:
        raise TypeError(f"Tenures belong to offices and people, not to {type(record).__name__}.")
    tenures = list(tenures.select_related("office", "person").order_by("start_date", "sort_order"))
    offices = {t.office_id: t.office.slug for t in tenures}
    if isinstance(record, Office):
        offices[record.pk] = record.slug
    changes = _last_changes("offices", Office, offices)
    entries = [
        TenureEntry(
            person=t.person.name,
            person_url=record_url("people", t.person.slug),
            office=t.office.title,
            office_url=record_url("offices", t.office.slug),
            office_kind=t.office.get_kind_display(),
            start_date=t.start_date,
            end_date=t.end_date,
            how=t.get_how_display(),
            end_reason=t.get_end_reason_display() if t.end_reason else "",
            is_current=t.covers(today),
            recorded_in=changes.get(t.office_id),
            person_ur=t.person.name_ur,
            office_ur=t.office.title_ur,
        )
        for t in tenures
    ]
    if isinstance(record, Office):
        last_changed = changes.get(record.pk)
    else:
        last_changed = _last_changes("people", Person, {record.pk: record.slug}).get(record.pk)
    return TenureHistory(tenures=entries, last_changed=last_changed)

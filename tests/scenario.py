"""One world for the tests of every package, built from the factories of tests/factories.py.

- Publishing through the real service: `publish`, `unsaved_commitment` and `published_commitment`, and
  "add a sourced status change, then publish" (`add_status_change`, `record_status_change`).
- Records with their parts, unsaved, for a test to publish or to save as plain rows: `office` (with its
  tenures), `commitment` (with owners, status changes, movements and sources) and `decision`.
- Worlds too large to publish one record at a time: rows in `bulk`, and public revisions written
  straight into the table (`add_revisions`).
- The worlds tests share: `offices`, `import_places`, `quetta` (a hand-built slice of Quetta with known
  answers) and `file_tracking_history` (one commitment published three times, as a reporter meets it).
"""

import copy
import datetime
from types import SimpleNamespace

from django.conf import settings

from tests import factories
from tracker import publishing
from tracker.models import Commitment, PublicRevision, vocabulary
from tracker.models.public_revisions import Publication
from tracker.models.snapshots import build_snapshot

D = datetime.date

# --- Publishing through the real service ----------------------------------------------------------


def publish(record, summary="Add", user=None):
    """Validate, save and publish `record` with its parts (one public revision); returns the record."""
    publishing.publish(record, user=user, summary=summary)
    return record


def unsaved_commitment(*, owner_office=None, jurisdiction=None, **fields):
    """A new commitment with one administrative owner office, ready to publish through the service."""
    return commitment(
        owners=[(owner_office or factories.OfficeFactory(), vocabulary.OwnershipRole.ADMINISTRATIVE)],
        jurisdiction=jurisdiction or factories.JurisdictionFactory(),
        live=False,
        **fields,
    )


def published_commitment(summary="Add the promise", user=None, **fields):
    """A commitment with one owner office, published once: revision 1."""
    return publish(unsaved_commitment(**fields), summary=summary, user=user)


def add_status_change(commitment, to_status, *, on, **fields):
    """Add a status change with its source to `commitment` (in memory) and move its status on; it changes
    from the commitment's status unless `from_status` says otherwise."""
    fields.setdefault("from_status", commitment.status)
    change = factories.StatusChangeFactory.build(
        commitment=commitment, to_status=to_status, effective_date=on, **fields
    )
    commitment.status_changes.add(change)
    commitment.status = to_status
    return change


def record_status_change(commitment, to_status, *, on, summary, user=None, **fields):
    """Add a sourced status change and publish it; returns the commitment's new public revision."""
    add_status_change(commitment, to_status, on=on, **fields)
    return publishing.publish(commitment, user=user, summary=summary)


# --- Records with their parts, unsaved ------------------------------------------------------------


TENURE_DEFAULTS = (None, vocabulary.TenureStart.POSTED, "")  # end, how, end_reason


def add_tenures(office, *tenures):
    """Add tenures to `office` (in memory), each (person, start, end, how, end_reason); all but the
    person and the start may be left off: open-ended, posted."""
    for person, start, *rest in tenures:
        end, how, end_reason = (*rest, *TENURE_DEFAULTS[len(rest) :])
        office.tenures.add(
            factories.TenureFactory.build(
                office=office, person=person, start_date=start, end_date=end, how=how, end_reason=end_reason
            )
        )
    return office


def office(*, tenures=(), **fields):
    """An unsaved office with its tenures (as `add_tenures` takes them)."""
    return add_tenures(factories.OfficeFactory.build(**fields), *tenures)


def commitment(*, owners=(), changes=(), movements=(), sources=(), **fields):
    """An unsaved commitment with its parts: owners as (office, role), status changes as the keywords of
    `add_status_change` (each moves the status on), movements as (office, date), sources as fields."""
    record = factories.CommitmentFactory.build(**fields)
    for owner, role in owners:
        record.owners.add(factories.CommitmentOwnerFactory.build(commitment=record, office=owner, role=role))
    for change in changes:
        add_status_change(record, **change)
    for where, day in movements:
        record.movements.add(factories.MovementFactory.build(commitment=record, office=where, arrived_on=day))
    for source in sources:
        record.sources.add(factories.CommitmentSourceFactory.build(commitment=record, **source))
    return record


def decision(*, linked=(), **fields):
    """An unsaved decision linked to the commitments in `linked`."""
    record = factories.DecisionFactory.build(**fields)
    for promise in linked:
        record.linked_commitments.add(factories.DecisionCommitmentFactory.build(decision=record, commitment=promise))
    return record


# --- Worlds too large to publish one record at a time ----------------------------------------------


def bulk(factory, rows):
    """Save one row per dict of fields in `rows` in a single query (no signals, no revisions)."""
    return factory._meta.model.objects.bulk_create([factory.build(**fields) for fields in rows])


def add_revisions(record, count, *, start, step=datetime.timedelta(hours=1), change=None):
    """Append `count` public revisions to `record`'s chain (and the site-wide log) without a publish each,
    published `step` apart from `start`; `change(content, i)` may alter each one's snapshot."""
    base = build_snapshot(record)
    last = PublicRevision.objects.for_record(record).order_by("-number").values_list("number", flat=True).first()
    rows = []
    for i in range(count):
        content = copy.deepcopy(base)
        if change:
            change(content, i)
        [revision] = PublicRevision.objects.append(
            [Publication(record, content)],
            published_at=start + i * step,
            edit_summary=f"Update {(last or 0) + i + 1}",
            publisher=settings.TRACKER_PUBLISHER,
        )
        rows.append(revision)
    return rows


# --- The worlds tests share -----------------------------------------------------------------------


def offices():
    """Offices of Balochistan as rows: the elected chief minister, the appointed chief secretary and the
    appointed deputy commissioner of Quetta."""
    return SimpleNamespace(
        cm=factories.OfficeFactory(title="Chief Minister Balochistan", kind="elected"),
        chief_secretary=factories.OfficeFactory(title="Chief Secretary Balochistan", kind="appointed"),
        dc=factories.OfficeFactory(title="Deputy Commissioner Quetta", kind="appointed"),
    )


def import_places():
    """The published place and offices the rows of tests/tracker/spreadsheets/sheets.py name."""
    return {
        "jurisdiction": factories.JurisdictionFactory(name="Quetta"),
        "elected": factories.OfficeFactory(title="Mayor of Quetta", kind=vocabulary.OfficeKind.ELECTED),
        "appointed": factories.OfficeFactory(title="Deputy Commissioner Quetta"),
    }


# The two commitments of `quetta`: overdue and stalled, and delivered late.
QUETTA_FILE_TRACKING = {
    "title": "File tracking system for the secretariat",
    "text": "Every file in the civil secretariat will be tracked online.",
    "made_on": D(2019, 5, 1),
    "sector": "e_governance",
    "deadline": D(2020, 6, 30),
    "progress": 30,
    "changes": [
        {
            "to_status": "in_progress",
            "on": D(2019, 9, 1),
            "url": "https://example.org/work-begins",
            "title": "Work begins",
            "quote": "The software was procured.",
        },
        {
            "to_status": "stalled",
            "on": D(2021, 3, 10),
            "url": "https://example.org/stalled",
            "title": "Project stalls",
            "quote": "No funds were released.",
        },
    ],
    "sources": [
        {
            "url": "https://example.org/promise",
            "title": "CM announces file tracking",
            "publisher": "Example Daily",
            "quote": "Every file will be tracked.",
        }
    ],
}
QUETTA_WATER = {
    "title": "Clean drinking water for Quetta's union councils",
    "text": "Filtration plants in every union council.",
    "made_on": D(2017, 3, 1),
    "sector": "water_sanitation",
    "deadline": D(2019, 12, 31),
    "progress": 100,
    "changes": [
        {"to_status": "delivered", "on": D(2020, 2, 1), "url": "https://example.org/plants", "title": "Plants open"}
    ],
}


def quetta():
    """A small, hand-built slice of Quetta with known answers, published through the real service."""
    s = SimpleNamespace()

    def place(name, tier, parent=None):
        return publish(factories.JurisdictionFactory.build(name=name, tier=tier, parent=parent))

    s.pakistan = place("Pakistan", "federal")
    s.balochistan = place("Balochistan", "province", s.pakistan)
    s.division = place("Quetta Division", "division", s.balochistan)
    s.quetta = place("Quetta", "district", s.division)
    s.punjab = place("Punjab", "province", s.pakistan)

    def org(name, kind, jurisdiction):
        return publish(factories.OrganizationFactory.build(name=name, classification=kind, jurisdiction=jurisdiction))

    cabinet = org("Government of Balochistan", "cabinet", s.balochistan)
    district = org("District Administration Quetta", "district_administration", s.quetta)
    corporation = org("Metropolitan Corporation Quetta", "council", s.quetta)
    finance = org("Finance Department Balochistan", "department", s.balochistan)

    names = {
        "cm": "Nadir Zehri",
        "b": "Bushra Kakar",
        "c": "Camran Achakzai",
        "d": "Dawood Mengal",
        "e": "Erum Baloch",
        "f": "Farid Raisani",
        "g": "Gul Mandokhail",
        "h": "Hina Lehri",
    }
    p = s.people = SimpleNamespace(
        **{key: publish(factories.PersonFactory.build(name=name)) for key, name in names.items()}
    )

    s.cm = office(title="Chief Minister Balochistan", kind="elected", organization=cabinet)
    add_tenures(s.cm, (p.cm, D(2018, 8, 19), None, "elected"))
    s.dc = office(title="Deputy Commissioner Quetta", kind="appointed", organization=district)
    add_tenures(
        s.dc,
        (p.b, D(2019, 1, 1), D(2020, 6, 30), "posted", "transferred"),
        (p.c, D(2020, 7, 1), D(2021, 12, 31), "transferred", "transferred"),
        (p.d, D(2021, 3, 1), D(2021, 3, 20), "acting", "charge_ended"),
        # Vacant from 1 to 14 January 2022.
        (p.e, D(2022, 1, 15), None, "posted"),
    )
    s.mayor = office(title="Mayor of Quetta", kind="elected", organization=corporation)
    add_tenures(s.mayor, (p.f, D(2015, 12, 1), D(2019, 8, 27), "elected", "council_lapsed"))
    s.administrator = office(
        title="Administrator Metropolitan Corporation Quetta", kind="administrator", organization=corporation
    )
    add_tenures(s.administrator, (p.g, D(2019, 8, 28), None, "appointed_administrator"))
    s.secretary = office(title="Secretary Finance Balochistan", kind="appointed", organization=finance)
    add_tenures(
        s.secretary,
        (p.h, D(2019, 3, 1), None, "posted"),
        (p.cm, D(2021, 6, 1), D(2021, 6, 30), "additional_charge", "charge_ended"),
    )
    for held in (s.cm, s.dc, s.mayor, s.administrator, s.secretary):
        publish(held)

    s.files = publish(
        commitment(
            made_by_office=s.cm,
            jurisdiction=s.quetta,
            owners=[(s.cm, "political"), (s.dc, "administrative")],
            movements=[(s.dc, D(2019, 5, 10)), (s.secretary, D(2020, 1, 1)), (s.dc, D(2020, 5, 22))],
            **QUETTA_FILE_TRACKING,
        )
    )
    s.water = publish(
        commitment(
            made_by_office=s.mayor,
            jurisdiction=s.quetta,
            owners=[(s.mayor, "political"), (s.administrator, "administrative")],
            **QUETTA_WATER,
        )
    )
    s.decision = publish(
        decision(
            title="Funds for the file tracking system",
            kind="budget_allocation",
            reference_number="FD/2020/114",
            decided_on=D(2020, 2, 15),
            deciding_office=s.secretary,
            summary="PKR 40 million allocated.",
            amount_pkr=40_000_000,
            linked=[s.files],
        )
    )
    return s


TEXT_1 = "The government will build a file tracking system for the secretariat."
TEXT_3 = "The government will build an electronic file tracking system for the whole secretariat."


def file_tracking_history(offices, editor):
    """A commitment `editor` published three times. Revision 1: the promise (Not started, owned by the chief
    minister). Revision 2: work starts (In progress, 20%). Revision 3: it stalls; the deputy commissioner
    is added as owner, a news source is added and the promise's text is corrected."""
    promise = commitment(
        title="File tracking system for the secretariat",
        text=TEXT_1,
        made_on=D(2019, 9, 1),
        sector="e_governance",
        jurisdiction=factories.JurisdictionFactory(name="Balochistan", tier="province"),
        deadline=D(2021, 6, 30),
        live=False,
        owners=[(offices.cm, "political")],
    )
    first = publishing.publish(promise, user=editor, summary="Add the promise")

    # As an editor would: open the record afresh (its parts with their ids) before each edit.
    promise = Commitment.objects.get(pk=promise.pk)
    promise.progress = 20
    tender = {"url": "https://example.org/news/tender", "title": "Tender for file tracking software"}
    second = record_status_change(
        promise, "in_progress", on=D(2020, 2, 1), user=editor, summary="Work started: tender issued", **tender
    )

    promise = Commitment.objects.get(pk=promise.pk)
    promise.text = TEXT_3
    promise.owners.add(
        factories.CommitmentOwnerFactory.build(commitment=promise, office=offices.dc, role="administrative")
    )
    promise.sources.add(
        factories.CommitmentSourceFactory.build(
            commitment=promise, url="https://example.org/news/budget", title="Budget 2021-22 omits it"
        )
    )
    stalls = {
        "url": "https://example.org/news/stalled",
        "title": "File tracking project stalls",
        "quote": "No funds have been released since the tender.",
    }
    third = record_status_change(
        promise, "stalled", on=D(2021, 3, 15), user=editor, summary="Stalled: no funds released", **stalls
    )
    promise.refresh_from_db()
    return SimpleNamespace(commitment=promise, revisions=[first, second, third], editor=editor)

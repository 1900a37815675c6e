"""Generated commitments for load tests: `load_demo_data --scale N`.

Each one has the shape of a curated commitment (a political and an administrative owner, sometimes
a supporting one; status changes with their sources; movements between offices; the source of the
announcement) over the curated offices and places, and says in its text that it is generated.

Commitment number i is the same on every run (generated from i alone), and its slug ends in
`-sample-<i>`, so `--scale N` makes sure numbers 1..N exist: running it again adds nothing, and a
larger N adds only the missing numbers. They are written in batches through `tracker.publishing.bulk`.
"""

import datetime
import random
import re
from collections import defaultdict

from django.utils.text import slugify
from tqdm import tqdm

from tracker.demo import demo_editing_organisation
from tracker.demo.commitments import NEWS, USUAL_PROGRESS, USUAL_QUOTE
from tracker.models import Commitment, CommitmentOwner, CommitmentSource, Jurisdiction, Movement, Office, StatusChange
from tracker.models.vocabulary import CommitmentStatus as S
from tracker.models.vocabulary import JurisdictionTier, OfficeKind, Sector, SourceKind
from tracker.models.vocabulary import OwnershipRole as Role
from tracker.publishing.bulk import publish_new_records

SLUG_NUMBER = re.compile(r"-sample-(\d+)$")
SUMMARY = "Sample data: generated commitment for load testing"
EARLIEST = datetime.date(2015, 1, 1)
LATEST_MADE = datetime.date(2025, 6, 30)

TITLES = {
    Sector.EDUCATION: [
        "Upgrade {n} primary schools to middle schools in {place}",
        "Recruit {n} teachers for girls' schools in {place}",
        "Water, toilets and boundary walls for schools in {place}",
        "Free textbooks for every pupil in {place}",
        "Reopen closed government schools in {place}",
        "Science laboratories for high schools in {place}",
    ],
    Sector.HEALTH: [
        "Round-the-clock basic health units in {place}",
        "Ambulance service for {place}",
        "Vaccination teams for every union council of {place}",
        "Dialysis unit at the district hospital serving {place}",
        "Medicines for rural health centres in {place}",
        "Maternity ward for {place}",
    ],
    Sector.WATER_SANITATION: [
        "{n} water filtration plants in {place}",
        "Repair of public tube wells in {place}",
        "New sewerage lines in {place}",
        "Drains to end urban flooding in {place}",
        "Piped water supply for {place}",
        "Solar tube wells for farmers in {place}",
    ],
    Sector.E_GOVERNANCE: [
        "Computerised land records for {place}",
        "Online complaints for the offices of {place}",
        "Biometric attendance in hospitals and schools of {place}",
        "Online birth and death registration in {place}",
        "File tracking for the offices of {place}",
    ],
    Sector.LOCAL_GOVERNMENT: [
        "Door-to-door waste collection in {place}",
        "Street lights for {place}",
        "Development funds for the union councils of {place}",
        "Restore the public park in {place}",
        "Community hall for {place}",
    ],
    Sector.ROADS_TRANSPORT: [
        "Repair of link roads in {place}",
        "Bus service for {place}",
        "Bridge over the seasonal stream in {place}",
        "Farm-to-market roads in {place}",
    ],
    Sector.FINANCE: [
        "Publish the budget of {place} online",
        "Quarterly release of development funds for {place}",
        "Online property tax payment in {place}",
    ],
}
SECTOR_WEIGHTS = {
    Sector.EDUCATION: 5,
    Sector.HEALTH: 5,
    Sector.WATER_SANITATION: 5,
    Sector.E_GOVERNANCE: 3,
    Sector.LOCAL_GOVERNMENT: 4,
    Sector.ROADS_TRANSPORT: 2,
    Sector.FINANCE: 1,
}
# Which appointed offices carry out a promise of each sector (matched on their titles).
IMPLEMENTERS = {
    Sector.EDUCATION: ("Education",),
    Sector.HEALTH: ("Health",),
    Sector.WATER_SANITATION: ("Public Health Engineering", "WASA", "Water"),
    Sector.E_GOVERNANCE: ("Information Technology", "Board of Revenue", "Secretary, Ministry of IT"),
    Sector.LOCAL_GOVERNMENT: ("Local Government", "Administrator", "Commissioner"),
    Sector.ROADS_TRANSPORT: ("Communication and Works", "Commissioner", "Development Authority"),
    Sector.FINANCE: ("Finance", "Planning", "Additional Chief Secretary"),
}
# Final statuses, weighted, and the way there.
OUTCOMES = [
    (S.IN_PROGRESS, 28, [S.IN_PROGRESS]),
    (S.DELIVERED, 20, [S.IN_PROGRESS, S.DELIVERED]),
    (S.STALLED, 16, [S.IN_PROGRESS, S.STALLED]),
    (S.PARTIALLY_DELIVERED, 14, [S.IN_PROGRESS, S.STALLED, S.PARTIALLY_DELIVERED]),
    (S.BROKEN, 8, [S.BROKEN]),
    (S.NOT_STARTED, 6, []),
    (S.WITHDRAWN, 4, [S.STALLED, S.WITHDRAWN]),
    (S.DELIVERED, 4, [S.IN_PROGRESS, S.STALLED, S.IN_PROGRESS, S.DELIVERED]),
]
HEADLINES = {
    S.IN_PROGRESS: "Work begins: {title}",
    S.STALLED: "Work stalls: {title}",
    S.PARTIALLY_DELIVERED: "Partly done: {title}",
    S.DELIVERED: "Completed: {title}",
    S.BROKEN: "Deadline passes with no work: {title}",
    S.WITHDRAWN: "Plan dropped: {title}",
}


class Region:
    """The offices and places of one province (or of the federal government, or the capital)."""

    def __init__(self):
        self.elected, self.appointed, self.places = [], [], []

    def usable(self):
        return self.elected and self.appointed and self.places


def regions():
    """The live curated offices and places, grouped by the province (or federal level) they are in,
    read once so that generating commitments makes no queries."""
    places = {j.pk: j for j in Jurisdiction.objects.published()}
    for place in places.values():
        # Set the parents in memory, so walking up the tree and the snapshots query nothing.
        place.parent = places.get(place.parent_id)

    def top(place):
        while place.parent is not None and place.tier not in (JurisdictionTier.PROVINCE, JurisdictionTier.FEDERAL):
            place = place.parent
        return place

    grouped = defaultdict(Region)
    for place in places.values():
        if place.tier != JurisdictionTier.DIVISION:
            grouped[top(place).pk].places.append(place)
    for office in Office.objects.published().select_related("organization__jurisdiction"):
        place = places.get(office.organization.jurisdiction_id)
        if place is None:
            continue
        region = grouped[top(place).pk]
        (region.elected if office.kind == OfficeKind.ELECTED else region.appointed).append(office)
    usable = [region for _, region in sorted(grouped.items()) if region.usable()]
    for region in usable:
        region.elected.sort(key=lambda o: o.slug)
        region.appointed.sort(key=lambda o: o.slug)
        region.places.sort(key=lambda p: p.slug)
    return usable


def existing_numbers():
    """Numbers of the generated commitments already in the tracker."""
    slugs = Commitment.objects.filter(slug__contains="-sample-").values_list("slug", flat=True).iterator()
    return {int(match.group(1)) for slug in slugs if (match := SLUG_NUMBER.search(slug))}


def _day_between(rnd, start, end):
    return start + datetime.timedelta(days=rnd.randint(0, max(0, (end - start).days)))


def generate(number, regions, today):
    """Unsaved commitment number `number`, with its parts, the same every time."""
    rnd = random.Random(number)
    region = rnd.choice(regions)
    sector = rnd.choices(list(SECTOR_WEIGHTS), weights=list(SECTOR_WEIGHTS.values()))[0]
    place = rnd.choice(region.places)
    title = rnd.choice(TITLES[sector]).format(n=rnd.randint(2, 60), place=place.name)
    political = rnd.choice(region.elected)
    keywords = IMPLEMENTERS[sector]
    implementers = [o for o in region.appointed if any(k in o.title for k in keywords)] or region.appointed
    administrative = rnd.choice(implementers)
    others = [o for o in region.appointed if o is not administrative]

    made_on = _day_between(rnd, EARLIEST, min(LATEST_MADE, today - datetime.timedelta(days=30)))
    deadline = made_on + datetime.timedelta(days=rnd.randint(180, 1460))
    commitment = Commitment(
        slug=f"{slugify(title)[:90]}-sample-{number}",
        title=title,
        text=f"{title}. A generated sample commitment (number {number}) for load tests, not a real promise.",
        made_by_office=political,
        made_on=made_on,
        source_quote=f"We will deliver this by {deadline:%B %Y}.",
        sector=sector,
        jurisdiction=place,
        deadline=deadline,
    )
    owners = [CommitmentOwner(office=political, role=Role.POLITICAL)]
    owners.append(CommitmentOwner(office=administrative, role=Role.ADMINISTRATIVE))
    if others and rnd.random() < 0.3:
        owners.append(CommitmentOwner(office=rnd.choice(others), role=Role.SUPPORTING))

    _, _, path = rnd.choices(OUTCOMES, weights=[w for _, w, _ in OUTCOMES])[0]
    dated, day = [], made_on
    horizon = min(today, made_on + datetime.timedelta(days=2000))
    for status in path:
        day = _day_between(rnd, day + datetime.timedelta(days=20), max(day + datetime.timedelta(days=20), horizon))
        day = min(day, today)
        dated.append((status, day))
    with_history(commitment, rnd, dated, today=today, number=number)

    movements, day = [], made_on
    desks = [administrative, *rnd.sample(others, min(2, len(others)))]
    for office in desks[: rnd.randint(1, len(desks))]:
        day = min(today, day + datetime.timedelta(days=rnd.randint(5, 200)))
        movements.append(Movement(office=office, arrived_on=day, note=rnd.choice(MOVEMENT_NOTES)))

    announced = _source(rnd, made_on, f"{political.title} promises: {title}", commitment.source_quote, number, 0)
    commitment.owners = owners
    commitment.movements = movements
    commitment.sources = [CommitmentSource(**announced)]
    return commitment


def with_history(commitment, rnd, dated, *, today, number, key="sample", recorded_within=10, progress=(5, 95)):
    """Give `commitment` a status change for each (status, day) of `dated`, in that order, each with the
    news report of it (recorded up to `recorded_within` days later, never after today), and the status
    and progress they lead to."""
    changes, previous = [], S.NOT_STARTED
    for n, (status, day) in enumerate(dated, start=1):
        headline = HEADLINES[status].format(title=commitment.title)
        changes.append(
            StatusChange(
                from_status=previous,
                to_status=status,
                effective_date=day,
                recorded_on=min(today, day + datetime.timedelta(days=rnd.randint(0, recorded_within))),
                note="",
                **_source(rnd, day, headline, USUAL_QUOTE[status], number, n, key=key),
            )
        )
        previous = status
    commitment.status_changes = changes
    commitment.status = previous
    commitment.progress = USUAL_PROGRESS[previous]
    if previous in (S.IN_PROGRESS, S.STALLED, S.PARTIALLY_DELIVERED):
        commitment.progress = rnd.randint(*progress)


MOVEMENT_NOTES = ["PC-1 prepared", "Sent for approval", "Funds requested", "Returned for revision", "Tendering", ""]


def _source(rnd, day, headline, quote, number, n, *, key="sample"):
    """A news report of `day` (the announcement when n is 0, else the n-th status change) at an
    illustrative address made from `key` and the commitment's number."""
    base, publisher = NEWS[(number + n) % len(NEWS)]
    return dict(
        url=f"{base}/{day.year}/{day:%m}/{key}-{number}-{n}",
        title=headline[:255],
        publisher=publisher,
        published_on=day,
        quote=quote,
        archive_url="",
        kind=SourceKind.NEWS_REPORT,
    )


def load_generated_commitments(count, *, user, today, batch_size=2000, progress=True):
    """Make sure generated commitments 1..count exist; returns how many were added."""
    usable = regions()
    if not usable:
        raise RuntimeError("Load the curated demo first: generated commitments use its offices and places.")
    have = existing_numbers()
    missing = [n for n in range(1, count + 1) if n not in have]
    organisation = demo_editing_organisation()
    with tqdm(total=len(missing), disable=not progress, unit="commitment", desc="Generated commitments") as bar:
        for start in range(0, len(missing), batch_size):
            batch = missing[start : start + batch_size]
            records = [generate(n, usable, today) for n in batch]
            for record in records:
                record.maintained_by = organisation
            publish_new_records(Commitment, records, user=user, summary=SUMMARY)
            bar.update(len(batch))
    return len(missing)

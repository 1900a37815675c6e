"""Local commitments through the councils' elected and administrator periods (illustrative sample data).

The curated promises are too few for the accountability page to compare anything: "Who delivers" needs
at least ten commitments behind a share. This part of the curated demo adds `COUNT` local commitments
(water supply, sanitation, solid waste, street lights, schools, basic health units, roads), generated
from templates and the curated places, spread evenly over the provinces and Islamabad, inside the area
of a council that has an elected or an administrator office, with deadlines in both kinds of the
council's periods (tracker/demo/people.py: LOCAL_TERMS and ADMINISTRATOR_PERIODS, which follow the real
periods of each province).

Each reads as a record that could have happened: made by the office that ran the council that day (or
the province's minister for local government when no holder is recorded), answered for by the office
that runs the council when it falls due (the elected office, or the administrator), carried out by an
appointed office of the right department; status changes after it was made and never after today, files
moving through the council's offices and the departments. Outcomes are drawn at random, with a seed, at
a delivery rate that is itself drawn for each province and kind of period: a contrast may show, but
nothing decides it in advance. Everything says it is illustrative.

The set is the same on every run (seeded with `SEED`; dates still to come depend on today). Each is
published once, in bulk (`tracker.publishing.bulk`), at the start of the month after its last event (or,
in this month, in the last hour that has ended, nothing being reported in the last two days), so no public
revision tells of something before it happened. Commitments already there (by slug) are left
as they are.
"""

import datetime
import random
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.text import slugify

from tracker.demo import demo_editing_organisation, sample_moment, tracker_began
from tracker.demo import urdu as ur
from tracker.demo.scale import _day_between, _source, with_history
from tracker.history.digest import SETTLE
from tracker.models import (
    Commitment,
    CommitmentOwner,
    CommitmentSource,
    Jurisdiction,
    Movement,
    Office,
    Tenure,
)
from tracker.models.vocabulary import CommitmentStatus as S
from tracker.models.vocabulary import JurisdictionTier, OfficeKind, Sector
from tracker.models.vocabulary import OwnershipRole as Role
from tracker.public import council_periods as cp
from tracker.publishing.bulk import publish_new_records

COUNT = 500
SEED = "tracker-demo-volume"
SUMMARY = "Sample data: add generated local commitments (illustrative)"
PROVINCES = ["balochistan", "punjab", "sindh", "khyber-pakhtunkhwa", "islamabad-capital-territory"]
FIRST_DEADLINE = datetime.date(2016, 7, 1)
FIRST_MADE = datetime.date(2015, 6, 1)
STILL_TO_COME = 0.1  # the share of commitments whose deadline has not come yet
DAY = datetime.timedelta(days=1)

# (English, Urdu) titles; {place} is the place's name in the title's language.
TEMPLATES = {
    Sector.WATER_SANITATION: [
        ("Clean drinking water supply for {place}", "{place} کے لیے پینے کے صاف پانی کی فراہمی"),
        ("{n} water filtration plants in {place}", "{place} میں پانی صاف کرنے کے {n} پلانٹ"),
        ("Replace the sewerage lines of {place}", "{place} کی سیوریج لائنوں کی تبدیلی"),
        (
            "Clear the storm-water drains of {place} before the monsoon",
            "مون سون سے پہلے {place} کے برساتی نالوں کی صفائی",
        ),
        ("Repair the public tube wells of {place}", "{place} کے سرکاری ٹیوب ویلوں کی مرمت"),
    ],
    Sector.LOCAL_GOVERNMENT: [
        ("Door-to-door rubbish collection in {place}", "{place} میں گھر گھر کچرا اٹھانے کی سروس"),
        ("A landfill site for the solid waste of {place}", "{place} کے کچرے کے لیے لینڈ فل سائٹ"),
        ("Street lights on the main roads of {place}", "{place} کی بڑی سڑکوں پر اسٹریٹ لائٹس"),
        ("Restore the public parks of {place}", "{place} کے عوامی پارکوں کی بحالی"),
        ("Clear encroachments from the bazaars of {place}", "{place} کے بازاروں سے تجاوزات کا خاتمہ"),
    ],
    Sector.EDUCATION: [
        ("Repair and furnish {n} government schools in {place}", "{place} کے {n} سرکاری اسکولوں کی مرمت اور فرنیچر"),
        (
            "Toilets and drinking water in the girls' schools of {place}",
            "{place} کے لڑکیوں کے اسکولوں میں بیت الخلا اور پینے کا پانی",
        ),
        ("Reopen the closed primary schools of {place}", "{place} کے بند پرائمری اسکول دوبارہ کھولنا"),
    ],
    Sector.HEALTH: [
        (
            "Doctors and medicines at the basic health units of {place}",
            "{place} کے بنیادی مراکزِ صحت میں ڈاکٹر اور ادویات",
        ),
        ("A new basic health unit for {place}", "{place} کے لیے نیا بنیادی مرکزِ صحت"),
        ("Anti-dengue spraying in every union council of {place}", "{place} کی ہر یونین کونسل میں انسدادِ ڈینگی اسپرے"),
    ],
    Sector.ROADS_TRANSPORT: [
        ("Carpet the link roads of {place}", "{place} کی رابطہ سڑکوں کی کارپٹنگ"),
        (
            "Repair the roads dug up for sewerage work in {place}",
            "{place} میں سیوریج کے کام کے لیے کھودی گئی سڑکوں کی مرمت",
        ),
    ],
}
SECTOR_WEIGHTS = {
    Sector.WATER_SANITATION: 5,
    Sector.LOCAL_GOVERNMENT: 5,
    Sector.EDUCATION: 3,
    Sector.HEALTH: 3,
    Sector.ROADS_TRANSPORT: 2,
}
# Which appointed offices carry out a promise of each sector (matched on their titles), first found first.
IMPLEMENTERS = {
    Sector.WATER_SANITATION: ("WASA", "Water", "Public Health Engineering", "Development Authority"),
    Sector.LOCAL_GOVERNMENT: ("Deputy Commissioner", "Assistant Commissioner", "Local Government", "Development"),
    Sector.EDUCATION: ("Education",),
    Sector.HEALTH: ("Health",),
    Sector.ROADS_TRANSPORT: ("Communication and Works", "Development Authority", "Deputy Commissioner"),
}
# Where the funds are asked for, and who speaks for the province when no council holder is recorded.
FUNDS = ("Finance", "Planning", "Local Government", "Chief Commissioner")
PROVINCIAL_SPOKESMEN = ("Minister for Local Government", "Chief Minister")
QUOTES = [
    "We will complete this by {deadline:%B %Y}.",
    "Work will start within weeks and be finished by {deadline:%B %Y}.",
    "The funds have been set aside; people will see the results by {deadline:%B %Y}.",
]
TEXT = "{title}. An illustrative commitment generated for the sample data (number {n}), not a real promise."
TEXT_UR = "{title}۔ نمونے کے ڈیٹا کے لیے بنایا گیا ایک فرضی وعدہ (نمبر {n})، حقیقی نہیں۔"


@dataclass
class Council:
    """A council whose area the commitments are in, with its offices and its periods."""

    place: object
    province: str
    offices: dict  # {period kind: office}
    periods: list
    places: list = field(default_factory=list)  # its place and every place under it
    local: list = field(default_factory=list)  # appointed offices in its area

    def kind_on(self, day):
        for period in self.periods:
            if period.start <= day <= period.end:
                return period.kind
        return cp.NONE

    def office_on(self, day):
        return self.offices.get(self.kind_on(day))


class Province:
    def __init__(self):
        self.councils, self.appointed, self.spokesman = [], [], None
        self.own = []  # every office of the province's own organisations


def _provinces(today):
    """{province slug: Province} read from the published curated records."""
    places = {j.pk: j for j in Jurisdiction.objects.published()}
    for place in places.values():
        place.parent = places.get(place.parent_id)

    def province_of(place):
        while place is not None and place.tier != JurisdictionTier.PROVINCE:
            place = place.parent
        return place

    tree = cp.place_tree()
    offices = list(Office.objects.published().select_related("organization").order_by("slug"))
    provinces = defaultdict(Province)
    for office in offices:
        place = places.get(office.organization.jurisdiction_id)
        province = province_of(place)
        if province is None or place is not province:
            continue
        provinces[province.slug].own.append(office)
        if office.kind == OfficeKind.APPOINTED:
            provinces[province.slug].appointed.append(office)
    for province in provinces.values():
        spokesmen = [o for k in PROVINCIAL_SPOKESMEN for o in province.own if k in o.title]
        province.spokesman = spokesmen[0] if spokesmen else None
    for council in cp.councils(today):
        place = places.get(council.jurisdiction_id)
        province = province_of(place)
        if province is None:
            continue
        own = {
            {OfficeKind.ELECTED: cp.ELECTED, OfficeKind.ADMINISTRATOR: cp.ADMINISTRATOR}[o.kind]: o
            for o in reversed(offices)
            if o.organization_id == council.organization.pk and o.kind != OfficeKind.APPOINTED
        }
        area = cp.under(tree, place.pk)
        found = Council(place, province.slug, own, council.periods)
        found.places = sorted(
            (places[pk] for pk in area if pk in places and (pk == place.pk or places[pk].tier != "division")),
            key=lambda p: p.slug,
        )
        found.local = [o for o in offices if o.kind == OfficeKind.APPOINTED and o.organization.jurisdiction_id in area]
        provinces[province.slug].councils.append(found)
    return provinces


def _held(tenures, office, day):
    return any(t.start_date <= day and (t.end_date is None or day <= t.end_date) for t in tenures.get(office.pk, []))


def plan(today):
    """Unsaved commitments, with their parts, and the day each became known to the tracker."""
    provinces = _provinces(today)
    tenures = defaultdict(list)
    for tenure in Tenure.objects.filter(office__live=True).only("office_id", "start_date", "end_date"):
        tenures[tenure.office_id].append(tenure)
    rates = random.Random(SEED)
    delivery_rate = {(p, k): rates.uniform(0.22, 0.44) for p in PROVINCES for k in (cp.ELECTED, cp.ADMINISTRATOR)}
    used, planned = set(), []
    for n in range(1, COUNT + 1):
        record = _generate(n, provinces, tenures, delivery_rate, used, today)
        if record is not None:
            planned.append(record)
    return planned


# Districts made in the years the generated set covers (Keamari from Karachi West in 2020, Chaman from Killa
# Abdullah in 2021): a commitment made years earlier could not have named them, so none is placed there.
NEWER_DISTRICTS = ("Keamari", "Chaman")


def _newer_than_the_record(place):
    while place is not None:
        if any(place.name.startswith(name) for name in NEWER_DISTRICTS):
            return True
        place = place.parent
    return False


def _generate(n, provinces, tenures, delivery_rate, used, today):
    rnd = random.Random(f"{SEED}-{n}")
    province = provinces.get(PROVINCES[(n - 1) % len(PROVINCES)])
    if province is None:
        return None
    to_come = rnd.random() < STILL_TO_COME
    kind = rnd.choice([cp.ELECTED, cp.ADMINISTRATOR])
    if to_come:
        councils = [c for c in province.councils if c.periods and c.periods[-1].kind in c.offices]
    else:
        councils = [c for c in province.councils if kind in c.offices and any(p.kind == kind for p in c.periods)]
    if not councils:
        return None
    council = rnd.choice(councils)
    place = rnd.choice([p for p in council.places if not _newer_than_the_record(p)] or council.places)
    sector = rnd.choices(list(SECTOR_WEIGHTS), weights=list(SECTOR_WEIGHTS.values()))[0]
    templates = TEMPLATES[sector]
    first = rnd.randrange(len(templates))
    order = templates[first:] + templates[:first]
    english, urdu = next((t for t in order if (t[0], place.pk) not in used), order[0])
    used.add((english, place.pk))
    figure = rnd.randint(3, 40)
    title = english.format(n=figure, place=place.name)
    title_ur = urdu.format(n=figure, place=place.name_ur)

    # Dates: drawn apart from the above, so that a commitment keeps its title (and slug) on later days.
    # Nothing is promised in a council's name before its first recorded holder took office.
    dates = random.Random(f"{SEED}-{n}-dates")
    first_made = max(FIRST_MADE, council.periods[0].start + 30 * DAY)
    if to_come:
        kind = council.periods[-1].kind
        deadline = today + datetime.timedelta(days=dates.randint(60, 720))
        made_on = max(first_made, today - datetime.timedelta(days=dates.randint(60, 700)))
    else:
        first_due, last_due = max(FIRST_DEADLINE, first_made + 150 * DAY), today - 20 * DAY
        periods = [
            (max(p.start, first_due), min(p.end, last_due))
            for p in council.periods
            if p.kind == kind and min(p.end, last_due) >= max(p.start, first_due)
        ]
        if not periods:
            return None
        start, end = dates.choices(periods, weights=[(e - s).days + 1 for s, e in periods])[0]
        deadline = _day_between(dates, start, end)
        made_on = max(first_made, deadline - datetime.timedelta(days=dates.randint(180, 900)))

    answering = council.offices[kind]
    implementer = _implementer(sector, council, province)
    political, administrative = answering, [implementer]
    spokesman = province.spokesman
    provincial = dates.random() < 0.25 and spokesman is not None and spokesman.kind == OfficeKind.ELECTED
    if kind == cp.ADMINISTRATOR and provincial and _held(tenures, spokesman, made_on):
        # A provincial promise for the city, which the administrator carries out.
        political, administrative = spokesman, [answering, implementer]
    maker = next(
        (o for o in (political, council.office_on(made_on), province.spokesman) if o and _held(tenures, o, made_on)),
        political,
    )
    commitment = Commitment(
        slug=f"{slugify(title)[:90]}-{n}",
        title=title,
        title_ur=title_ur,
        text=TEXT.format(title=title, n=n),
        text_ur=TEXT_UR.format(title=title_ur, n=n),
        made_by_office=maker,
        made_on=made_on,
        source_quote=dates.choice(QUOTES).format(deadline=deadline),
        sector=sector,
        jurisdiction=place,
        deadline=deadline,
    )
    owners = [CommitmentOwner(office=political, role=Role.POLITICAL)]
    owners += [CommitmentOwner(office=office, role=Role.ADMINISTRATIVE) for office in administrative]
    others = [o for o in council.local + province.appointed if o not in administrative]
    if others and dates.random() < 0.2:
        owners.append(CommitmentOwner(office=dates.choice(others), role=Role.SUPPORTING))

    rate = delivery_rate[(PROVINCES[(n - 1) % len(PROVINCES)], kind)]
    # Nothing reported in the last two days: the tracker published it all in an hour that has ended.
    horizon = today - 2 * DAY
    steps = _steps(dates, made_on, deadline, horizon, rate, to_come)
    with_history(commitment, dates, steps, today=horizon, number=n, key="local", recorded_within=7, progress=(10, 90))
    previous = commitment.status
    closed = steps[-1][1] if steps and previous in S.terminal() else None
    started = next((day for status, day in steps if status == S.IN_PROGRESS), None)
    movements = _movements(dates, council, province, maker, implementer, made_on, started, closed or horizon)

    announced = _source(dates, made_on, f"{maker.title}: {title}", commitment.source_quote, n, 0, key="local")
    commitment.owners = owners
    commitment.movements = movements
    commitment.sources = [CommitmentSource(**announced)]
    changes = commitment.status_changes.all()
    known = max(
        [made_on + 7 * DAY] + [c.recorded_on + 2 * DAY for c in changes] + [m.arrived_on + 2 * DAY for m in movements]
    )
    return commitment, known


def _implementer(sector, council, province):
    for keyword in (*IMPLEMENTERS[sector], "Local Government"):
        for office in council.local + province.appointed:
            if keyword in office.title:
                return office
    return (council.local or province.appointed)[0]


def _steps(rnd, made_on, deadline, today, rate, to_come):
    """[(status, day)]: the way to an outcome drawn at `rate` of delivery, cut short at today."""
    span = (deadline - made_on).days
    start = made_on + datetime.timedelta(days=rnd.randint(20, max(21, min(240, span // 2))))

    def after(day, low, high):
        return day + datetime.timedelta(days=rnd.randint(low, high))

    if to_come:
        outcome = rnd.choices(["open", "stalled", "delivered", "withdrawn"], weights=[70, 15, 10, 5])[0]
    else:
        rest = 1 - rate
        outcome = rnd.choices(
            ["delivered", "partially", "broken", "stalled", "withdrawn", "open"],
            weights=[rate, rest * 0.24, rest * 0.2, rest * 0.24, rest * 0.06, rest * 0.26],
        )[0]
    if outcome == "delivered":
        planned = [(S.IN_PROGRESS, start), (S.DELIVERED, after(deadline, -120, 240))]
    elif outcome == "partially":
        planned = [(S.IN_PROGRESS, start)]
        if rnd.random() < 0.5:
            planned.append((S.STALLED, after(start, 60, max(61, span))))
        planned.append((S.PARTIALLY_DELIVERED, after(deadline, 0, 300)))
    elif outcome == "broken":
        planned = [(S.BROKEN, after(deadline, 10, 150))]
    elif outcome == "stalled":
        planned = [(S.IN_PROGRESS, start), (S.STALLED, after(start, 90, max(91, span + 200)))]
    elif outcome == "withdrawn":
        planned = [(S.IN_PROGRESS, start), (S.STALLED, after(start, 60, 400))]
        planned.append((S.WITHDRAWN, after(planned[-1][1], 60, 400)))
    else:
        planned = [(S.IN_PROGRESS, start)] if rnd.random() < 0.75 else []
    steps, previous = [], made_on
    for status, day in planned:
        day = max(day, previous + 15 * DAY)
        if day > today:
            break
        steps.append((status, day))
        previous = day
    return steps


def _movements(rnd, council, province, maker, implementer, made_on, started, until):
    """The file's way: from the council (or whoever made the promise) to the department to prepare the
    scheme, back to the council for approval and to the province for funds, all before work began on
    `started` (when it did), then to the department with the work order; nothing after `until`."""
    funds = next((o for k in FUNDS for o in province.appointed if k in o.title), implementer)
    route = ["council", "implementer", "approval", "funds"][: rnd.randint(2, 4)]
    if started is not None:
        gap = (started - made_on).days
        route = route[: max(1, min(len(route), gap - 1))]
        days = sorted(made_on + datetime.timedelta(days=d) for d in rnd.sample(range(1, gap), len(route)))
        route.append("works")
        days.append(started + datetime.timedelta(days=rnd.randint(0, 10)))
    else:
        days, day = [], made_on
        for _stop in route:
            day = day + datetime.timedelta(days=rnd.randint(3, 25) if not days else rnd.randint(20, 200))
            days.append(day)
    movements = []
    for stop, day in zip(route, days, strict=True):
        if day > until:
            break
        if stop in ("council", "approval"):
            office = council.office_on(day) or maker
            if stop == "council":
                note = "Directed to prepare the scheme"
            elif office.kind == OfficeKind.ADMINISTRATOR:
                note = "Approved by the administrator"
            else:
                note = "Approved by the council" if office in council.offices.values() else "Approval"
        elif stop == "funds":
            office, note = funds, "Funds requested"
        else:
            office = implementer
            note = "Scheme prepared" if stop == "implementer" else "Work order issued"
        movements.append(Movement(office=office, arrived_on=day, note=note, note_ur=ur.MOVEMENT_NOTES[note]))
    return movements


def load_local_commitments(*, user, today, report):
    """Publish the generated local commitments that are missing, each group at the start of the month
    after the last event of any of its commitments (and never before the tracker began, or after now)."""
    planned = plan(today)
    existing = set(Commitment.objects.filter(slug__in=[c.slug for c, _known in planned]).values_list("slug", flat=True))
    organisation = demo_editing_organisation()
    by_month = defaultdict(list)
    for commitment, known in planned:
        if commitment.slug in existing:
            report.note(Commitment, added=False)
            continue
        commitment.maintained_by = organisation
        by_month[(known.year, known.month)].append(commitment)
    # At the latest in the hour before this one, which has ended: a signed digest covers it.
    began = tracker_began()
    ended = (timezone.now() - SETTLE).replace(minute=0, second=0, microsecond=0)
    latest = ended - datetime.timedelta(minutes=1)
    for (year, month), records in sorted(by_month.items()):
        following = datetime.date(year + month // 12, month % 12 + 1, 1)
        moment = min(max(sample_moment(following, hour=9), began), latest)
        publish_new_records(Commitment, records, user=user, summary=SUMMARY, published_at=moment)
        for _record in records:
            report.note(Commitment, added=True)

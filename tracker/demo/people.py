"""Fictional office holders and their tenures.

Every name is assembled from common given names and family names and was checked against the
names of well-known office holders; none is meant to be a real person, and each person's summary
says so. Tenures follow real patterns: Deputy Commissioners and Secretaries transferred every one
to two years, chief ministers elected for a term and replaced by a caretaker before elections,
councils that lapsed and were run by appointed administrators, acting and additional charges while
a substantive holder is away, and a post left vacant for weeks.
"""

import datetime
import random
from dataclasses import dataclass

from tracker.demo.places import office_rows
from tracker.models.vocabulary import OfficeKind, TenureEnd, TenureStart

D = datetime.date
RESTORED_BY_COURT = "Council restored by court order (illustrative)"
FICTIONAL = "A fictional person invented for the sample data. Any likeness to a real official is coincidental."

GIVEN_NAMES = [
    "Abdul Basit", "Abdul Hameed", "Abdul Rauf", "Adeel", "Ahsan", "Aftab", "Amir", "Arsalan", "Asghar",
    "Atif", "Babar", "Bilal", "Daud", "Fahad", "Farhan", "Ghulam Rasool", "Gul Muhammad", "Habibullah",
    "Hamid", "Haroon", "Hassan", "Ijaz", "Irfan", "Jamaluddin", "Junaid", "Kamran", "Kashif", "Khalid",
    "Mansoor", "Mehboob", "Muneer", "Naseebullah", "Nasir", "Noman", "Obaidullah", "Qaiser", "Rafiq",
    "Rehan", "Saad", "Sajid", "Salman", "Shafiq", "Shakeel", "Sohail", "Tahir", "Tanveer", "Umair",
    "Waqas", "Yasir", "Zafar", "Zeeshan", "Amna", "Ayesha", "Bushra", "Farah", "Fatima", "Hina",
    "Kiran", "Mehwish", "Nadia", "Nazia", "Rabia", "Rukhsana", "Sadia", "Saima", "Samina", "Sana",
    "Shazia", "Sidra", "Tahira", "Uzma", "Zainab",
]  # fmt: skip
FAMILY_NAMES = {
    "Balochistan": [
        "Kakar", "Tareen", "Kasi", "Durrani", "Khilji", "Panezai", "Mandokhail", "Shahwani", "Rind", "Lango",
    ],
    "Punjab": ["Chaudhry", "Malik", "Butt", "Awan", "Siddiqui", "Cheema", "Gondal", "Warraich", "Bhatti", "Khokhar"],
    "Sindh": ["Memon", "Abro", "Channa", "Pirzada", "Qazi", "Siyal", "Dahri", "Kalhoro", "Unar", "Samoon"],
    "Khyber Pakhtunkhwa": ["Marwat", "Bangash", "Orakzai", "Swati", "Durrani", "Yousafzai", "Mohmand", "Shinwari"],
    "Federal": ["Hashmi", "Ansari", "Rizvi", "Zaidi", "Farooqi", "Qureshi", "Abbasi", "Mirza", "Raja", "Kiyani"],
}  # fmt: skip
# Other spellings of the names (each person's `other_names`, which search finds them by).
OTHER_SPELLINGS = {
    "Hina": ["Heena"], "Zainab": ["Zenab"], "Ayesha": ["Aisha"], "Fatima": ["Fatma"], "Haroon": ["Harun"],
    "Daud": ["Dawood"], "Umair": ["Omair"], "Mehwish": ["Mahwish"], "Noman": ["Nouman"], "Zeeshan": ["Zishan"],
    "Qaiser": ["Kaiser"], "Yasir": ["Yasser"], "Rehan": ["Raihan"], "Mehboob": ["Mahboob"], "Ijaz": ["Aijaz"],
    "Chaudhry": ["Chaudhary", "Choudhry"], "Kiyani": ["Kayani", "Kiani"], "Siddiqui": ["Siddiqi"],
    "Yousafzai": ["Yousufzai", "Yusufzai"], "Qureshi": ["Kureshi"], "Memon": ["Memen"], "Durrani": ["Durani"],
}  # fmt: skip


def other_names(name):
    """A person's other names: the name with each part spelt the other ways ("Heena Shahwani")."""
    parts = name.split()
    return ", ".join(
        " ".join(parts[:i] + [other] + parts[i + 1 :])
        for i, part in enumerate(parts)
        for other in OTHER_SPELLINGS.get(part, [])
    )


# Names of well-known office holders that the combinations above could produce; never used.
NOT_USED = {"Hamid Mir", "Fatima Jinnah", "Shazia Marri", "Farah Khan"}

REGION_OF_ORGANISATION_PLACE = {
    "balochistan": "Balochistan",
    "punjab": "Punjab",
    "sindh": "Sindh",
    "khyber-pakhtunkhwa": "Khyber Pakhtunkhwa",
}


@dataclass
class TenurePlan:
    person: str
    start: datetime.date
    end: datetime.date | None
    how: str
    end_reason: str = ""
    notification: str = ""


class Roster:
    """Invents people and hands out one who is free for a posting, so nobody holds two full-charge
    posts at once (acting and additional charges come on top of a post, so they are not checked)."""

    def __init__(self, seed):
        self.random = random.Random(seed)
        self.busy = {}  # name -> [(start, end)]
        self.region = {}
        self.used = set(NOT_USED)

    def _new_name(self, region):
        families = FAMILY_NAMES[region.split(":")[0]]
        for _ in range(1000):
            name = f"{self.random.choice(GIVEN_NAMES)} {self.random.choice(families)}"
            if name not in self.used:
                self.used.add(name)
                self.busy[name] = []
                self.region[name] = region
                return name
        raise RuntimeError("Ran out of fictional names")

    def free(self, name, start, end):
        far = D(9999, 1, 1)
        return all(start > (e or far) or (end or far) < s for s, e in self.busy[name])

    def take(self, start, end, region, *, reuse=True):
        """A person for a tenure; `region` is a province or 'Federal' (officers of the federal
        services), with ':elected' for politicians, who are not drawn from the civil servants."""
        candidates = [n for n in self.busy if self.region[n] == region and self.free(n, start, end)] if reuse else []
        name = self.random.choice(candidates) if candidates and self.random.random() < 0.6 else None
        name = name or self._new_name(region)
        self.busy[name].append((start, end))
        return name


def _notification(seed, start, how=TenureStart.POSTED):
    rnd = random.Random(f"{seed}-{start}")
    if how == TenureStart.ELECTED:
        return f"Election Commission notification of {start:%d %B %Y} (illustrative)"
    if how == TenureStart.ACTING and rnd.random() < 0.5:
        return f"Caretaker set-up notification of {start:%d %B %Y} (illustrative)"
    return f"Notification No. SO(S-I)/{rnd.randint(2, 40)}-{rnd.randint(1, 300)}/{start.year} (illustrative)"


def rotation(roster, slug, region, first_start, today, *, until=None, how=None, last_reason=None):
    """Officers posted one after another, each transferred after one to two years; the last one is
    still in post (or leaves on `until`, for `last_reason` when given: a charge that ended)."""
    rnd = random.Random(slug)
    plans, start = [], first_start
    while True:
        end = start + datetime.timedelta(days=rnd.randint(330, 760))
        if until and end >= until:
            end = until
        elif end >= today - datetime.timedelta(days=90):
            end = None
        if how:
            started = how
        else:
            started = TenureStart.POSTED if not plans else rnd.choice([TenureStart.POSTED, TenureStart.TRANSFERRED])
        person = roster.take(start, end, region)
        reason = "" if end is None else rnd.choice([TenureEnd.TRANSFERRED] * 6 + [TenureEnd.RETIRED])
        if last_reason and end is not None and end == until:
            reason = last_reason
        plans.append(TenurePlan(person, start, end, started, reason, _notification(person, start, started)))
        if end is None or end == until:
            return plans
        start = end + datetime.timedelta(days=1)


RESTORED = "restored"


def elected_terms(roster, region, terms):
    """Elected holders, a new person each term; terms are (start, end, end reason[, how]), where how
    RESTORED means the previous holder back in office (a council restored by the courts)."""
    plans = []
    for start, end, reason, *how in terms:
        started = how[0] if how else TenureStart.ELECTED
        if started == RESTORED:
            name, started, notification = plans[-1].person, TenureStart.ELECTED, RESTORED_BY_COURT
            roster.busy[name].append((start, end))
        else:
            name = roster.take(start, end, f"{region}:elected", reuse=False)
            notification = _notification(name, start, started)
        plans.append(TenurePlan(name, start, end, started, reason, notification))
    return plans


def fixed(roster, region, rows):
    """Tenures with given dates: (start, end, how, end reason)."""
    plans = []
    for start, end, how, reason in rows:
        name = roster.take(start, end, region)
        plans.append(TenurePlan(name, start, end, how, reason, _notification(name, start, how)))
    return plans


PROVINCIAL_TERMS = [
    (D(2018, 8, 18), D(2023, 8, 12), TenureEnd.TERM_ENDED),
    (D(2024, 3, 2), None, ""),
]
FEDERAL_TERMS = [
    (D(2018, 8, 20), D(2022, 4, 10), TenureEnd.REMOVED),
    (D(2022, 4, 19), D(2023, 8, 10), TenureEnd.TERM_ENDED),
    (D(2024, 3, 11), None, ""),
]
LOCAL_TERMS = {
    # The councils elected in 2015-16 and their successors, province by province (illustrative dates that
    # follow the real periods). Balochistan's lapsed in January 2019; the next were elected on 29 May 2022.
    # Punjab's were dissolved in May 2019 and restored by the courts for the last two months of their term
    # in 2021; none has been elected since. Sindh's term ended in August 2020; the next were elected in
    # 2022-23. Khyber Pakhtunkhwa's term ended in August 2019; the next were elected in December 2021 and
    # March 2022. Islamabad's term ended in February 2021; none has been elected since.
    "Balochistan": [(D(2015, 1, 28), D(2019, 1, 27), TenureEnd.COUNCIL_LAPSED), (D(2022, 6, 30), None, "")],
    "Punjab": [
        (D(2017, 1, 1), D(2019, 5, 4), TenureEnd.COUNCIL_LAPSED),
        (D(2021, 10, 27), D(2021, 12, 31), TenureEnd.TERM_ENDED, RESTORED),
    ],
    "Sindh": [(D(2016, 8, 30), D(2020, 8, 28), TenureEnd.TERM_ENDED), (D(2023, 6, 15), None, "")],
    "Khyber Pakhtunkhwa": [(D(2015, 8, 30), D(2019, 8, 28), TenureEnd.TERM_ENDED), (D(2022, 1, 12), None, "")],
    "Federal": [(D(2016, 2, 24), D(2021, 2, 14), TenureEnd.TERM_ENDED)],
}
# When appointed administrators ran the councils of each province ("Federal": Islamabad's), between the
# elected terms above: (first day, last day or None while it lasts). Punjab's restored councils' term ended
# on 31 December 2021 and no administrator was notified until June 2022: no holder is recorded in between.
ADMINISTRATOR_PERIODS = {
    "Balochistan": [(D(2019, 1, 28), D(2022, 6, 29))],
    "Punjab": [(D(2019, 5, 5), D(2021, 10, 26)), (D(2022, 6, 1), None)],
    "Sindh": [(D(2020, 8, 30), D(2023, 6, 14))],
    "Khyber Pakhtunkhwa": [(D(2019, 8, 29), D(2022, 1, 11))],
    "Federal": [(D(2021, 2, 15), None)],
}


def administrators(roster, slug, region, today):
    """Administrators posted one after another through each of the province's administrator periods; each
    period's last one leaves when an elected council takes over (or the courts restore one)."""
    plans = []
    for n, (start, until) in enumerate(ADMINISTRATOR_PERIODS[region]):
        plans += rotation(
            roster,
            slug if n == 0 else f"{slug}-{n + 1}",
            region,
            start,
            today,
            until=until,
            how=TenureStart.APPOINTED_ADMINISTRATOR,
            last_reason=TenureEnd.CHARGE_ENDED,
        )
    return plans


def special_plans(roster, today):
    """Offices whose history shows a particular pattern, keyed by office slug."""
    charge_ended = TenureEnd.CHARGE_ENDED
    transferred, administrator = TenureEnd.TRANSFERRED, TenureStart.APPOINTED_ADMINISTRATOR
    posted, transferred_in = TenureStart.POSTED, TenureStart.TRANSFERRED
    plans = {}
    # A chief minister who resigned mid-term, a successor elected by the assembly, a caretaker
    # (recorded as acting) during the elections, and the current one.
    plans["chief-minister-balochistan"] = elected_terms(
        roster,
        "Balochistan",
        [
            (D(2013, 6, 7), D(2018, 5, 31), TenureEnd.TERM_ENDED),
            (D(2018, 8, 19), D(2021, 10, 24), TenureEnd.RESIGNED),
            (D(2021, 10, 29), D(2023, 8, 12), TenureEnd.TERM_ENDED),
            (D(2023, 8, 18), D(2024, 3, 1), charge_ended, TenureStart.ACTING),
            (D(2024, 3, 2), None, ""),
        ],
    )
    # Lahore: lapsed in May 2019 and run by administrators; the courts restored the council for the
    # last two months of its term in 2021 (the administrator's charge ended); after its term ended no
    # holder is recorded until administrators were appointed again in June 2022.
    plans["administrator-metropolitan-corporation-lahore"] = fixed(
        roster,
        "Punjab",
        [
            (D(2019, 5, 5), D(2020, 4, 30), administrator, transferred),
            (D(2020, 5, 1), D(2021, 10, 26), administrator, charge_ended),
            (D(2022, 6, 1), D(2023, 3, 31), administrator, transferred),
            (D(2023, 4, 1), None, administrator, ""),
        ],
    )
    plans["lord-mayor-of-lahore"] = elected_terms(roster, "Punjab", LOCAL_TERMS["Punjab"])
    # Karachi: a mayor whose term ended, three administrators, then an elected mayor again.
    plans["administrator-karachi"] = fixed(
        roster,
        "Sindh",
        [
            (D(2020, 8, 30), D(2021, 11, 10), administrator, transferred),
            (D(2021, 11, 11), D(2022, 2, 14), administrator, TenureEnd.REMOVED),
            (D(2022, 2, 15), D(2023, 6, 14), administrator, charge_ended),
        ],
    )
    # An acting secretary while the substantive secretary was away (overlapping, as the rules allow).
    plans["secretary-health-balochistan"] = fixed(
        roster,
        "Federal",
        [
            (D(2017, 2, 1), D(2019, 6, 30), posted, transferred),
            (D(2019, 7, 1), D(2021, 2, 28), transferred_in, transferred),
            (D(2021, 3, 1), D(2023, 1, 31), posted, transferred),
            (D(2023, 2, 1), None, transferred_in, ""),
        ],
    )
    plans["secretary-health-balochistan"][3:3] = fixed(
        roster, "Balochistan", [(D(2022, 6, 1), D(2022, 7, 15), TenureStart.ACTING, charge_ended)]
    )
    # The post left vacant for ten weeks in 2021: a gap between two tenures.
    plans["secretary-science-it-balochistan"] = rotation(
        roster, "secretary-science-it-balochistan", "Federal", D(2017, 1, 15), today, until=D(2021, 2, 28)
    ) + rotation(roster, "secretary-science-it-balochistan-2", "Federal", D(2021, 5, 15), today)
    # Chaman became a district in 2021; while its deputy commissioner was on leave, the deputy
    # commissioner of neighbouring Killa Abdullah held additional charge.
    plans["deputy-commissioner-killa-abdullah"] = fixed(
        roster,
        "Balochistan",
        [
            (D(2018, 3, 1), D(2019, 9, 30), posted, transferred),
            (D(2019, 10, 1), D(2021, 10, 31), transferred_in, transferred),
            (D(2021, 11, 1), D(2023, 4, 30), posted, transferred),
            (D(2023, 5, 1), None, transferred_in, ""),
        ],
    )
    plans["deputy-commissioner-chaman"] = fixed(
        roster,
        "Balochistan",
        [
            (D(2021, 7, 5), D(2022, 12, 31), posted, transferred),
            (D(2023, 1, 1), D(2024, 6, 30), transferred_in, transferred),
            (D(2024, 7, 1), None, posted, ""),
        ],
    )
    neighbour = plans["deputy-commissioner-killa-abdullah"][2].person
    start = D(2022, 9, 1)
    plans["deputy-commissioner-chaman"].insert(
        1,
        TenurePlan(
            neighbour,
            start,
            D(2022, 10, 15),
            TenureStart.ADDITIONAL_CHARGE,
            charge_ended,
            _notification(neighbour, start, TenureStart.ADDITIONAL_CHARGE),
        ),
    )
    return plans


def tenure_plans(today, organisation_regions):
    """{office slug: [TenurePlan]} for every curated office (the same on every run, except that
    whoever is in post `today` stays in post)."""
    roster = Roster("tracker-demo-people")
    plans = special_plans(roster, today)
    for slug, _title, kind, org_slug in office_rows():
        if slug in plans:
            continue
        region = organisation_regions.get(org_slug, "Federal")
        if kind == OfficeKind.ELECTED:
            if slug.startswith("federal-minister"):
                terms = FEDERAL_TERMS
            elif slug.startswith(("chief-minister", "minister")):
                terms = PROVINCIAL_TERMS
            else:
                terms = LOCAL_TERMS[region]
            plans[slug] = elected_terms(roster, region, terms)
        elif kind == OfficeKind.ADMINISTRATOR:
            plans[slug] = administrators(roster, slug, region, today)
        else:
            officer_region = "Federal" if "secretary" in slug or "chairman" in slug else region
            start = D(2016, 1, 1) + datetime.timedelta(days=random.Random(slug).randint(0, 200))
            plans[slug] = rotation(roster, slug, officer_region, start, today)
    return plans


def region_of(organisation):
    """The province an organisation belongs to (walking up its jurisdiction), or 'Federal'."""
    place = organisation.jurisdiction
    while place is not None:
        if place.slug in REGION_OF_ORGANISATION_PLACE:
            return REGION_OF_ORGANISATION_PLACE[place.slug]
        place = place.parent
    return "Federal"

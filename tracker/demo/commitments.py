"""Curated illustrative commitments and decisions.

The offices are real; the promises, dates, statuses, quotes and sources are invented (the sources
point at example.org-style addresses and name illustrative publishers), so they show what the
tracker does without claiming anything about real officials.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.text import slugify

from tracker import publishing
from tracker.demo import publish_if_missing, sample_moment, tracker_began
from tracker.demo import urdu as ur
from tracker.models import (
    Commitment,
    CommitmentOwner,
    CommitmentSource,
    Decision,
    DecisionCommitment,
    DecisionSource,
    Movement,
    StatusChange,
)
from tracker.models.vocabulary import CommitmentStatus as S
from tracker.models.vocabulary import DecisionKind, Sector, SourceKind
from tracker.models.vocabulary import OwnershipRole as Role

D = datetime.date

NEWS = [
    ("https://news.example.org", "Example Daily News (illustrative)"),
    ("https://www.example.com/reports", "Example Weekly (illustrative)"),
    ("https://monitor.example.net", "Example Citizens' Monitor (illustrative)"),
]
GOVERNMENT_COPY = ("https://documents.example.org", "Sample copy of a government document (illustrative)")

# What a report of each status typically says, when a step gives no quote of its own.
USUAL_QUOTE = {
    S.IN_PROGRESS: "Officials said work had begun and the first instalment of funds had been released.",
    S.STALLED: "No work has been done for months; officials blamed unreleased funds and pending approvals.",
    S.PARTIALLY_DELIVERED: "Part of the work was completed, officials said, but the rest has been dropped.",
    S.DELIVERED: "The facility was formally opened and is now in use, officials said.",
    S.BROKEN: "The deadline passed without the work being started.",
    S.WITHDRAWN: "The government said the plan had been shelved.",
    S.NOT_STARTED: "Officials said the scheme had been sent back for revision before any work could begin.",
}
USUAL_PROGRESS = {
    S.NOT_STARTED: 0,
    S.IN_PROGRESS: 35,
    S.STALLED: 20,
    S.PARTIALLY_DELIVERED: 60,
    S.DELIVERED: 100,
    S.BROKEN: 5,
    S.WITHDRAWN: 0,
}


@dataclass
class Step:
    on: datetime.date
    status: str
    headline: str
    quote: str = ""
    progress: int | None = None


@dataclass
class Promise:
    title: str
    sector: str
    place: str  # jurisdiction slug
    made_by: str  # office slug
    made_on: datetime.date
    deadline: datetime.date | int | None  # an int: that many years ahead of today (still to come)
    text: str
    quote: str
    political: list[str]
    administrative: list[str]
    steps: list[Step] = field(default_factory=list)
    moves: list[tuple[str, datetime.date, str]] = field(default_factory=list)
    supporting: list[str] = field(default_factory=list)
    title_ur: str = ""
    revisions: int = 1  # publish in this many steps, the last steps added one publish at a time
    slug: str = ""

    def __post_init__(self):
        self.slug = self.slug or slugify(self.title)[:100]


def step(on, status, headline, quote="", progress=None):
    return Step(on, status, headline, quote, progress)


FILE_TRACKING = Promise(
    slug="file-tracking-system-for-the-balochistan-secretariat",
    title="File tracking system for the Balochistan Civil Secretariat",
    title_ur="بلوچستان سول سیکرٹریٹ کے لیے فائل ٹریکنگ سسٹم",
    sector=Sector.E_GOVERNANCE,
    place="balochistan",
    made_by="chief-minister-balochistan",
    made_on=D(2019, 3, 14),
    deadline=D(2020, 6, 30),
    text=(
        "An electronic file tracking system for every department of the Civil Secretariat in Quetta, so "
        "that anyone can see where a file is and how many days it has waited with each office, with a "
        "public summary of pending files."
    ),
    quote=(
        "Within a year every file in the secretariat will be tracked online. No file will sit on a table "
        "for weeks without anyone knowing where it is."
    ),
    political=["chief-minister-balochistan"],
    administrative=["chief-secretary-balochistan", "secretary-science-it-balochistan"],
    supporting=["secretary-finance-balochistan"],
    moves=[
        ("secretary-science-it-balochistan", D(2019, 4, 2), "Directed to prepare the PC-1"),
        ("acs-development-balochistan", D(2019, 8, 20), "PC-1 sent for approval"),
        ("secretary-finance-balochistan", D(2019, 12, 5), "Approved scheme sent for release of funds"),
        ("secretary-science-it-balochistan", D(2020, 9, 14), "First instalment released; procurement"),
        ("chief-secretary-balochistan", D(2021, 6, 1), "Tender cancelled; referred for a decision"),
        ("secretary-science-it-balochistan", D(2022, 11, 20), "Returned to revise the PC-1"),
    ],
    steps=[
        step(
            D(2019, 9, 10),
            S.IN_PROGRESS,
            "Provincial Development Working Party approves the secretariat file tracking scheme",
            "The working party approved the scheme at a cost of Rs45 million, to be completed by June 2020.",
            10,
        ),
        step(
            D(2021, 2, 15),
            S.STALLED,
            "Secretariat file tracking scheme stalls as second instalment is withheld",
            "The software has been bought but the second instalment has not been released, and the "
            "servers have not been installed.",
            25,
        ),
    ],
    revisions=3,
)

B, P = "balochistan", "punjab"
CM_B, CM_P, CM_S, CM_K = (
    "chief-minister-balochistan",
    "chief-minister-punjab",
    "chief-minister-sindh",
    "chief-minister-khyber-pakhtunkhwa",
)
CS_B, CS_P = "chief-secretary-balochistan", "chief-secretary-punjab"
SED_B, HEALTH_B, LG_B, PHE_B, SIT_B, FIN_B = (
    "secretary-school-education-balochistan",
    "secretary-health-balochistan",
    "secretary-local-government-balochistan",
    "secretary-phe-balochistan",
    "secretary-science-it-balochistan",
    "secretary-finance-balochistan",
)
SED_P, HEALTH_P, LG_P, PHE_P, FIN_P = (
    "secretary-school-education-punjab",
    "secretary-primary-secondary-healthcare-punjab",
    "secretary-local-government-punjab",
    "secretary-housing-phe-punjab",
    "secretary-finance-punjab",
)

PROMISES = [
    FILE_TRACKING,
    # --- Balochistan: e-governance
    Promise(
        "Online complaint portal for every provincial department",
        Sector.E_GOVERNANCE,
        B,
        CM_B,
        D(2019, 1, 10),
        D(2019, 12, 31),
        "A single website and mobile application where citizens file complaints against any provincial "
        "department and follow what happens to them.",
        "Every complaint will get a number, an officer and a deadline.",
        [CM_B],
        [CS_B, SIT_B],
        [
            step(D(2019, 6, 3), S.IN_PROGRESS, "Complaint portal enters testing in five departments"),
            step(D(2020, 2, 20), S.DELIVERED, "Provincial complaint portal opens to the public", progress=100),
        ],
        [(SIT_B, D(2019, 2, 1), "Asked to build the portal"), (CS_B, D(2019, 11, 15), "Departments told to join")],
        revisions=2,
    ),
    Promise(
        "Computerised land records for Quetta district",
        Sector.E_GOVERNANCE,
        "quetta-district",
        CM_B,
        D(2019, 5, 2),
        D(2021, 6, 30),
        "Scan and computerise the land records of every mouza of Quetta district and open a land record "
        "service centre where owners get a computerised copy.",
        "No one will have to bribe a patwari for a copy of their own land record.",
        [CM_B],
        ["senior-member-board-of-revenue-balochistan", "deputy-commissioner-quetta"],
        [
            step(D(2020, 1, 14), S.IN_PROGRESS, "Scanning of Quetta land records begins"),
            step(D(2022, 8, 30), S.PARTIALLY_DELIVERED, "Land record centre opens with half the mouzas done", "", 55),
        ],
        [("senior-member-board-of-revenue-balochistan", D(2019, 6, 1), "Scheme prepared")],
    ),
    Promise(
        "Biometric attendance for doctors and teachers in Quetta division",
        Sector.E_GOVERNANCE,
        "quetta-division",
        CM_B,
        D(2020, 9, 21),
        D(2021, 12, 31),
        "Biometric attendance machines in every district hospital, rural health centre and high school of "
        "Quetta division, with monthly reports of absence.",
        "Ghost employees will be caught within months.",
        [CM_B],
        [SIT_B, "commissioner-quetta-division"],
        [step(D(2021, 5, 4), S.IN_PROGRESS, "Attendance machines installed in Quetta hospitals")],
        [(SIT_B, D(2020, 10, 1), "Procurement of machines")],
    ),
    Promise(
        "Online tracking of development schemes in the provincial ADP",
        Sector.E_GOVERNANCE,
        B,
        CM_B,
        D(2021, 11, 8),
        D(2022, 12, 31),
        "Every scheme in the Annual Development Programme listed online with its cost, funds released and "
        "physical progress, updated monthly.",
        "The people will see where every rupee of the ADP goes.",
        [CM_B],
        ["acs-development-balochistan"],
        [
            step(D(2022, 3, 1), S.IN_PROGRESS, "Planning department starts uploading ADP schemes"),
            step(D(2023, 5, 12), S.STALLED, "ADP tracking website not updated for seven months"),
        ],
        [("acs-development-balochistan", D(2021, 12, 1), "Directed to build the dashboard")],
    ),
    # --- Balochistan: education
    Promise(
        "Reopen closed government schools across Balochistan",
        Sector.EDUCATION,
        B,
        CM_B,
        D(2018, 10, 1),
        D(2020, 3, 31),
        "Reopen government primary schools that have been closed for want of teachers, by posting teachers "
        "on contract from the same union council.",
        "No child in Balochistan will find the school door locked.",
        [CM_B, "minister-school-education-balochistan"],
        [SED_B],
        [
            step(D(2019, 4, 15), S.IN_PROGRESS, "First closed schools reopen with contract teachers"),
            step(D(2020, 6, 20), S.PARTIALLY_DELIVERED, "Hundreds of schools reopened, many still closed", "", 60),
        ],
        [(SED_B, D(2018, 10, 15), "List of closed schools compiled"), (FIN_B, D(2019, 1, 10), "Posts sanctioned")],
        revisions=2,
    ),
    Promise(
        "Teachers for girls' primary schools in Pishin",
        Sector.EDUCATION,
        "pishin-district",
        "minister-school-education-balochistan",
        D(2019, 2, 18),
        D(2019, 12, 31),
        "Recruit female teachers for every girls' primary school of Pishin district that has none.",
        "Every girls' school in Pishin will have a teacher by the end of the year.",
        ["minister-school-education-balochistan"],
        [SED_B],
        [
            step(D(2019, 8, 1), S.IN_PROGRESS, "Test held for teacher posts in Pishin"),
            step(D(2020, 1, 25), S.DELIVERED, "Pishin girls' schools get their teachers"),
        ],
        [(SED_B, D(2019, 3, 1), "Posts advertised")],
        supporting=["deputy-commissioner-pishin"],
    ),
    Promise(
        "Water, toilets and boundary walls in Quetta's government schools",
        Sector.EDUCATION,
        "quetta-district",
        "minister-school-education-balochistan",
        D(2019, 9, 5),
        D(2021, 6, 30),
        "Provide the missing facilities (drinking water, toilets, boundary walls) in every government "
        "school of Quetta district.",
        "No school in Quetta will be without water or a toilet.",
        ["minister-school-education-balochistan"],
        [SED_B, "deputy-commissioner-quetta"],
        [
            step(D(2020, 2, 10), S.IN_PROGRESS, "Work on missing facilities begins in Quetta schools"),
            step(D(2021, 3, 8), S.STALLED, "Contractors stop work on school facilities over unpaid bills"),
        ],
        [(SED_B, D(2019, 10, 1), "Survey of schools"), (FIN_B, D(2020, 11, 2), "Bills sent for payment")],
    ),
    Promise(
        "Upgrade primary schools to middle schools in Zhob division",
        Sector.EDUCATION,
        "zhob-division",
        CM_B,
        D(2019, 7, 22),
        D(2021, 6, 30),
        "Upgrade 40 primary schools in Zhob, Sherani and Killa Saifullah districts to middle schools.",
        "Children in Zhob will not have to walk to another village after class five.",
        [CM_B],
        [SED_B, "deputy-commissioner-zhob"],
        [step(D(2021, 9, 1), S.BROKEN, "No Zhob school upgraded as the deadline passes")],
        [(SED_B, D(2019, 8, 1), "Schemes prepared"), ("acs-development-balochistan", D(2020, 1, 1), "Not in ADP")],
    ),
    Promise(
        "Free textbooks before the new school year",
        Sector.EDUCATION,
        B,
        "minister-school-education-balochistan",
        D(2024, 3, 20),
        D(2024, 4, 30),
        "Deliver free textbooks to every government school before classes begin in spring.",
        "Every child will have books on the first day.",
        ["minister-school-education-balochistan"],
        [SED_B],
        [step(D(2024, 4, 25), S.DELIVERED, "Textbooks reach schools before the new session")],
    ),
    Promise(
        "Girls' college hostel in Loralai",
        Sector.EDUCATION,
        "loralai-district",
        CM_B,
        D(2024, 5, 15),
        2,
        "Build a 100-bed hostel at the girls' degree college in Loralai for students from Barkhan, Musakhel and Duki.",
        "Distance will no longer stop our daughters from studying.",
        [CM_B],
        [SED_B, "deputy-commissioner-loralai"],
    ),
    # --- Balochistan: health
    Promise(
        "Round-the-clock trauma centre at Civil Hospital Quetta",
        Sector.HEALTH,
        "quetta-district",
        "minister-health-balochistan",
        D(2018, 11, 12),
        D(2020, 6, 30),
        "Staff and equip the trauma centre of Civil Hospital Quetta to run 24 hours a day.",
        "The injured will not be sent to Karachi any more.",
        ["minister-health-balochistan"],
        [HEALTH_B],
        [
            step(D(2019, 5, 2), S.IN_PROGRESS, "Trauma centre posts advertised"),
            step(D(2020, 5, 28), S.DELIVERED, "Quetta trauma centre begins 24-hour service"),
        ],
        [(HEALTH_B, D(2018, 12, 1), "Staffing plan"), (FIN_B, D(2019, 2, 15), "Posts sent for approval")],
        revisions=2,
    ),
    Promise(
        "Health insurance cards for every family in Balochistan",
        Sector.HEALTH,
        B,
        CM_B,
        D(2021, 12, 1),
        2,
        "Free inpatient treatment up to a yearly limit for every family registered in the province.",
        "No family will sell its land to pay a hospital bill.",
        [CM_B, "minister-health-balochistan"],
        [HEALTH_B],
        [step(D(2022, 10, 1), S.IN_PROGRESS, "Health cards issued in the first four districts", "", 40)],
        [(HEALTH_B, D(2022, 1, 5), "Insurer selection"), (FIN_B, D(2022, 4, 1), "Premium payment")],
        supporting=[FIN_B],
    ),
    Promise(
        "Staff and medicines for basic health units in Chaman",
        Sector.HEALTH,
        "chaman-district",
        "minister-health-balochistan",
        D(2021, 8, 16),
        D(2022, 6, 30),
        "Post a doctor and a lady health visitor to every basic health unit of the new Chaman district and "
        "supply essential medicines each quarter.",
        "Chaman's health units will no longer be empty buildings.",
        ["minister-health-balochistan"],
        [HEALTH_B, "deputy-commissioner-chaman"],
        [
            step(D(2022, 1, 20), S.IN_PROGRESS, "Doctors posted to Chaman health units"),
            step(D(2022, 11, 3), S.STALLED, "Chaman health units without medicines for a second quarter"),
        ],
        [("deputy-commissioner-chaman", D(2021, 9, 1), "Survey of units"), (HEALTH_B, D(2021, 10, 20), "Postings")],
    ),
    Promise(
        "Mobile vaccination teams for Killa Abdullah",
        Sector.HEALTH,
        "killa-abdullah-district",
        "minister-health-balochistan",
        D(2019, 1, 28),
        D(2020, 12, 31),
        "Mobile teams to vaccinate children in every union council of Killa Abdullah.",
        "No child will be missed.",
        ["minister-health-balochistan"],
        [HEALTH_B, "deputy-commissioner-killa-abdullah"],
        [
            step(D(2019, 6, 10), S.IN_PROGRESS, "Mobile vaccination teams start in Killa Abdullah"),
            step(D(2021, 2, 1), S.PARTIALLY_DELIVERED, "Teams cover most union councils; some remain out of reach"),
        ],
    ),
    Promise(
        "Gynaecology ward at the district headquarters hospital Sibi",
        Sector.HEALTH,
        "sibi-district",
        CM_B,
        D(2022, 2, 7),
        D(2023, 12, 31),
        "A 40-bed gynaecology ward with an operation theatre at the DHQ hospital in Sibi.",
        "Mothers in Sibi will not travel four hours to deliver.",
        [CM_B],
        [HEALTH_B, "deputy-commissioner-sibi"],
        [step(D(2022, 9, 12), S.IN_PROGRESS, "Construction of the Sibi ward begins")],
        [("secretary-cw-balochistan", D(2022, 5, 2), "Building work")],
    ),
    # --- Balochistan: water and sanitation
    Promise(
        "Bulk water supply scheme for Quetta city",
        Sector.WATER_SANITATION,
        "quetta-district",
        CM_B,
        D(2019, 2, 5),
        D(2023, 6, 30),
        "Bring water from a new storage dam to Quetta through a bulk pipeline and new reservoirs, to end "
        "the city's reliance on falling groundwater.",
        "Quetta will have water for the next thirty years.",
        [CM_B],
        [PHE_B, "managing-director-wasa-quetta"],
        [
            step(D(2019, 11, 18), S.IN_PROGRESS, "Work starts on Quetta bulk water pipeline"),
            step(D(2022, 4, 4), S.STALLED, "Quetta water pipeline work halted over land acquisition"),
            step(D(2023, 9, 20), S.IN_PROGRESS, "Pipeline work resumes after land dispute is settled", "", 50),
        ],
        [
            (PHE_B, D(2019, 3, 1), "PC-1"),
            ("deputy-commissioner-quetta", D(2021, 10, 5), "Land acquisition"),
            (PHE_B, D(2023, 8, 1), "Work resumed"),
        ],
        supporting=["deputy-commissioner-quetta"],
        revisions=2,
    ),
    Promise(
        "Repair of tube wells in Quetta Saddar",
        Sector.WATER_SANITATION,
        "quetta-saddar",
        "mayor-of-quetta",
        D(2016, 4, 11),
        D(2017, 6, 30),
        "Repair and solarise the public tube wells of Quetta Saddar that have been out of order.",
        "Every tube well will be running by next summer.",
        ["mayor-of-quetta"],
        ["managing-director-wasa-quetta", "assistant-commissioner-quetta-saddar"],
        [step(D(2017, 5, 30), S.DELIVERED, "Repaired tube wells back in service in Quetta Saddar")],
    ),
    Promise(
        "Water filtration plants in Pishin",
        Sector.WATER_SANITATION,
        "pishin-district",
        "chairman-district-council-pishin",
        D(2017, 3, 2),
        D(2018, 6, 30),
        "Install ten drinking water filtration plants in Pishin town and Karezat.",
        "Clean water for every mohalla.",
        ["chairman-district-council-pishin"],
        [PHE_B, "deputy-commissioner-pishin"],
    ),
    Promise(
        "Rehabilitate the sewerage of Sariab Road",
        Sector.WATER_SANITATION,
        "union-council-sariab",
        "chairman-union-council-sariab",
        D(2017, 8, 14),
        D(2018, 12, 31),
        "Replace the collapsed sewerage lines along Sariab Road.",
        "Sariab will not flood again with sewage.",
        ["chairman-union-council-sariab", "mayor-of-quetta"],
        ["administrator-metropolitan-corporation-quetta", "managing-director-wasa-quetta"],
        [
            step(D(2018, 3, 5), S.IN_PROGRESS, "Sariab Road sewerage work starts"),
            step(D(2019, 4, 22), S.STALLED, "Sariab sewerage work stops after council lapses"),
        ],
        [
            ("managing-director-wasa-quetta", D(2017, 9, 1), "Design"),
            ("commissioner-quetta-division", D(2019, 3, 1), "Referred to the administrator"),
        ],
    ),
    Promise(
        "Desalination plant for Gwadar",
        Sector.WATER_SANITATION,
        "gwadar-district",
        CM_B,
        D(2019, 10, 30),
        D(2021, 12, 31),
        "Repair and expand the desalination plant so Gwadar town gets piped water daily.",
        "Gwadar's people will no longer buy water from tankers.",
        [CM_B],
        [PHE_B, "deputy-commissioner-gwadar"],
        [
            step(D(2020, 7, 1), S.IN_PROGRESS, "Gwadar desalination plant repair under way"),
            step(D(2022, 3, 15), S.PARTIALLY_DELIVERED, "Plant runs at a third of its capacity"),
        ],
        [(PHE_B, D(2019, 11, 15), "Contract"), ("commissioner-makran-division", D(2021, 7, 1), "Review")],
    ),
    # --- Balochistan: local government, roads, finance
    Promise(
        "Hold local government elections in Balochistan",
        Sector.LOCAL_GOVERNMENT,
        B,
        CM_B,
        D(2019, 2, 4),
        D(2019, 12, 31),
        "Hold elections for all local councils within a year of their lapse, as Article 140-A requires.",
        "Elected councils will be back within a year.",
        [CM_B, "minister-local-government-balochistan"],
        [LG_B],
        [
            step(D(2020, 1, 15), S.STALLED, "Local elections in Balochistan delayed over new delimitation"),
            step(D(2022, 5, 29), S.DELIVERED, "Balochistan votes for local councils", progress=100),
        ],
        [(LG_B, D(2019, 3, 1), "Draft amendments"), (CS_B, D(2021, 4, 1), "Delimitation")],
        revisions=2,
    ),
    Promise(
        "Development funds for union councils",
        Sector.LOCAL_GOVERNMENT,
        B,
        "minister-local-government-balochistan",
        D(2022, 7, 20),
        D(2023, 6, 30),
        "Transfer a share of the provincial development budget directly to every elected union council.",
        "Councils will decide their own priorities.",
        ["minister-local-government-balochistan"],
        [LG_B, FIN_B],
        [step(D(2023, 7, 10), S.PARTIALLY_DELIVERED, "Only some union councils receive development funds")],
        [(FIN_B, D(2023, 1, 5), "Release of funds")],
    ),
    Promise(
        "Door-to-door waste collection in every ward of Quetta",
        Sector.LOCAL_GOVERNMENT,
        "quetta-district",
        "mayor-of-quetta",
        D(2015, 6, 1),
        D(2016, 12, 31),
        "Door-to-door solid waste collection in every ward of the Metropolitan Corporation.",
        "Quetta will be clean.",
        ["mayor-of-quetta"],
        ["administrator-metropolitan-corporation-quetta", "deputy-commissioner-quetta"],
        [
            step(D(2016, 2, 1), S.IN_PROGRESS, "Waste collection vehicles handed over to the corporation"),
            step(D(2019, 6, 10), S.PARTIALLY_DELIVERED, "Waste collection covers half of Quetta's wards"),
        ],
    ),
    Promise(
        "Bus service on Quetta's main roads",
        Sector.ROADS_TRANSPORT,
        "quetta-district",
        CM_B,
        D(2021, 1, 18),
        D(2022, 6, 30),
        "A public bus service with fixed stops on Quetta's main corridors.",
        "Affordable and safe transport, especially for women and students.",
        [CM_B],
        [CS_B, "commissioner-quetta-division"],
        [
            step(D(2021, 9, 1), S.IN_PROGRESS, "Buses ordered for Quetta service"),
            step(D(2022, 5, 31), S.DELIVERED, "Quetta bus service begins on two routes"),
        ],
    ),
    Promise(
        "Metro bus for Quetta",
        Sector.ROADS_TRANSPORT,
        "quetta-district",
        "mayor-of-quetta",
        D(2016, 9, 12),
        D(2019, 12, 31),
        "A dedicated-lane metro bus line through the centre of Quetta.",
        "Quetta will have a metro like Lahore.",
        ["mayor-of-quetta"],
        ["commissioner-quetta-division"],
        [step(D(2018, 1, 20), S.WITHDRAWN, "Quetta metro plan dropped as too costly")],
    ),
    Promise(
        "Repair of link roads in Pishin",
        Sector.ROADS_TRANSPORT,
        "pishin-district",
        CM_B,
        D(2024, 6, 10),
        2,
        "Repair and black-top the link roads between Pishin, Karezat and Huramzai.",
        "Farmers will get their fruit to market in time.",
        [CM_B],
        ["secretary-cw-balochistan", "deputy-commissioner-pishin"],
        [step(D(2025, 2, 1), S.IN_PROGRESS, "Work on Pishin link roads starts")],
    ),
    Promise(
        "Citizens' budget every year",
        Sector.FINANCE,
        B,
        CM_B,
        D(2019, 6, 20),
        D(2020, 6, 30),
        "Publish a plain-language citizens' budget in Urdu and English with the provincial budget.",
        "The budget will be explained to the people in their own language.",
        [CM_B],
        [FIN_B],
        [step(D(2020, 6, 19), S.DELIVERED, "Balochistan publishes its first citizens' budget")],
    ),
    Promise(
        "Quarterly release of development funds to districts",
        Sector.FINANCE,
        B,
        CM_B,
        D(2018, 9, 30),
        D(2019, 6, 30),
        "Release district development funds every quarter on a fixed date.",
        "Districts will not wait for the end of the year.",
        [CM_B],
        [FIN_B, "acs-development-balochistan"],
        [step(D(2019, 7, 15), S.BROKEN, "Districts received funds only in the last month of the year")],
    ),
    Promise(
        "Solar tube wells for farmers in Pishin and Killa Abdullah",
        Sector.WATER_SANITATION,
        "quetta-division",
        CM_B,
        D(2025, 1, 12),
        3,
        "Replace diesel and grid tube wells of small farmers with solar pumps.",
        "Our farmers will be free of load shedding.",
        [CM_B],
        [PHE_B, "commissioner-quetta-division"],
    ),
    Promise(
        "Trained midwives in every union council of Kech",
        Sector.HEALTH,
        "kech-district",
        "minister-health-balochistan",
        D(2019, 3, 8),
        D(2021, 3, 31),
        "Train and post a community midwife in every union council of Kech district.",
        "Every mother will have a trained midwife nearby.",
        ["minister-health-balochistan"],
        [HEALTH_B, "deputy-commissioner-kech"],
        [step(D(2020, 1, 6), S.IN_PROGRESS, "First batch of Kech midwives graduates")],
    ),
    # --- Punjab
    Promise(
        "Citizen service centres in every divisional headquarters",
        Sector.E_GOVERNANCE,
        P,
        CM_P,
        D(2018, 12, 3),
        D(2020, 6, 30),
        "One-window centres where citizens get driving licences, birth certificates and domicile "
        "certificates in one place.",
        "One window, no agents.",
        [CM_P],
        ["chairman-pitb", CS_P],
        [
            step(D(2019, 5, 27), S.IN_PROGRESS, "First service centre opens in Lahore"),
            step(D(2020, 8, 14), S.DELIVERED, "Service centres open in all divisional headquarters"),
        ],
        [("chairman-pitb", D(2019, 1, 2), "Software"), (CS_P, D(2019, 3, 1), "Departments to post staff")],
        revisions=2,
    ),
    Promise(
        "Online building plan approval in Lahore",
        Sector.E_GOVERNANCE,
        "lahore-district",
        CM_P,
        D(2019, 4, 9),
        D(2020, 3, 31),
        "Submit and track building plans online, with approval in 30 days.",
        "No file will be stuck in the development authority.",
        [CM_P],
        ["director-general-lda", "chairman-pitb"],
        [
            step(D(2020, 1, 20), S.IN_PROGRESS, "Online building plans system in trial"),
            step(D(2021, 6, 15), S.PARTIALLY_DELIVERED, "Online submissions open but approvals still on paper"),
        ],
    ),
    Promise(
        "Teacher attendance app in every government school",
        Sector.E_GOVERNANCE,
        P,
        "minister-school-education-punjab",
        D(2018, 10, 15),
        D(2019, 8, 31),
        "An app through which monitoring staff record teachers' attendance with a photograph.",
        "Absent teachers will be known the same day.",
        ["minister-school-education-punjab"],
        [SED_P, "chairman-pitb"],
        [step(D(2019, 8, 20), S.DELIVERED, "Attendance app in use in all districts")],
    ),
    Promise(
        "Free public Wi-Fi in Lahore's parks and markets",
        Sector.E_GOVERNANCE,
        "lahore-district",
        "lord-mayor-of-lahore",
        D(2017, 5, 2),
        D(2018, 6, 30),
        "Free Wi-Fi hotspots in Lahore's main parks, markets and bus stations.",
        "Lahore will be a connected city.",
        ["lord-mayor-of-lahore"],
        ["chairman-pitb", "administrator-metropolitan-corporation-lahore"],
        [
            step(D(2018, 2, 12), S.IN_PROGRESS, "Wi-Fi hotspots installed at first locations"),
            step(D(2020, 1, 30), S.WITHDRAWN, "Free Wi-Fi service discontinued"),
        ],
    ),
    Promise(
        "Upgrade primary schools to elementary schools",
        Sector.EDUCATION,
        P,
        CM_P,
        D(2019, 1, 21),
        D(2021, 6, 30),
        "Upgrade 1,000 primary schools to elementary level with new classrooms and teachers.",
        "A middle school within reach of every village.",
        [CM_P, "minister-school-education-punjab"],
        [SED_P],
        [
            step(D(2019, 9, 2), S.IN_PROGRESS, "Schools selected for upgrade"),
            step(D(2021, 9, 1), S.PARTIALLY_DELIVERED, "About half the schools upgraded by the deadline"),
        ],
        [(SED_P, D(2019, 2, 1), "Selection"), (FIN_P, D(2019, 7, 1), "Funds"), (SED_P, D(2020, 3, 1), "Works")],
    ),
    Promise(
        "Solar power for schools in southern Punjab",
        Sector.EDUCATION,
        "dera-ghazi-khan-division",
        "minister-school-education-punjab",
        D(2024, 4, 8),
        2,
        "Solar panels for every government school in Dera Ghazi Khan division.",
        "No child will study in the heat without a fan.",
        ["minister-school-education-punjab"],
        [SED_P, "deputy-commissioner-dera-ghazi-khan"],
        [step(D(2024, 11, 4), S.IN_PROGRESS, "First solarised schools in Dera Ghazi Khan")],
    ),
    Promise(
        "School meals for girls in Rajanpur",
        Sector.EDUCATION,
        "rajanpur-district",
        CM_P,
        D(2019, 3, 4),
        D(2020, 3, 31),
        "A daily meal for girls in primary schools of Rajanpur district to improve enrolment.",
        "No girl will leave school because she is hungry.",
        [CM_P],
        [SED_P, "deputy-commissioner-rajanpur"],
        [step(D(2020, 6, 1), S.BROKEN, "Rajanpur school meals never started")],
    ),
    Promise(
        "Science laboratories in Sargodha's girls' high schools",
        Sector.EDUCATION,
        "sargodha-district",
        "minister-school-education-punjab",
        D(2019, 5, 13),
        D(2020, 12, 31),
        "Equip a science laboratory in every girls' high school of Sargodha district.",
        "Our daughters will study science properly.",
        ["minister-school-education-punjab"],
        [SED_P, "deputy-commissioner-sargodha"],
        [step(D(2020, 12, 10), S.DELIVERED, "Science laboratories handed over to Sargodha schools")],
    ),
    Promise(
        "Mother and child hospital in Multan",
        Sector.HEALTH,
        "multan-district",
        CM_P,
        D(2018, 11, 26),
        D(2021, 12, 31),
        "A 200-bed mother and child hospital in Multan.",
        "Mothers of south Punjab will get care close to home.",
        [CM_P],
        [HEALTH_P, "deputy-commissioner-multan"],
        [
            step(D(2019, 10, 7), S.IN_PROGRESS, "Construction of Multan mother and child hospital begins"),
            step(D(2022, 2, 14), S.STALLED, "Multan hospital building incomplete as funds dry up"),
        ],
        [(HEALTH_P, D(2019, 1, 1), "PC-1"), (FIN_P, D(2021, 7, 1), "Funds requested")],
    ),
    Promise(
        "Dengue surveillance in Rawalpindi",
        Sector.HEALTH,
        "rawalpindi-district",
        CM_P,
        D(2019, 9, 9),
        D(2019, 11, 30),
        "House-to-house dengue larva surveillance teams across Rawalpindi during the season.",
        "We will not let dengue spread as it did before.",
        [CM_P],
        [HEALTH_P, "deputy-commissioner-rawalpindi"],
        [step(D(2019, 11, 25), S.DELIVERED, "Rawalpindi surveillance teams complete their rounds")],
    ),
    Promise(
        "Round-the-clock rural health centres in Bahawalpur division",
        Sector.HEALTH,
        "bahawalpur-division",
        CM_P,
        D(2024, 4, 22),
        2,
        "Every rural health centre in Bahawalpur division open 24 hours with a doctor on duty.",
        "Emergencies do not keep office hours.",
        [CM_P],
        [HEALTH_P, "deputy-commissioner-bahawalpur"],
        [step(D(2024, 10, 1), S.IN_PROGRESS, "Night shifts start at first rural health centres")],
    ),
    Promise(
        "Cardiology ward at the Sahiwal teaching hospital",
        Sector.HEALTH,
        "sahiwal-district",
        CM_P,
        D(2019, 6, 17),
        D(2021, 6, 30),
        "A cardiology ward with a catheterisation laboratory at the teaching hospital in Sahiwal.",
        "Heart patients will not travel to Lahore.",
        [CM_P],
        [HEALTH_P, "deputy-commissioner-sahiwal"],
        [step(D(2020, 4, 1), S.IN_PROGRESS, "Equipment ordered for Sahiwal cardiology ward")],
    ),
    Promise(
        "Health facilities for Lahore's union councils",
        Sector.HEALTH,
        "lahore-district",
        "lord-mayor-of-lahore",
        D(2017, 3, 6),
        D(2018, 12, 31),
        "A dispensary in every union council of Lahore.",
        "Basic care in every neighbourhood.",
        ["lord-mayor-of-lahore"],
        ["ceo-district-health-authority-lahore", "administrator-metropolitan-corporation-lahore"],
        [step(D(2019, 6, 1), S.BROKEN, "Union council dispensaries not built before councils were dissolved")],
    ),
    Promise(
        "Surface water treatment plant for Lahore",
        Sector.WATER_SANITATION,
        "lahore-district",
        CM_P,
        D(2020, 2, 3),
        D(2024, 12, 31),
        "Treat canal water for supply to Lahore, reducing the pumping of groundwater.",
        "Lahore's aquifer will get a chance to recover.",
        [CM_P],
        ["managing-director-wasa-lahore", PHE_P],
        [step(D(2021, 11, 15), S.IN_PROGRESS, "Work on Lahore water treatment plant begins", "", 40)],
        [("managing-director-wasa-lahore", D(2020, 3, 1), "Feasibility"), (PHE_P, D(2020, 9, 1), "Approval")],
    ),
    Promise(
        "Drinking water for Cholistan",
        Sector.WATER_SANITATION,
        "bahawalpur-district",
        CM_P,
        D(2019, 4, 29),
        D(2021, 6, 30),
        "Pipelines and water points for the villages and herders of the Cholistan desert.",
        "No one in Cholistan will die of thirst.",
        [CM_P],
        [PHE_P, "deputy-commissioner-bahawalpur"],
        [
            step(D(2020, 3, 2), S.IN_PROGRESS, "Cholistan pipeline work starts"),
            step(D(2021, 8, 9), S.PARTIALLY_DELIVERED, "Pipeline reaches part of Cholistan"),
        ],
    ),
    Promise(
        "Underground rainwater storage in Lahore",
        Sector.WATER_SANITATION,
        "lahore-city",
        CM_P,
        D(2019, 7, 29),
        D(2020, 12, 31),
        "Underground tanks to hold monsoon rainwater at Lahore's worst flooding points.",
        "Lahore's roads will not flood every monsoon.",
        [CM_P],
        ["managing-director-wasa-lahore", "assistant-commissioner-lahore-city"],
        [step(D(2020, 12, 15), S.DELIVERED, "First underground storage tank completed in Lahore")],
    ),
    Promise(
        "Sewerage for Model Town tehsil",
        Sector.WATER_SANITATION,
        "model-town",
        "lord-mayor-of-lahore",
        D(2017, 9, 18),
        D(2019, 6, 30),
        "Replace the sewerage network of the older blocks of Model Town tehsil.",
        "An end to overflowing drains.",
        ["lord-mayor-of-lahore"],
        ["managing-director-wasa-lahore", "assistant-commissioner-model-town"],
        [
            step(D(2018, 4, 9), S.IN_PROGRESS, "Model Town sewerage work begins"),
            step(D(2019, 9, 2), S.STALLED, "Model Town sewerage work stops after council is dissolved"),
        ],
    ),
    Promise(
        "Hold local government elections in Punjab",
        Sector.LOCAL_GOVERNMENT,
        P,
        CM_P,
        D(2019, 5, 6),
        D(2020, 12, 31),
        "Hold elections for the new local governments within a year of the dissolution of councils.",
        "New, stronger local governments will be elected within a year.",
        [CM_P, "minister-local-government-punjab"],
        [LG_P],
        [step(D(2021, 1, 10), S.BROKEN, "Punjab local elections not held by the promised date")],
        [(LG_P, D(2019, 6, 1), "Rules"), (CS_P, D(2020, 2, 1), "Delimitation")],
    ),
    Promise(
        "Street lights in every union council of Lahore",
        Sector.LOCAL_GOVERNMENT,
        "lahore-district",
        "lord-mayor-of-lahore",
        D(2017, 2, 13),
        D(2018, 6, 30),
        "Working street lights on every main street of every union council of Lahore.",
        "No street in Lahore will be dark.",
        ["lord-mayor-of-lahore"],
        ["administrator-metropolitan-corporation-lahore", "deputy-commissioner-lahore"],
        [
            step(D(2017, 10, 2), S.IN_PROGRESS, "Street light repairs begin"),
            step(D(2019, 8, 12), S.STALLED, "Street light work stalls under the administrator"),
        ],
        [("deputy-commissioner-lahore", D(2019, 5, 10), "Handed over after dissolution")],
    ),
    Promise(
        "Restore the park in Ichhra",
        Sector.LOCAL_GOVERNMENT,
        "union-council-ichhra",
        "chairman-union-council-ichhra",
        D(2017, 4, 3),
        D(2018, 3, 31),
        "Clear encroachments and restore the public park of Ichhra.",
        "The children of Ichhra will have their park back.",
        ["chairman-union-council-ichhra"],
        ["assistant-commissioner-lahore-city"],
        [step(D(2018, 3, 20), S.DELIVERED, "Ichhra park reopens")],
    ),
    Promise(
        "Provincial finance award share for local governments",
        Sector.FINANCE,
        P,
        CM_P,
        D(2018, 12, 17),
        D(2019, 6, 30),
        "Transfer local governments' share under the provincial finance commission award on time.",
        "Local governments will get their share without asking.",
        [CM_P],
        [FIN_P, LG_P],
        [step(D(2019, 8, 1), S.BROKEN, "Local governments' share withheld")],
    ),
    Promise(
        "Bus rapid transit for Faisalabad",
        Sector.ROADS_TRANSPORT,
        "faisalabad-district",
        CM_P,
        D(2019, 2, 25),
        D(2022, 12, 31),
        "A bus rapid transit line in Faisalabad.",
        "Faisalabad deserves modern transport.",
        [CM_P],
        ["chairman-pnd-board-punjab", "deputy-commissioner-faisalabad"],
        [step(D(2020, 9, 30), S.WITHDRAWN, "Faisalabad bus rapid transit shelved")],
    ),
    Promise(
        "Repair of flood-damaged roads in Rajanpur",
        Sector.ROADS_TRANSPORT,
        "rajanpur-district",
        CM_P,
        D(2022, 10, 3),
        D(2023, 6, 30),
        "Repair the roads and culverts of Rajanpur damaged in the 2022 floods.",
        "Rajanpur will be reconnected before the next monsoon.",
        [CM_P],
        ["deputy-commissioner-rajanpur", "commissioner-multan-division"],
        [
            step(D(2023, 1, 9), S.IN_PROGRESS, "Road repairs begin in Rajanpur"),
            step(D(2023, 8, 21), S.STALLED, "Rajanpur road repairs stall before completion"),
        ],
    ),
    Promise(
        "Solid waste management for Gujranwala",
        Sector.LOCAL_GOVERNMENT,
        "gujranwala-district",
        CM_P,
        D(2018, 12, 10),
        D(2020, 6, 30),
        "Mechanised waste collection and a landfill site for Gujranwala city.",
        "Gujranwala will be clean.",
        [CM_P],
        [LG_P, "deputy-commissioner-gujranwala"],
        [step(D(2020, 10, 5), S.PARTIALLY_DELIVERED, "Waste collection mechanised; landfill not built")],
    ),
    Promise(
        "Rural health centre upgrade in Raiwind",
        Sector.HEALTH,
        "raiwind",
        CM_P,
        D(2024, 5, 6),
        1,
        "Upgrade the rural health centre in Raiwind with an emergency ward and an ambulance.",
        "Raiwind's patients will not go to Lahore for first aid.",
        [CM_P],
        [HEALTH_P, "assistant-commissioner-raiwind"],
    ),
    Promise(
        "Clean drinking water in Multan's union councils",
        Sector.WATER_SANITATION,
        "multan-district",
        "mayor-of-multan",
        D(2017, 6, 5),
        D(2018, 12, 31),
        "A water filtration plant in every union council of Multan.",
        "Clean water for every household.",
        ["mayor-of-multan"],
        ["administrator-municipal-corporation-multan", "deputy-commissioner-multan"],
        [step(D(2018, 5, 1), S.IN_PROGRESS, "First filtration plants installed in Multan")],
    ),
    # --- Sindh
    Promise(
        "Additional bulk water for Karachi",
        Sector.WATER_SANITATION,
        "karachi-division",
        CM_S,
        D(2018, 9, 24),
        D(2022, 6, 30),
        "Bring additional bulk water to Karachi through a new canal and pumping stations.",
        "Karachi's tanker mafia will be ended.",
        [CM_S, "mayor-of-karachi"],
        ["ceo-karachi-water-and-sewerage-corporation", "chief-secretary-sindh"],
        [
            step(D(2019, 6, 1), S.IN_PROGRESS, "Work on Karachi bulk water project continues"),
            step(D(2021, 4, 19), S.STALLED, "Karachi water project stalled over design revision"),
        ],
        [
            ("chief-secretary-sindh", D(2020, 2, 1), "Design review"),
            ("ceo-karachi-water-and-sewerage-corporation", D(2022, 1, 1), "Revised"),
        ],
    ),
    Promise(
        "Clear Karachi's storm-water drains before the monsoon",
        Sector.WATER_SANITATION,
        "karachi-division",
        "mayor-of-karachi",
        D(2019, 5, 13),
        D(2019, 6, 30),
        "Clear every major storm-water drain of Karachi before the monsoon.",
        "Karachi will not drown this year.",
        ["mayor-of-karachi"],
        ["administrator-karachi", "commissioner-karachi-division"],
        [step(D(2019, 7, 20), S.PARTIALLY_DELIVERED, "Some drains cleared; low-lying areas flood")],
    ),
    Promise(
        "Teachers recruited through an open test in Sindh",
        Sector.EDUCATION,
        "sindh",
        CM_S,
        D(2018, 10, 8),
        D(2020, 6, 30),
        "Recruit primary teachers only through a written test run by a third party.",
        "No teacher will be appointed on recommendation.",
        [CM_S],
        ["secretary-school-education-sindh"],
        [step(D(2020, 3, 16), S.DELIVERED, "Sindh appoints teachers who passed the open test")],
    ),
    Promise(
        "Dialysis units at the Hyderabad civil hospital",
        Sector.HEALTH,
        "hyderabad-district",
        CM_S,
        D(2019, 8, 5),
        D(2020, 12, 31),
        "Twenty new dialysis machines at the civil hospital in Hyderabad.",
        "Kidney patients will not queue for days.",
        [CM_S],
        ["secretary-health-sindh", "deputy-commissioner-hyderabad"],
        [step(D(2020, 11, 2), S.IN_PROGRESS, "Dialysis machines arrive in Hyderabad")],
    ),
    Promise(
        "Hold local government elections in Sindh",
        Sector.LOCAL_GOVERNMENT,
        "sindh",
        CM_S,
        D(2020, 9, 1),
        D(2021, 12, 31),
        "Hold local elections after the councils' term ends.",
        "Elections will be held on time.",
        [CM_S],
        ["secretary-local-government-sindh"],
        [
            step(D(2022, 1, 3), S.STALLED, "Sindh local elections postponed"),
            step(D(2023, 1, 15), S.DELIVERED, "Sindh completes local elections"),
        ],
    ),
    # --- Khyber Pakhtunkhwa
    Promise(
        "Clean drinking water in Peshawar city",
        Sector.WATER_SANITATION,
        "peshawar-district",
        "mayor-of-peshawar",
        D(2022, 3, 14),
        D(2024, 6, 30),
        "Replace old water mains in the walled city of Peshawar.",
        "No more sewage in drinking water.",
        ["mayor-of-peshawar"],
        ["ceo-wssp", "deputy-commissioner-peshawar"],
        [step(D(2023, 2, 6), S.IN_PROGRESS, "Water mains replacement begins in Peshawar")],
    ),
    Promise(
        "Citizen portal for complaints in Khyber Pakhtunkhwa",
        Sector.E_GOVERNANCE,
        "khyber-pakhtunkhwa",
        CM_K,
        D(2018, 9, 10),
        D(2019, 3, 31),
        "A complaints portal answered by every provincial department.",
        "Every complaint will be answered.",
        [CM_K],
        ["chief-secretary-khyber-pakhtunkhwa"],
        [step(D(2019, 3, 1), S.DELIVERED, "Complaints portal launched")],
    ),
    Promise(
        "Community schools for girls in Khyber Pakhtunkhwa",
        Sector.EDUCATION,
        "khyber-pakhtunkhwa",
        CM_K,
        D(2019, 1, 14),
        D(2021, 6, 30),
        "Community schools for girls in villages with no girls' school.",
        "Every girl within walking distance of a school.",
        [CM_K],
        ["secretary-elementary-secondary-education-kp"],
        [step(D(2021, 7, 5), S.PARTIALLY_DELIVERED, "Community schools open in some districts")],
    ),
    Promise(
        "Development funds for tehsil councils",
        Sector.LOCAL_GOVERNMENT,
        "charsadda-tehsil",
        "tehsil-chairman-charsadda",
        D(2022, 4, 18),
        D(2023, 6, 30),
        "A development budget for the tehsil council, spent on the council's own priorities.",
        "Charsadda's council will decide Charsadda's schemes.",
        ["tehsil-chairman-charsadda"],
        ["secretary-local-government-kp", "deputy-commissioner-charsadda"],
        [step(D(2023, 5, 2), S.STALLED, "Tehsil councils still waiting for development funds")],
    ),
    # --- Islamabad and federal
    Promise(
        "Hold local government elections in Islamabad",
        Sector.LOCAL_GOVERNMENT,
        "islamabad-capital-territory",
        "mayor-of-islamabad",
        D(2020, 11, 2),
        D(2021, 6, 30),
        "Hold elections for the next Metropolitan Corporation before the current term ends.",
        "There must be no gap without an elected council.",
        ["mayor-of-islamabad"],
        ["chief-commissioner-islamabad"],
        [step(D(2021, 7, 1), S.BROKEN, "Islamabad left without an elected council")],
    ),
    Promise(
        "Water supply for Islamabad's sectors",
        Sector.WATER_SANITATION,
        "islamabad-capital-territory",
        "mayor-of-islamabad",
        D(2018, 3, 12),
        D(2020, 6, 30),
        "New tube wells and a bulk water line for the sectors that get water on alternate days.",
        "Water every day in every sector.",
        ["mayor-of-islamabad"],
        ["chairman-cda", "deputy-commissioner-islamabad"],
        [step(D(2019, 5, 6), S.IN_PROGRESS, "New tube wells drilled in Islamabad sectors")],
    ),
    Promise(
        "Paperless e-office in federal ministries",
        Sector.E_GOVERNANCE,
        "pakistan",
        "federal-minister-for-it-and-telecommunication",
        D(2019, 1, 7),
        D(2020, 6, 30),
        "Move file work in every federal ministry and division to an electronic office system.",
        "Files will move in minutes, not weeks.",
        ["federal-minister-for-it-and-telecommunication"],
        ["secretary-ministry-of-it-and-telecommunication", "chief-executive-nitb"],
        [
            step(D(2019, 10, 14), S.IN_PROGRESS, "E-office rolled out in the first ministries"),
            step(D(2021, 3, 1), S.PARTIALLY_DELIVERED, "E-office used in some ministries; files still on paper"),
        ],
        [
            ("chief-executive-nitb", D(2019, 2, 1), "Software"),
            ("secretary-ministry-of-it-and-telecommunication", D(2020, 5, 1), "Training"),
        ],
        revisions=2,
    ),
    # --- Promises made by administrators while a council had lapsed: the administrator is the political
    # owner (no elected office answers for them), so the owner table compares elected and administrator
    # political owners.
    Promise(
        "Clear encroachments from Quetta's main bazaars",
        Sector.LOCAL_GOVERNMENT,
        "quetta-district",
        "administrator-metropolitan-corporation-quetta",
        D(2020, 3, 10),
        D(2020, 12, 31),
        "Remove encroachments from the footpaths and roads of Quetta's main bazaars.",
        "The bazaars will be open to people on foot again.",
        ["administrator-metropolitan-corporation-quetta"],
        ["deputy-commissioner-quetta"],
        [
            step(D(2020, 6, 1), S.IN_PROGRESS, "Anti-encroachment drive starts in Quetta's bazaars"),
            step(D(2021, 2, 15), S.DELIVERED, "Quetta's main bazaars cleared of encroachments", progress=100),
        ],
    ),
    Promise(
        "Repair the street lights of Jinnah Road, Quetta",
        Sector.LOCAL_GOVERNMENT,
        "quetta-district",
        "administrator-metropolitan-corporation-quetta",
        D(2021, 5, 4),
        D(2021, 12, 31),
        "Repair every street light on Jinnah Road and the roads around it.",
        "Jinnah Road will be lit by the end of the year.",
        ["administrator-metropolitan-corporation-quetta"],
        ["deputy-commissioner-quetta"],
        [
            step(D(2021, 7, 1), S.IN_PROGRESS, "Street light repairs on Jinnah Road begin"),
            step(D(2022, 4, 20), S.STALLED, "Jinnah Road street light repairs stop for want of funds"),
        ],
    ),
    Promise(
        "Clean Lahore's drains before the monsoon",
        Sector.WATER_SANITATION,
        "lahore-district",
        "administrator-metropolitan-corporation-lahore",
        D(2019, 9, 15),
        D(2020, 6, 30),
        "Desilt every main drain of Lahore before the 2020 monsoon.",
        "Lahore's streets will not flood this monsoon.",
        ["administrator-metropolitan-corporation-lahore"],
        ["deputy-commissioner-lahore"],
        [step(D(2020, 7, 1), S.DELIVERED, "Lahore's main drains desilted before the rains", progress=100)],
    ),
    Promise(
        "Parking plazas in central Lahore",
        Sector.ROADS_TRANSPORT,
        "lahore-district",
        "administrator-metropolitan-corporation-lahore",
        D(2022, 3, 1),
        D(2023, 6, 30),
        "Build two multi-storey parking plazas near Anarkali and Liberty Market.",
        "Cars will leave the roads of central Lahore.",
        ["administrator-metropolitan-corporation-lahore"],
        ["deputy-commissioner-lahore"],
        [step(D(2023, 7, 15), S.BROKEN, "Deadline for Lahore parking plazas passes with no work")],
    ),
    Promise(
        "Clear Karachi's nullahs before the next monsoon",
        Sector.WATER_SANITATION,
        "karachi-division",
        "administrator-karachi",
        D(2020, 9, 20),
        D(2021, 6, 30),
        "Remove the silt and encroachments from Karachi's three largest nullahs.",
        "The nullahs will carry the rain away next year.",
        ["administrator-karachi"],
        ["commissioner-karachi-division"],
        [
            step(D(2020, 11, 2), S.IN_PROGRESS, "Nullah clearing begins in Karachi"),
            step(D(2021, 8, 1), S.PARTIALLY_DELIVERED, "Two of Karachi's three main nullahs cleared"),
        ],
    ),
    Promise(
        "Feeder bus routes for Karachi's Green Line",
        Sector.ROADS_TRANSPORT,
        "karachi-division",
        "administrator-karachi",
        D(2021, 12, 1),
        1,
        "Run feeder buses from the neighbourhoods of central Karachi to the Green Line stations.",
        "Every Green Line station will have a feeder bus.",
        ["administrator-karachi"],
        ["commissioner-karachi-division"],
        [step(D(2022, 5, 10), S.IN_PROGRESS, "First feeder bus route to the Green Line opens")],
    ),
]


DECISIONS = [
    dict(
        title="Committee to introduce file tracking in the Civil Secretariat",
        kind=DecisionKind.NOTIFICATION,
        reference_number="No. SO(O&M)/1-12/2019 (illustrative)",
        decided_on=D(2019, 3, 28),
        deciding_office=CS_B,
        summary="Notifies a committee under the Secretary Science and IT to introduce electronic file tracking "
        "in all departments of the Civil Secretariat.",
        commitments=[FILE_TRACKING.slug],
    ),
    dict(
        title="Allocation for the secretariat file tracking system, ADP 2019-20",
        kind=DecisionKind.BUDGET_ALLOCATION,
        reference_number="ADP 2019-20 scheme 1187 (illustrative)",
        decided_on=D(2019, 6, 21),
        deciding_office=FIN_B,
        summary="Rs45 million allocated for the secretariat file tracking system in the Annual Development "
        "Programme 2019-20.",
        amount_pkr=Decimal("45000000"),
        commitments=[FILE_TRACKING.slug],
    ),
    dict(
        title="Cabinet approves reopening of closed schools through contract teachers",
        kind=DecisionKind.CABINET_DECISION,
        reference_number="Cabinet meeting 12/2018, item 4 (illustrative)",
        decided_on=D(2018, 12, 12),
        deciding_office=CM_B,
        summary="The provincial cabinet approves contract posts of primary teachers for closed schools, to be "
        "filled from the same union council.",
        commitments=["reopen-closed-government-schools-across-balochistan"],
    ),
    dict(
        title="Allocation for the Quetta bulk water supply scheme",
        kind=DecisionKind.BUDGET_ALLOCATION,
        reference_number="ADP 2019-20 scheme 902 (illustrative)",
        decided_on=D(2019, 6, 21),
        deciding_office=FIN_B,
        summary="First-year allocation for the bulk water supply scheme for Quetta.",
        amount_pkr=Decimal("2500000000"),
        commitments=["bulk-water-supply-scheme-for-quetta-city"],
    ),
    dict(
        title="Administrator appointed for the Metropolitan Corporation Quetta",
        kind=DecisionKind.NOTIFICATION,
        reference_number="No. SO(LG)/4-7/2019 (illustrative)",
        decided_on=D(2019, 1, 28),
        deciding_office=LG_B,
        summary="On the lapse of the elected council, the Commissioner Quetta Division is appointed "
        "administrator of the Metropolitan Corporation until elections are held.",
        commitments=[
            "rehabilitate-the-sewerage-of-sariab-road",
            "door-to-door-waste-collection-in-every-ward-of-quetta",
        ],
    ),
    dict(
        title="Metropolitan Corporation Lahore resolution on street lights",
        kind=DecisionKind.COUNCIL_RESOLUTION,
        reference_number="Resolution 17/2017 (illustrative)",
        decided_on=D(2017, 3, 30),
        deciding_office="lord-mayor-of-lahore",
        summary="The council resolves to repair street lights in all union councils within a year.",
        commitments=["street-lights-in-every-union-council-of-lahore"],
    ),
    dict(
        title="Allocation for upgrading primary schools, budget 2019-20",
        kind=DecisionKind.BUDGET_ALLOCATION,
        reference_number="Budget 2019-20, grant PC12036 (illustrative)",
        decided_on=D(2019, 6, 14),
        deciding_office=FIN_P,
        summary="Funds for upgrading primary schools to elementary level.",
        amount_pkr=Decimal("6000000000"),
        commitments=["upgrade-primary-schools-to-elementary-schools"],
    ),
    dict(
        title="Health card scheme approved by the cabinet",
        kind=DecisionKind.CABINET_DECISION,
        reference_number="Cabinet meeting 3/2022, item 2 (illustrative)",
        decided_on=D(2022, 2, 16),
        deciding_office=CM_B,
        summary="Approves the health insurance scheme and the premium to be paid from the provincial budget.",
        amount_pkr=Decimal("1200000000"),
        commitments=["health-insurance-cards-for-every-family-in-balochistan"],
    ),
    dict(
        title="E-office made compulsory for federal ministries",
        kind=DecisionKind.NOTIFICATION,
        reference_number="No. 1/2/2019-EO (illustrative)",
        decided_on=D(2019, 9, 30),
        deciding_office="secretary-ministry-of-it-and-telecommunication",
        summary="All ministries and divisions to move their file work to the e-office system.",
        commitments=["paperless-e-office-in-federal-ministries"],
    ),
]


def _deadline(promise, today):
    if isinstance(promise.deadline, int):
        return D(today.year + promise.deadline, 6, 30)
    return promise.deadline


def _news(promise, when, headline, quote, n):
    base, publisher = NEWS[(len(promise.slug) + n) % len(NEWS)]
    url = f"{base}/{when.year}/{when:%m}/{slugify(headline)[:80]}"
    return dict(
        url=url,
        title=headline,
        publisher=publisher,
        published_on=when,
        quote=quote,
        archive_url=f"https://archive.example.org/{when:%Y%m%d}/{url}" if n % 2 == 0 else "",
        kind=SourceKind.NEWS_REPORT,
    )


def _status_change(promise, previous, item, n):
    return StatusChange(
        from_status=previous,
        to_status=item.status,
        effective_date=item.on,
        recorded_on=item.on + datetime.timedelta(days=2),
        note="" if item.quote else "Illustrative status change for the sample data.",
        note_ur="" if item.quote else ur.ILLUSTRATIVE_STATUS_NOTE,
        **_news(promise, item.on, item.headline, item.quote or USUAL_QUOTE[item.status], n),
    )


def build_commitment(promise, places, offices, today, steps):
    """An unsaved commitment with its owners, sources, the first `steps` status changes and the
    movements up to the last of them."""
    done = [s for s in promise.steps if s.on <= today][:steps]
    until = done[-1].on if done else promise.made_on + datetime.timedelta(days=60)
    final = steps >= len(promise.steps)
    title_ur, text_ur = ur.COMMITMENTS.get(promise.slug, (promise.title_ur, ""))
    commitment = Commitment(
        slug=promise.slug,
        title=promise.title,
        title_ur=title_ur,
        text=promise.text,
        text_ur=text_ur,
        made_by_office=offices[promise.made_by],
        made_on=promise.made_on,
        source_quote=promise.quote,
        sector=promise.sector,
        jurisdiction=places[promise.place],
        deadline=_deadline(promise, today),
    )
    _apply_steps(commitment, promise, done)
    roles = (
        [(s, Role.POLITICAL) for s in promise.political]
        + [(s, Role.ADMINISTRATIVE) for s in promise.administrative]
        + [(s, Role.SUPPORTING) for s in promise.supporting]
    )
    for slug, role in roles:
        commitment.owners.add(CommitmentOwner(office=offices[slug], role=role))
    for slug, when, note in promise.moves:
        if final or when <= until:
            commitment.movements.add(_movement(offices[slug], when, note))
    announced = _news(promise, promise.made_on, f"{offices[promise.made_by]}: {promise.title}", promise.quote, 0)
    commitment.sources.add(CommitmentSource(**announced))
    commitment.number_parts()
    return commitment


def _movement(office, when, note):
    return Movement(office=office, arrived_on=when, note=note, note_ur=ur.MOVEMENT_NOTES.get(note, ""))


def _apply_steps(commitment, promise, done):
    previous = S.NOT_STARTED
    for n, item in enumerate(done, start=1):
        commitment.status_changes.add(_status_change(promise, previous, item, n))
        previous = item.status
    commitment.status = previous
    last = done[-1] if done else None
    commitment.progress = (last.progress if last and last.progress is not None else None) or USUAL_PROGRESS[previous]


def add_next_step(commitment, promise, offices, today, steps):
    """Bring an already published commitment up to `steps` status changes (and the movements since)."""
    done = [s for s in promise.steps if s.on <= today][:steps]
    item = done[-1]
    previous = done[-2].status if len(done) > 1 else S.NOT_STARTED
    commitment.status_changes.add(_status_change(promise, previous, item, len(done)))
    commitment.status = item.status
    commitment.progress = item.progress if item.progress is not None else USUAL_PROGRESS[item.status]
    known = {(m.office_id, m.arrived_on) for m in commitment.movements.all()}
    final = steps >= len(promise.steps)
    for slug, when, note in promise.moves:
        if (offices[slug].pk, when) not in known and (final or when <= item.on):
            commitment.movements.add(_movement(offices[slug], when, note))
    commitment.number_parts()
    return f"Status: {S(item.status).label} ({item.headline})"


def load_commitments(places, offices, *, user, today, report):
    """Publish each curated commitment that is missing: in one publish, or (for a few) first as it was
    announced and then once for each later status change, so they have several public revisions."""
    records = {}
    for promise in PROMISES:
        existing = Commitment.objects.filter(slug=promise.slug).first()
        if existing is not None:
            report.note(Commitment, added=False)
            records[promise.slug] = existing
            continue
        steps = [s for s in promise.steps if s.on <= today]
        first = max(0, len(steps) - (promise.revisions - 1))
        commitment = publish_if_missing(
            Commitment,
            promise.slug,
            lambda promise=promise, first=first: build_commitment(promise, places, offices, today, first),
            user=user,
            summary=f"Sample data: add the promise “{promise.title}”",
            report=report,
            as_of=_entered(promise, steps[:first]),
        )
        for n in range(first + 1, len(steps) + 1):
            # As an editor would: open the published record, add the next status change, publish.
            commitment = Commitment.objects.get(pk=commitment.pk)
            summary = add_next_step(commitment, promise, offices, today, n)
            publishing.publish(commitment, user=user, summary=summary, as_of=_recorded(steps[n - 1].on))
        records[promise.slug] = commitment
    return records


def first_sample_day():
    """The day of the first event of the sample data: a promise made, a status change or a decision."""
    days = [p.made_on for p in PROMISES] + [s.on for p in PROMISES for s in p.steps]
    return min(days + [d["decided_on"] for d in DECISIONS])


def _recorded(on):
    """When a status change of the sample data was published: two days after it happened (its
    `recorded_on`), late in the afternoon."""
    return sample_moment(on + datetime.timedelta(days=2), hour=16)


def _entered(promise, done):
    """When a sample promise was first published: a week after it was made, or two days after the last
    status change its first revision already holds; never before the tracker began."""
    day = done[-1].on + datetime.timedelta(days=2) if done else promise.made_on + datetime.timedelta(days=7)
    return max(sample_moment(day, hour=11), tracker_began())


def load_decisions(offices, commitments, *, user, report):
    for spec in DECISIONS:
        spec = dict(spec)
        linked = spec.pop("commitments")
        slug = slugify(spec["title"])[:100]

        def build(spec=spec, linked=linked, slug=slug):
            title_ur, summary_ur = ur.DECISIONS.get(slug, ("", ""))
            decision = Decision(
                slug=slug,
                title_ur=title_ur,
                summary_ur=summary_ur,
                **{**spec, "deciding_office": offices[spec["deciding_office"]]},
            )
            for commitment_slug in linked:
                decision.linked_commitments.add(DecisionCommitment(commitment=commitments[commitment_slug]))
            copy = GOVERNMENT_COPY
            decision.sources.add(
                DecisionSource(
                    url=f"{copy[0]}/{spec['decided_on']:%Y}/{slug}.pdf",
                    title=spec["title"],
                    publisher=copy[1],
                    published_on=spec["decided_on"],
                    quote=spec["summary"],
                    kind=SourceKind.NOTIFICATION,
                )
            )
            return decision

        publish_if_missing(
            Decision,
            slug,
            build,
            user=user,
            summary=f"Sample data: add the decision “{spec['title']}”",
            report=report,
            as_of=max(sample_moment(spec["decided_on"] + datetime.timedelta(days=5), hour=12), tracker_began()),
        )

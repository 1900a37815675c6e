"""The search tests' world: a corpus of published records with known words, places and owners, built
from the shared factories and scenario, and the helpers that read the search page."""

import datetime

from django.utils import timezone

from tests import scenario
from tests.factories import (
    DecisionFactory,
    JurisdictionFactory,
    OfficeFactory,
    OrganizationFactory,
    PersonFactory,
    TenureFactory,
)
from tracker import publishing
from tracker.models import Commitment, vocabulary

TODAY = timezone.localdate()
PAST = datetime.date(2020, 6, 30)
FUTURE = datetime.date(2099, 12, 31)


class Corpus:
    """Five published commitments in two provinces, with elected, appointed and administrator
    owners, their holders, a decision, and one unpublished commitment that must never be found."""


def build_corpus():
    c = Corpus()
    c.pakistan = JurisdictionFactory(name="Pakistan", slug="pakistan", tier=vocabulary.JurisdictionTier.FEDERAL)
    c.balochistan = JurisdictionFactory(
        name="Balochistan", name_ur="بلوچستان", slug="balochistan", tier="province", parent=c.pakistan
    )
    c.quetta = JurisdictionFactory(name="Quetta District", name_ur="کوئٹہ", slug="quetta", parent=c.balochistan)
    c.punjab = JurisdictionFactory(name="Punjab", name_ur="پنجاب", slug="punjab", tier="province", parent=c.pakistan)
    c.lahore = JurisdictionFactory(name="Lahore District", name_ur="لاہور", slug="lahore", parent=c.punjab)

    secretariat = OrganizationFactory(name="Balochistan Civil Secretariat", jurisdiction=c.balochistan)
    district = OrganizationFactory(name="District Administration Quetta", jurisdiction=c.quetta)
    schools = OrganizationFactory(name="School Education Department Punjab", jurisdiction=c.punjab)
    corporation = OrganizationFactory(name="Metropolitan Corporation Lahore", jurisdiction=c.lahore)

    def office(title, slug, kind, organization, title_ur=""):
        return OfficeFactory(title=title, slug=slug, kind=kind, organization=organization, title_ur=title_ur)

    c.cm = office("Chief Minister Balochistan", "cm-balochistan", "elected", secretariat, "وزیر اعلیٰ بلوچستان")
    c.chief_secretary = office("Chief Secretary Balochistan", "chief-secretary", "appointed", secretariat)
    c.dc = office("Deputy Commissioner Quetta", "dc-quetta", "appointed", district, "ڈپٹی کمشنر کوئٹہ")
    c.secretary = office("Secretary Schools Punjab", "secretary-schools", "appointed", schools)
    c.administrator = office("Administrator Lahore", "administrator-lahore", "administrator", corporation)

    c.ayesha = PersonFactory(name="Ayesha Baloch", slug="ayesha-baloch")
    c.imran = PersonFactory(name="Imran Qureshi", slug="imran-qureshi")
    c.sana = PersonFactory(name="Sana Mir", name_ur="ثنا میر", slug="sana-mir")
    c.bilal = PersonFactory(name="Bilal Ahmed", slug="bilal-ahmed")
    TenureFactory(office=c.cm, person=c.ayesha, start_date=datetime.date(2023, 3, 1), how="elected")
    TenureFactory(
        office=c.dc,
        person=c.imran,
        start_date=datetime.date(2021, 1, 1),
        end_date=datetime.date(2023, 12, 31),
        end_reason="transferred",
    )
    TenureFactory(office=c.dc, person=c.sana, start_date=datetime.date(2024, 1, 1), how="transferred")
    TenureFactory(office=c.administrator, person=c.bilal, start_date=datetime.date(2022, 1, 1))

    political, administrative = vocabulary.OwnershipRole.POLITICAL, vocabulary.OwnershipRole.ADMINISTRATIVE
    owners = {
        "file_tracking": [(c.cm, political), (c.chief_secretary, administrative)],
        "water": [(c.dc, administrative), (c.cm, political)],
        "schools": [(c.secretary, administrative), (c.administrator, administrative)],
        "roads": [(c.dc, administrative)],
        "waste": [(c.administrator, administrative)],
        "draft": [(c.dc, administrative)],
    }
    for name, (place, days_ago, fields) in COMMITMENTS.items():
        published = timezone.now() - datetime.timedelta(days=days_ago)
        record = scenario.commitment(
            owners=owners[name], jurisdiction=getattr(c, place), last_published_at=published, **fields
        )
        record.save()  # with its owners, as plain rows
        setattr(c, name, record)
    c.decision = DecisionFactory(
        title="Committee to introduce file tracking",
        slug="committee-file-tracking",
        kind="notification",
        decided_on=datetime.date(2021, 5, 1),
        deciding_office=c.chief_secretary,
        summary="Notifies a committee to introduce electronic file tracking in the secretariat.",
    )
    return c


# The commitments searched, by attribute: (place, days since it was last published, fields). The last is a draft.
COMMITMENTS = {
    "file_tracking": (
        "balochistan",
        1,
        {
            "title": "File tracking system for the Balochistan secretariat",
            "title_ur": "بلوچستان سیکرٹریٹ کے لیے فائل ٹریکنگ سسٹم",
            "text": (
                "Every file in the civil secretariat will be tracked online, from the section officer to the minister."
            ),
            "status": "stalled",
            "sector": "e_governance",
            "deadline": PAST,
        },
    ),
    "water": (
        "quetta",
        5,
        {
            "title": "Clean drinking water for Quetta",
            "title_ur": "کوئٹہ کے لیے صاف پانی",
            "text": "Filtration plants in every union council of the district.",
            "status": "in_progress",
            "sector": "water_sanitation",
            "deadline": FUTURE,
        },
    ),
    "schools": (
        "lahore",
        3,
        {
            "title": "Upgrade primary schools in Lahore",
            "text": "Two hundred primary schools become elementary schools.",
            "status": "delivered",
            "sector": "education",
            "deadline": datetime.date(2021, 1, 1),
        },
    ),
    "roads": (
        "quetta",
        10,
        {
            "title": "Repair roads in Quetta after the floods",
            "text": "Flood-damaged roads repaired before the monsoon.",
            "status": "not_started",
            "sector": "roads_transport",
            "deadline": datetime.date(2022, 12, 31),
        },
    ),
    "waste": (
        "lahore",
        20,
        {
            "title": "Solid waste collection in Lahore",
            "text": "Waste collected from every street <script>alert('x')</script> twice a week.",
            "status": "broken",
            "sector": "local_government",
            "deadline": datetime.date(2019, 1, 1),
        },
    ),
    "draft": (
        "quetta",
        0,
        {
            "title": "Secret draft promise about Quetta",
            "status": "not_started",
            "sector": "health",
            "deadline": FUTURE,
            "live": False,
        },
    ),
}


def index_everything():
    from search import indexing
    from search.backends import targets

    for target in targets():
        indexing.rebuild(target)
        indexing.drain(target)


def search_page(client, **params):
    return client.get("/search/", params)


def titles(response):
    return [hit.title for hit in response.context["results"].hits]


def retitle(commitment, title):
    """Publish a new title for `commitment` (its next public revision)."""
    record = Commitment.objects.get(pk=commitment.pk)
    record.title = title
    return publishing.publish(record, summary="Title corrected from the notification")

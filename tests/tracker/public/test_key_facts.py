"""What a citizen reads first (issue 27, "the first five seconds"): the summary under a commitment's title
(its status and progress, overdue or due, who answers to voters and who must deliver, with the people
holding those offices on the day, and when the page was last updated), and the key facts at the top of
the office, person, place and decision pages."""

import contextlib
import datetime
import re
from unittest import mock

import pytest
from django.utils import timezone

from tests import scenario
from tests.pages import in_urdu
from tests.tracker.public.test_pages import text
from tracker.models import PublicRevision
from tracker.public.key_facts import CLOSED, DUE, NO_DEADLINE, OVERDUE, commitment_glance, main_offices, vacant_since
from tracker.public.ownership import owners_on, published_owners, tenures_by_office

pytestmark = pytest.mark.django_db
D = datetime.date
FILES = "/commitments/file-tracking-system-for-the-secretariat/"
WATER = "/commitments/clean-drinking-water-for-quettas-union-councils/"


def facts(response):
    """The words of the key facts at the top of a page (its first `.facts` block)."""
    html = response.content.decode()
    block = re.search(r'<div class="facts[^"]*">(.*?)</div>', html, flags=re.S)[1]
    return text_of(block)


def text_of(html):
    words = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    return re.sub(r"\(\s+", "(", re.sub(r"\s+([,.:;)])", r"\1", words)).strip()


def facts_html(response):
    return re.search(r'<div class="facts[^"]*">(.*?)</div>', response.content.decode(), flags=re.S)[1]


@contextlib.contextmanager
def today_is(day):
    """The site as it reads on `day`: everything that asks for today's date (timezone.localdate()) gets it."""
    real = timezone.localdate

    def localdate(value=None, timezone=None):
        return day if value is None else real(value, timezone)

    with mock.patch("django.utils.timezone.localdate", localdate):
        yield


# --- The commitment's summary --------------------------------------------------------------------------


def test_the_summary_says_the_status_progress_how_long_overdue_and_who_owns_it_now(client, quetta):
    response = client.get(FILES)
    said = facts(response)
    assert said.startswith("Stalled since 10 March 2021 · Progress 30% · Overdue since 30 June 2020")
    assert "Answers to voters: Chief Minister Balochistan (Nadir Zehri)" in said
    assert "Must deliver: Deputy Commissioner Quetta (Erum Baloch)" in said
    html = facts_html(response)
    # Each office and each person is a link to their page; the overdue badge is marked as such.
    for address in (
        "/offices/chief-minister-balochistan/",
        "/people/nadir-zehri/",
        "/offices/deputy-commissioner-quetta/",
    ):
        assert f'href="{address}"' in html
    assert '<strong class="overdue">Overdue since 30 June 2020</strong>' in html
    # It sits right under the title, before the promise.
    page = text(response)
    assert page.index("File tracking system for the secretariat Stalled since") < page.index("The promise")


def test_a_delivered_commitment_is_not_overdue_and_its_vacant_elected_office_says_so(client, quetta):
    said = facts(client.get(WATER))
    assert said.startswith("Delivered on 1 February 2020 · Progress 100% · Deadline was 31 December 2019")
    assert "verdue" not in said
    assert "Answers to voters: Mayor of Quetta (vacant)" in said
    assert "Must deliver: Administrator Metropolitan Corporation Quetta (Gul Mandokhail)" in said


def test_on_a_day_with_an_acting_holder_the_summary_names_both_holders(client, quetta):
    with today_is(D(2021, 3, 10)):
        said = facts(client.get(FILES))
    assert "Must deliver: Deputy Commissioner Quetta (Camran Achakzai; acting: Dawood Mengal)" in said
    assert "Answers to voters: Chief Minister Balochistan (Nadir Zehri)" in said


def test_on_a_day_the_office_was_vacant_the_summary_says_vacant(client, quetta):
    with today_is(D(2022, 1, 5)):
        said = facts(client.get(FILES))
    assert "Must deliver: Deputy Commissioner Quetta (vacant)" in said


def test_before_its_deadline_an_open_commitment_is_due_not_overdue(client, quetta):
    with today_is(D(2020, 1, 1)):
        said = facts(client.get(FILES))
    assert "Due 30 June 2020" in said and "Overdue" not in said
    assert "Must deliver: Deputy Commissioner Quetta (Bushra Kakar)" in said


@pytest.mark.parametrize(
    "status, deadline, state",
    [
        ("stalled", D(2020, 6, 29), OVERDUE),
        ("in_progress", D(2020, 7, 1), DUE),
        ("in_progress", D(2020, 6, 30), DUE),  # due today is not yet overdue
        ("delivered", D(2020, 6, 30), CLOSED),
        ("broken", D(2020, 6, 30), CLOSED),
        ("not_started", None, NO_DEADLINE),
    ],
)
def test_the_deadline_is_overdue_due_or_past_for_a_closed_commitment(quetta, status, deadline, state):
    commitment = quetta.files
    commitment.status, commitment.deadline = status, deadline
    assert commitment_glance(commitment, [], None, D(2020, 6, 30)).deadline_state == state


def test_the_summary_always_says_who_answers_to_voters_and_who_must_deliver(quetta):
    owners = published_owners(quetta.files)
    tenures = tenures_by_office([o.office_id for o in owners])
    only_appointed = [o for o in owners_on(owners, tenures, D(2023, 1, 1)) if o.owner.role == "administrative"]
    lines = commitment_glance(quetta.files, only_appointed, None, D(2023, 1, 1)).lines
    assert [(str(line.label), [o.office.title for o in line.owners]) for line in lines] == [
        ("Answers to voters", []),  # shown as "none recorded"
        ("Must deliver", ["Deputy Commissioner Quetta"]),
    ]


def test_a_political_owner_that_is_not_elected_is_not_said_to_answer_to_voters(client, quetta):
    owner = quetta.water.owners.get(office=quetta.mayor)
    owner.office = quetta.administrator
    owner.save()
    said = facts(client.get(WATER))
    assert "Answers to voters: none recorded" in said
    assert "Answers for it politically: Administrator Metropolitan Corporation Quetta (Gul Mandokhail)" in said


def test_the_summary_reads_in_urdu(client, quetta):
    said = facts(in_urdu(client, FILES))
    assert "10 مارچ 2021 سے" in said and "30 جون 2020 سے تاخیر کا شکار" in said and "پیش رفت" in said
    assert "ووٹروں کو جواب دہ:" in said and "عمل درآمد کا ذمہ دار:" in said and "آخری تازہ کاری" in said
    assert not re.search(r"\b(?:Overdue|since|Progress|Answers|Must deliver|Last updated)\b", said)


# --- Last updated ----------------------------------------------------------------------------------------


def latest_revision_day(record):
    revision = PublicRevision.objects.for_record(record).order_by("-number").first()
    return timezone.localtime(revision.published_at).date()


@pytest.mark.parametrize(
    "name, days",
    [("files", 40), ("decision", 41), ("dc", 42), ("people.e", 43), ("quetta", 44)],
)
def test_every_record_page_says_when_it_was_last_updated_from_its_latest_public_revision(client, quetta, name, days):
    record = quetta
    for part in name.split("."):
        record = getattr(record, part)
    later = timezone.now() + datetime.timedelta(days=days)
    scenario.add_revisions(record, 1, start=later)
    day = latest_revision_day(record)
    assert day == timezone.localtime(later).date()
    response = client.get(record.get_absolute_url())
    said = facts(response) if name != "decision" else text(response)
    assert f"Last updated {day:%-d %B %Y}" in said
    history = f"{record.get_absolute_url()}history/"
    assert re.search(
        rf'<p class="updated">Last updated <a href="{history}"><time datetime="{day:%Y-%m-%d}T',
        response.content.decode(),
    )


def test_last_updated_moves_on_with_each_publish_and_is_the_same_in_urdu(client, quetta):
    before = facts(client.get(WATER))
    assert f"Last updated {latest_revision_day(quetta.water):%-d %B %Y}" in before
    scenario.add_revisions(
        quetta.water, 2, start=timezone.now() + datetime.timedelta(days=400), step=datetime.timedelta(days=30)
    )
    day = latest_revision_day(quetta.water)
    assert f"Last updated {day:%-d %B %Y}" in facts(client.get(WATER))
    assert f'href="/ur{WATER}history/"' in facts_html(in_urdu(client, WATER))


# --- Offices, people, places ------------------------------------------------------------------------------


def test_an_office_says_who_holds_it_since_when_and_how_many_of_its_commitments_are_overdue(client, quetta):
    response = client.get("/offices/deputy-commissioner-quetta/")
    said = facts(response)
    assert said.startswith("Appointed · District Administration Quetta · Quetta")
    assert "Held now by: Erum Baloch since 15 Jan 2022" in said
    assert "Owns 1 commitment · 1 of them overdue" in said
    overdue = re.search(r'<a class="overdue" href="([^"]+)">', facts_html(response))[1].replace("&amp;", "&")
    listed = text(client.get(overdue))
    assert "File tracking system for the secretariat" in listed and "Clean drinking water" not in listed


def test_a_vacant_office_says_since_when_and_none_overdue(client, quetta):
    said = facts(client.get("/offices/mayor-of-quetta/"))
    assert "Held now by: vacant since 28 Aug 2019" in said
    assert "Owns 1 commitment · none of them overdue" in said


def test_an_acting_holder_is_named_as_acting(client, quetta):
    with today_is(D(2021, 3, 10)):
        said = facts(client.get("/offices/deputy-commissioner-quetta/"))
    assert "Held now by: Camran Achakzai since 1 Jul 2020; acting: Dawood Mengal since 1 Mar 2021" in said


def test_a_person_says_what_they_hold_now_or_held_last(client, quetta):
    assert "Holds now: Appointed Deputy Commissioner Quetta since 15 Jan 2022" in facts(
        client.get("/people/erum-baloch/")
    )
    assert "Holds no office now · Last held: Deputy Commissioner Quetta until 30 Jun 2020" in facts(
        client.get("/people/bushra-kakar/")
    )
    with today_is(D(2021, 6, 15)):
        said = facts(client.get("/people/nadir-zehri/"))
    assert (
        "Holds now: Elected Chief Minister Balochistan since 19 Aug 2018; "
        "Appointed Secretary Finance Balochistan (additional charge) since 1 Jun 2021"
    ) in said


def test_a_district_says_its_council_is_run_by_an_administrator_and_who_holds_its_main_offices(client, quetta):
    said = facts(client.get("/jurisdictions/quetta/"))
    assert said.startswith("District · 2 commitments")
    assert "Council: Metropolitan Corporation Quetta · Run by an administrator since 28 Aug 2019" in said
    held = [
        "Elected Mayor of Quetta: vacant since 28 Aug 2019",
        "Administrator Metropolitan Corporation Quetta: Gul Mandokhail since 28 Aug 2019",
        "Appointed Deputy Commissioner Quetta: Erum Baloch since 15 Jan 2022",
    ]
    positions = [said.index(line) for line in held]
    assert positions == sorted(positions)


def test_a_district_whose_council_sat_then_says_it_was_elected(client, quetta):
    with today_is(D(2018, 1, 1)):
        said = facts(client.get("/jurisdictions/quetta/"))
    assert "Council: Metropolitan Corporation Quetta · Elected council since 1 Dec 2015" in said
    assert "Elected Mayor of Quetta: Farid Raisani since 1 Dec 2015" in said


def test_a_province_names_its_chief_minister_not_every_department(client, quetta):
    said = facts(client.get("/jurisdictions/balochistan/"))
    assert "Elected Chief Minister Balochistan: Nadir Zehri since 19 Aug 2018" in said
    assert "Secretary Finance" not in said and "Council" not in said


def test_main_offices_are_the_heads_of_the_executive_bodies(quetta):
    from tracker.models import Office

    offices = list(Office.objects.published().select_related("organization"))
    assert [
        o.title for o in main_offices([o for o in offices if o.organization.jurisdiction_id == quetta.quetta.pk])
    ] == [
        "Mayor of Quetta",
        "Administrator Metropolitan Corporation Quetta",
        "Deputy Commissioner Quetta",
    ]


def test_an_office_falls_vacant_the_day_after_its_last_holder_left(quetta):
    tenures = list(quetta.dc.tenures.all())
    assert vacant_since(tenures, D(2022, 1, 5)) == D(2022, 1, 1)
    assert vacant_since(tenures, D(2022, 1, 15)) is None
    assert vacant_since(tenures, D(2018, 1, 1)) is None  # before anyone was recorded: not "vacant since"
    assert vacant_since([], D(2022, 1, 5)) is None


def test_the_key_facts_of_every_record_page_come_before_its_sections(client, quetta):
    for address, first_section in [
        (FILES, "The promise"),
        ("/offices/deputy-commissioner-quetta/", "Holders over time"),
        ("/people/erum-baloch/", "Offices held"),
        ("/jurisdictions/quetta/", "Elected and appointed owners, side by side"),
    ]:
        page = text(client.get(address))
        assert page.index("Last updated") < page.index(first_section), address


def test_a_summary_kept_before_the_key_facts_were_still_gives_them(client, quetta, settings):
    """A page summary stored by the version before (without the office's overdue count or the place's key
    facts) is read until it goes stale: the page works them out itself meanwhile."""
    from tracker.models import PublicSummary
    from tracker.public import stored_figures
    from tracker.public.summaries import compute_key, key_of

    settings.PUBLIC_SUMMARIES = True
    today = timezone.localdate()
    for kind, pk, newer in (("office", quetta.dc.pk, "overdue_count"), ("place", quetta.quetta.pk, "facts")):
        kept = compute_key(key_of(kind, pk), today)
        del kept[newer]
        PublicSummary.objects.create(key=key_of(kind, pk), day=today, fresh=True, data=stored_figures.dumps(kept))
    assert "Owns 1 commitment · 1 of them overdue" in facts(client.get("/offices/deputy-commissioner-quetta/"))
    said = facts(client.get("/jurisdictions/quetta/"))
    assert "Council: Metropolitan Corporation Quetta · Run by an administrator since 28 Aug 2019" in said

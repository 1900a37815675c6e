"""Public pages show the facts citizens come for: who owns what, when, and how it went."""

import datetime
import html as html_lib
import json
import re

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db
D = datetime.date


def text(response):
    """The page's visible words, tags removed and spaces collapsed."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    words = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    return re.sub(r"\(\s+", "(", re.sub(r"\s+([,.:;)])", r"\1", words))


def section(page_text, start, end=None):
    tail = page_text.split(start, 1)[1]
    return tail.split(end, 1)[0] if end else tail


def unsaid(page_text, *phrases):
    """The phrases that `page_text` does not say."""
    return [phrase for phrase in phrases if phrase not in page_text]


def _words(fragment):
    return html_lib.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", fragment))).strip()


def owners_table(response):
    """The commitment page's owners over time, as [(owner, [(held by, from, until, [key dates])])]: one
    entry per owner ("Answers to voters: Elected Chief Minister Balochistan"), in the page's order."""
    html = response.content.decode()
    table = html.split('<table class="periods">', 1)[1].split("</table>", 1)[0]
    found = []
    for body in re.findall(r"<tbody[^>]*>(.*?)</tbody>", table, flags=re.S):
        head, *rows = re.findall(r"<tr[^>]*>(.*?)</tr>", body, flags=re.S)
        periods = []
        for row in rows:
            holder, start, end, dates = re.findall(r"<t[hd]\b[^>]*>(.*?)</t[hd]>", row, flags=re.S)
            marks = [_words(m) for m in re.findall(r'<span class="mark[^"]*">(.*?)</span>', dates, flags=re.S)]
            periods.append((_words(holder), _words(start), _words(end), marks))
        found.append((_words(head), periods))
    return found


def periods_of(table, owner):
    """The periods of the one owner named `owner` in `owners_table`."""
    [periods] = [periods for head, periods in table if head == owner]
    return periods


def test_commitment_page_shows_status_deadline_and_owners_now(client, quetta):
    response = client.get("/commitments/file-tracking-system-for-the-secretariat/")
    page = text(response)
    assert "Status: Stalled" in page
    assert "Work began but has stopped" in page
    assert re.search(r"Deadline: 30 June 2020 — (\d+ years?)( \d+ months?)? overdue", page)
    assert "Answers to voters: Chief Minister Balochistan (Nadir Zehri)" in page
    assert "Must deliver: Deputy Commissioner Quetta (Erum Baloch)" in page
    table = owners_table(response)
    elected = periods_of(table, "Answers to voters: Elected Chief Minister Balochistan")
    assert [p[:3] for p in elected if "Now" in p[3]] == [("Nadir Zehri", "19 Aug 2018", "—")]
    appointed = periods_of(table, "Must deliver: Appointed Deputy Commissioner Quetta")
    assert [p[:3] for p in appointed if "Now" in p[3]] == [("Erum Baloch", "15 Jan 2022", "—")]


def test_commitment_page_names_who_held_the_offices_when_it_stalled_and_at_the_deadline(client, quetta):
    table = owners_table(client.get("/commitments/file-tracking-system-for-the-secretariat/"))
    dc = periods_of(table, "Must deliver: Appointed Deputy Commissioner Quetta")
    at_deadline = [p[:3] for p in dc if "Deadline, 30 Jun 2020" in p[3]]
    assert at_deadline == [("Bushra Kakar", "1 Jan 2019", "30 Jun 2020")]
    stalled = [p[:3] for p in dc if "Became “Stalled”, 10 Mar 2021" in p[3]]
    assert stalled == [
        ("Camran Achakzai", "1 Jul 2020", "31 Dec 2021"),
        ("Dawood Mengal (acting)", "1 Mar 2021", "20 Mar 2021"),
    ]
    cm = periods_of(table, "Answers to voters: Elected Chief Minister Balochistan")
    assert cm == [
        (
            "Nadir Zehri",
            "19 Aug 2018",
            "—",
            [
                "Became “In progress”, 1 Sep 2019",
                "Deadline, 30 Jun 2020",
                "Became “Stalled”, 10 Mar 2021",
                "Now",
            ],
        )
    ]


def test_owners_on_a_chosen_date_including_a_vacancy(client, quetta):
    page = text(client.get("/commitments/file-tracking-system-for-the-secretariat/?on=2022-01-05"))
    on_day = section(page, "Owners on 5 January 2022", "Timeline")
    assert "Deputy Commissioner Quetta: vacant" in on_day
    assert "Nadir Zehri" in on_day


def test_a_bad_date_gets_a_clear_message(client, quetta):
    response = client.get("/commitments/file-tracking-system-for-the-secretariat/?on=31-02-2021")
    assert response.status_code == 400
    assert unsaid(text(response), "“31-02-2021” is not a date. Use the form YYYY-MM-DD", "Who owned it, and when") == []


def test_timeline_merges_status_changes_decisions_and_movements(client, quetta):
    timeline = section(
        text(client.get("/commitments/file-tracking-system-for-the-secretariat/")), "Timeline", "Time with"
    )
    events = [
        "1 May 2019 Commitment made",
        "10 May 2019 Next step with Deputy Commissioner Quetta",
        "1 Sep 2019 Not started → In progress",
        "1 Jan 2020 Next step with Secretary Finance Balochistan",
        "15 Feb 2020 Funds for the file tracking system — Budget allocation",
        "22 May 2020 Next step with Deputy Commissioner Quetta",
        "30 Jun 2020 Deadline",
        "10 Mar 2021 In progress → Stalled",
    ]
    positions = [timeline.index(event) for event in events]
    assert positions == sorted(positions)


def test_time_with_each_office_adds_up_the_movements(client, quetta):
    response = client.get("/commitments/file-tracking-system-for-the-secretariat/")
    page = text(response)
    with_dc = 236 + (timezone.localdate() - D(2020, 5, 22)).days
    assert "with Secretary Finance Balochistan: 142 days" in page
    assert f"with Deputy Commissioner Quetta: {with_dc} days" in page
    assert "<svg" in response.content.decode() and "Secretary Finance Balochistan: 142 days" in page


def test_sources_show_with_their_quotes(client, quetta):
    sources = section(text(client.get("/commitments/file-tracking-system-for-the-secretariat/")), "Sources")
    # Each with its kind beside it (a source entered without one: not graded), before its quote.
    assert "Project stalls Kind: News report (rank 7 of 12) how sources are ranked No funds were released." in sources
    assert (
        "CM announces file tracking, Example Daily Kind: not graded how sources are ranked Every file will be tracked."
        in sources
    )


def test_commitment_page_metadata(client, quetta):
    html = client.get("/commitments/file-tracking-system-for-the-secretariat/").content.decode()
    assert "<title>File tracking system for the secretariat · Accountability Tracker</title>" in html
    assert (
        '<link rel="canonical" href="http://testserver/commitments/file-tracking-system-for-the-secretariat/">' in html
    )
    assert '<meta name="description" content="Stalled: Every file in the civil secretariat' in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "Action"
    assert data["actionStatus"] == "https://schema.org/ActiveActionStatus"
    assert {"@type": "GovernmentOrganization", "name": "Deputy Commissioner Quetta", "member": ["Erum Baloch"]} in data[
        "agent"
    ]


def test_person_page_lists_tenures_and_scorecard(client, quetta):
    page = text(client.get("/people/camran-achakzai/"))
    tenures = section(page, "Offices held", "Scorecard")
    row = "Deputy Commissioner Quetta (Appointed) 1 Jul 2020 31 Dec 2021 Transferred in; transferred out"
    assert row in tenures and tenures.count("Deputy Commissioner Quetta") == 1  # listed once
    assert "All tenures 1 0 0 0 1" in page  # owned, delivered, broken, overdue, inherited (overdue before him)
    assert "How this is counted" in page


def test_office_page_shows_holders_over_time_and_waiting_time(client, quetta):
    page = text(client.get("/offices/deputy-commissioner-quetta/"))
    assert "Held now by: Erum Baloch" in page
    holders = section(page, "Holders over time", "commitment owned")
    names = ["Bushra Kakar", "Camran Achakzai", "Dawood Mengal", "Erum Baloch"]
    assert [holders.index(n) for n in names] == sorted(holders.index(n) for n in names)
    assert "Dawood Mengal" in holders and "Acting; charge ended" in holders
    assert holders.count("Erum Baloch") == 1  # one list of holders, not two
    assert "1 commitment owned" in page
    finance = text(client.get("/offices/secretary-finance-balochistan/"))
    assert "On average a commitment's next step waited here 142 days (over 1 visit)." in finance


def test_office_page_pages_through_many_commitments(client):
    from tests.factories import CommitmentFactory, CommitmentOwnerFactory, OfficeFactory

    office = OfficeFactory(title="Chief Secretary Punjab", slug="chief-secretary-punjab")
    for n in range(30):
        CommitmentOwnerFactory(office=office, commitment=CommitmentFactory(title=f"Promise {n:02}"))
    first = text(client.get("/offices/chief-secretary-punjab/"))
    assert "30 commitments owned" in first
    assert "Promise 24" in first and "Promise 25" not in first
    assert "Page 1 of 2" in first
    second = text(client.get("/offices/chief-secretary-punjab/?page=2"))
    assert all(f"Promise {n}" in second for n in range(25, 30)) and "Promise 24" not in second


def test_administrator_office_page(client, quetta):
    page = text(client.get("/offices/administrator-metropolitan-corporation-quetta/"))
    said = ("Administrator Metropolitan Corporation Quetta", "Held now by: Gul Mandokhail", "Appointed administrator")
    assert unsaid(page, *said) == []


def test_jurisdiction_page_compares_elected_and_appointed(client, quetta):
    page = text(client.get("/jurisdictions/balochistan/"))
    assert unsaid(page, "Province", "Places within Quetta Division Division", "2 commitments") == []
    compare = section(page, "Elected and appointed owners, side by side", "Places within")
    assert (
        unsaid(
            compare,
            "Political owner: elected office 2 1 of 2 too few to say 1 of 2 too few to say",
            "Administrative owner: appointed office 1 0 of 1 too few to say 1 of 1 too few to say",
            "Administrative owner: administrator 1 1 of 1 too few to say 0 of 1 too few to say",
            "Appointed too few to say 1 commitment",
        )
        == []
    )


def test_dashboard_counts_and_owners_with_most_overdue(client, quetta):
    page = text(client.get("/"))
    assert unsaid(page, "Of the 2 commitments tracked", "1 commitment is overdue") == []
    owners = section(page, "Offices with the most overdue commitments", "Recently changed")
    assert (
        unsaid(
            owners,
            "Elected Chief Minister Balochistan: 1 overdue — Nadir Zehri",
            "Appointed Deputy Commissioner Quetta: 1 overdue — Erum Baloch",
        )
        == []
    )


@pytest.mark.parametrize(
    "query, shown, hidden",
    [
        ("status=delivered", "Clean drinking water", "File tracking"),
        ("overdue=1", "File tracking", "Clean drinking water"),
        ("office_kind=administrator", "Clean drinking water", "File tracking"),
        ("owner=deputy-commissioner-quetta", "File tracking", "Clean drinking water"),
        ("sector=water_sanitation", "Clean drinking water", "File tracking"),
        ("jurisdiction=punjab", None, "File tracking"),
    ],
)
def test_commitment_list_filters(client, quetta, query, shown, hidden):
    page = text(client.get(f"/commitments/?{query}"))
    if shown:
        assert shown in page
    assert hidden not in page


def test_list_of_a_province_includes_its_districts(client, quetta):
    page = text(client.get("/commitments/?jurisdiction=balochistan"))
    assert "2 commitments" in page


def test_unknown_filter_values_get_clear_messages(client, quetta):
    response = client.get("/commitments/?status=finished&jurisdiction=atlantis")
    assert response.status_code == 400
    assert (
        unsaid(
            text(response),
            "Status: Select a valid choice. finished is not one of the available choices.",
            "Place: No place called “atlantis” is tracked.",
        )
        == []
    )


def test_friendly_404(client, quetta):
    response = client.get("/commitments/no-such-promise/")
    assert response.status_code == 404
    assert "We could not find that page" in text(response)


def test_unpublished_records_are_not_shown(client, quetta):
    quetta.water.unpublish()
    assert client.get("/commitments/clean-drinking-water-for-quettas-union-councils/").status_code == 404
    assert "Clean drinking water" not in text(client.get("/commitments/"))
    assert "Of the 1 commitment tracked" in text(client.get("/"))


def test_commitment_page_weighs_under_60_kb_with_its_css_and_no_javascript(client, quetta):
    from django.contrib.staticfiles import finders

    html = client.get("/commitments/file-tracking-system-for-the-secretariat/").content
    with open(finders.find("css/site.css"), "rb") as stylesheet:
        css = stylesheet.read()
    assert b"<script src" not in html
    assert len(html) + len(css) < 60 * 1024

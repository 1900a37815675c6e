"""What a citizen meets first (issue: the rough edges of a first week of real use): the home page's
search box, counts and changes feed; the commitment page's promise, status, reason and deadline first;
owners named in one vocabulary with their badges everywhere; holders "since" and "until"; a caveat
for dates outside the promise's life; the office time chart in full."""

import datetime
import re

import pytest

from tests.tracker.public.test_pages import owners_table, periods_of, section, text
from tracker.public.presenters import duration, years_months_days

pytestmark = pytest.mark.django_db
D = datetime.date
FILES = "/commitments/file-tracking-system-for-the-secretariat/"


def test_the_home_page_has_a_search_box_one_set_of_counts_and_the_changes_feed(client, quetta):
    html = client.get("/").content.decode()
    form = re.search(r'<form method="get" action="/search/"[^>]*role="search">(.*?)</form>', html, re.S)[1]
    assert '<label for="home-q">' in form and 'name="q" id="home-q"' in form
    assert "<svg" not in html  # the counts once, as links, not again as a chart
    assert html.count('href="/commitments/?status=stalled"') == 1
    assert '<a href="/feeds/changes/" type="application/atom+xml">' in html
    feed = '<link rel="alternate" type="application/atom+xml" title="Every published change" href="/feeds/changes/">'
    assert feed in html


def test_every_page_tells_feed_readers_where_the_changes_feed_is(client, quetta):
    assert 'rel="alternate" type="application/atom+xml" title="Every published change"' in (
        client.get("/commitments/").content.decode()
    )


def test_the_summary_then_the_promise_status_reason_source_and_deadline_come_before_the_owners(client, quetta):
    page = text(client.get(FILES))
    status_box = page.index("Status: Stalled")
    order = [
        page.index("File tracking system for the secretariat Stalled since 10 March 2021"),  # the title, the summary
        page.index("Overdue since 30 June 2020"),
        page.index("Answers to voters: Chief Minister Balochistan (Nadir Zehri)"),
        page.index("Must deliver: Deputy Commissioner Quetta (Erum Baloch)"),
        page.index("The promise Every file in the civil secretariat will be tracked online."),
        status_box,
        page.index("Stalled since 10 March 2021", status_box),
        page.index("No funds were released."),
        page.index("Source: Project stalls"),
        page.index("Deadline: 30 June 2020"),
        page.index("Who owned it, and when"),
    ]
    assert order == sorted(order)
    html = client.get(FILES).content.decode()
    status_box = html.split('aria-labelledby="status-h"', 1)[1].split("</section>", 1)[0]
    assert '<a href="https://example.org/stalled">' in status_box


@pytest.mark.parametrize(
    "start, end, said",
    [
        (D(2020, 6, 30), D(2028, 6, 1), "7 years 11 months"),
        (D(2020, 6, 30), D(2021, 6, 30), "1 year"),
        (D(2020, 6, 30), D(2020, 12, 1), "5 months"),
        (D(2021, 1, 31), D(2021, 2, 28), "28 days"),
        (D(2021, 1, 31), D(2021, 2, 1), "1 day"),
        (D(2021, 1, 1), D(2021, 1, 1), "0 days"),
    ],
)
def test_how_long_is_said_in_years_and_months(start, end, said):
    assert duration(start, end) == said


def test_years_and_months_add_up_to_the_dates():
    assert years_months_days(D(2020, 6, 30), D(2028, 6, 1)) == (7, 11, 0)
    assert years_months_days(D(2019, 2, 28), D(2024, 2, 29)) == (5, 0, 0)


def test_overdue_is_said_in_years_and_months_not_thousands_of_days(client, quetta):
    page = text(client.get(FILES))
    assert re.search(r"— \d+ years?( \d+ months?)? overdue", page)
    assert not re.search(r"\d{3,} days overdue", page)


def test_owners_are_named_in_one_vocabulary(client, quetta):
    response = client.get(FILES)
    page = text(response)
    owners = [owner for owner, _periods in owners_table(response)]
    assert owners == [
        "Answers to voters: Elected Chief Minister Balochistan",
        "Must deliver: Appointed Deputy Commissioner Quetta",
    ]
    assert "Answers to voters: Chief Minister Balochistan (Nadir Zehri)" in page
    assert "Must deliver: Deputy Commissioner Quetta (Erum Baloch)" in page
    assert "Political owner" not in page and "Administrative owner" not in page
    water_response = client.get(quetta.water.get_absolute_url())
    water = text(water_response)
    assert "Administrator Administrator" not in water
    assert "Must deliver: Administrator Metropolitan Corporation Quetta (Gul Mandokhail)" in water
    assert [owner for owner, _periods in owners_table(water_response)][1] == (
        "Must deliver: Administrator Metropolitan Corporation Quetta"
    )


def test_a_supporting_owner_says_so(client, quetta):
    from tracker.public.ownership import OwnerOnDate

    owner = quetta.files.owners.get(office=quetta.dc)
    owner.role = "supporting"
    assert str(OwnerOnDate(owner).role_note) == "supporting"


def test_holders_show_since_and_until(client, quetta):
    dc = periods_of(owners_table(client.get(FILES)), "Must deliver: Appointed Deputy Commissioner Quetta")
    assert [p[:3] for p in dc if "Deadline, 30 Jun 2020" in p[3]] == [("Bushra Kakar", "1 Jan 2019", "30 Jun 2020")]
    on_the_deadline = section(text(client.get(FILES + "?on=2020-06-30")), "Owners on 30 June 2020", "Timeline")
    assert "Bushra Kakar since 1 Jan 2019, until 30 Jun 2020" in on_the_deadline


@pytest.mark.parametrize(
    "day, caveat",
    [
        ("2018-01-01", "The promise was made on 1 May 2019, after this date: nobody owned it yet."),
        ("2999-01-01", "This date is in the future"),
    ],
)
def test_a_date_outside_the_promise_s_life_comes_with_a_caveat(client, quetta, day, caveat):
    on_day = section(text(client.get(FILES + "?on=" + day)), "Owners on", "Timeline")
    assert caveat in on_day


def test_a_date_in_the_promise_s_life_has_no_caveat(client, quetta):
    page = text(client.get(FILES + "?on=2022-01-05"))
    assert "nobody owned it yet" not in page and "in the future" not in page


def test_the_time_with_each_office_chart_shows_full_labels_and_values_and_is_explained(client, quetta):
    html = client.get(FILES).content.decode()
    chart = html.split('aria-labelledby="stays-h"', 1)[1].split("</section>", 1)[0]
    assert "how many days the next step of this commitment waited with each office" in chart
    labels = re.findall(r'<text [^>]*class="chart-label">([^<]*)</text>', chart)
    assert labels == ["Deputy Commissioner Quetta", "Secretary Finance Balochistan"]
    width = int(re.search(r'viewBox="0 0 (\d+) ', chart)[1])
    for value_x, value in re.findall(r'<text x="([\d.]+)" [^>]*class="chart-value">([^<]*)</text>', chart):
        assert value.endswith(" days") and float(value_x) + len(value) * 7 <= width


def test_lists_and_the_home_page_show_owner_badges(client, quetta):
    for address in ("/", "/commitments/", "/jurisdictions/quetta/"):
        html = client.get(address).content.decode()
        assert '<span class="kind kind-elected">Elected</span>' in html, address
        assert '<span class="kind kind-appointed">Appointed</span>' in html, address
    rows = text(client.get("/commitments/"))
    assert "Elected Chief Minister Balochistan, Appointed Deputy Commissioner Quetta" in rows
    assert "Administrator Administrator" not in rows


def test_decision_amounts_are_written_in_crore(client, quetta):
    page = text(client.get(quetta.decision.get_absolute_url()))
    assert "Amount: Rs 4 crore (Rs 4,00,00,000)" in page
    assert "PKR 40000000" not in page

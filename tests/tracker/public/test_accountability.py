"""Who delivers (/accountability/): every figure checked against a world with known answers.

The world: a district whose council was elected until the end of 2019, lapsed to administrators for
two years (one administrator transferred out mid-way, while commitments were open), and was elected
again in 2022, starting with an acting charge. Twelve commitments fell due in the first elected
period, four under the administrators, one has no deadline.
"""

import datetime
import html
import math
import re
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.tracker.public.lapsed_world import commitment
from tracker.public import council_periods as cp
from tracker.public.accountability import AccountabilityForm, build_report, report_csv
from tracker.public.delivery import MIN_COUNT, quartiles, stays_by_kind, wilson

D = datetime.date
pytestmark = pytest.mark.django_db


# --- Statistics, by hand ----------------------------------------------------------------------------


def wilson_by_hand(k, n, z=1.959964):
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return centre - half, centre + half


def test_wilson_interval_matches_known_values():
    low, high = wilson(5, 10)
    assert (round(low, 4), round(high, 4)) == (0.2366, 0.7634)
    low, high = wilson(0, 10)
    assert low == 0 and round(high, 4) == 0.2775
    assert wilson(6, 11) == pytest.approx(wilson_by_hand(6, 11))
    assert wilson(0, 0) is None


def test_the_small_number_threshold_is_where_the_interval_gets_too_wide():
    # Below MIN_COUNT a 50% share's interval is wider than +/- 27 points; at it, narrower than that.
    low, high = wilson(MIN_COUNT - 1, 2 * (MIN_COUNT - 1))  # n = 18: fine
    assert high - low < 0.5
    low, high = wilson(4.5, MIN_COUNT - 1)
    assert (high - low) / 2 > 0.27


def test_quartiles():
    assert quartiles([]) is None
    assert quartiles([7]) == (7, 7, 7)
    assert quartiles([0, 0, 0, 30, 30, 60, 60, 60, 100]) == (0, 30, 60)
    assert quartiles([1, 2, 3, 4]) == (1.75, 2.5, 3.25)


def test_stays_by_kind_adds_up_each_kind():
    moves = [(D(2019, 1, 10), 0, "appointed"), (D(2019, 2, 9), 1, "elected"), (D(2019, 3, 1), 2, "appointed")]
    assert stays_by_kind(moves, D(2019, 3, 11)) == {"appointed": 30 + 10, "elected": 20}


# --- Council periods ----------------------------------------------------------------------------------


def tenure(start, end=None, how="elected", person=1):
    return SimpleNamespace(start_date=start, end_date=end, how=how, person_id=person, person=f"p{person}")


def test_a_council_that_lapses_for_two_years_and_returns():
    elected = [tenure(D(2015, 1, 1), D(2019, 12, 31)), tenure(D(2022, 1, 1), D(2022, 1, 31), "acting", 4)]
    elected.append(tenure(D(2022, 2, 1), None, person=5))
    administrators = [
        tenure(D(2020, 1, 1), D(2020, 12, 31), person=2),
        tenure(D(2021, 1, 1), D(2021, 12, 31), person=3),
    ]
    periods = cp.periods_from_tenures(elected, administrators, D(2024, 5, 1))
    assert [(p.kind, p.start, p.end) for p in periods] == [
        ("elected", D(2015, 1, 1), D(2019, 12, 31)),
        ("administrator", D(2020, 1, 1), D(2021, 12, 31)),
        ("elected", D(2022, 1, 1), D(2024, 5, 1)),
    ]
    assert periods[1].days == 731
    assert [p.person_id for p in periods[1].holders] == [2, 3]  # the transfer does not split the period
    assert [p.person_id for p in periods[2].holders] == [4, 5]  # the acting charge counts as elected


def test_a_gap_with_no_holder_and_an_overlap():
    elected = [tenure(D(2015, 1, 1), D(2016, 12, 31))]
    administrators = [tenure(D(2016, 6, 1), D(2017, 6, 30)), tenure(D(2018, 1, 1), None)]
    periods = cp.periods_from_tenures(elected, administrators, D(2018, 3, 1))
    assert [(p.kind, p.start, p.end) for p in periods] == [
        ("elected", D(2015, 1, 1), D(2016, 12, 31)),  # an elected holder wins over an overlapping administrator
        ("administrator", D(2017, 1, 1), D(2017, 6, 30)),
        ("none", D(2017, 7, 1), D(2017, 12, 31)),
        ("administrator", D(2018, 1, 1), D(2018, 3, 1)),
    ]


# --- The world (tests/tracker/public/lapsed_world.py) -----------------------------------------------


def report(**filters):
    form = AccountabilityForm(filters or None)
    assert not form.is_bound or form.is_valid(), form.errors
    return build_report(form, timezone.localdate())


def group(measures, key):
    return next(m for m in measures if m.key == key)


def test_owner_groups_have_the_known_counts_shares_and_delays(lapsed_council):
    today = timezone.localdate()
    r = report()
    assert r.total == 17
    elected = group(r.owner_groups, "political-elected")
    assert elected.counted.count == 12  # 12 due in 2019 plus the undated one, less the withdrawn one
    assert elected.withdrawn.count == 1
    delivered = elected.outcome("delivered")
    assert (delivered.count, delivered.total, delivered.enough) == (6, 12, True)
    assert delivered.interval == pytest.approx(wilson_by_hand(6, 12))
    assert [elected.outcome(k).count for k in ("partially_delivered", "broken", "stalled", "open")] == [2, 2, 1, 1]
    stalled_days = (today - D(2019, 6, 30)).days
    assert sorted(elected.delay.values) == [0, 0, 0, 30, 30, 60, 60, 60, stalled_days]
    assert elected.delay.enough is False  # nine delays: too few to give a median
    lapsed = group(r.owner_groups, "political-administrator")
    assert (lapsed.counted.count, lapsed.outcome("delivered").count, lapsed.outcome("broken").count) == (4, 1, 2)
    assert lapsed.outcome("delivered").enough is False
    assert sorted(lapsed.delay.values) == [10, (today - D(2021, 6, 30)).days]
    appointed = group(r.owner_groups, "administrative-appointed")
    assert (appointed.counted.count, appointed.outcome("delivered").count) == (16, 7)
    # 0, 0, 0, 10, 30, 30, 60, 60, 60 and the two still open: the middle one is 30.
    assert appointed.delay.enough and appointed.delay.quartiles == (5, 30, 60)


def test_periods_with_and_without_an_elected_council(lapsed_council):
    r = report()
    elected = group(r.council_groups, "elected")
    lapsed = group(r.council_groups, "administrator")
    assert (elected.counted.count, elected.withdrawn.count, elected.outcome("delivered").count) == (11, 1, 6)
    assert elected.outcome("delivered").interval == pytest.approx(wilson_by_hand(6, 11))
    assert (lapsed.counted.count, lapsed.outcome("delivered").count, lapsed.outcome("broken").count) == (4, 1, 2)
    rows = [(row.period.kind, row.period.start, row.measures.counted.count) for row in r.council_rows]
    assert rows == [
        ("elected", D(2015, 1, 1), 11),
        ("administrator", D(2020, 1, 1), 4),
        ("elected", D(2022, 1, 1), 0),
    ]
    assert len(r.council_rows[1].period.people()) == 2


def test_file_tracking_and_who_made_them(lapsed_council):
    r = report()
    kinds = {row.kind: row.days for row in r.kinds}
    assert kinds["appointed"].values == [30]
    assert kinds["elected"].values == [112]  # 9 February to 1 June 2019, when it was delivered
    assert kinds["administrator"].values == []
    makers = {row.kind: row for row in r.makers}
    assert (makers["elected"].made.count, makers["elected"].kept.count) == (12, 6)
    assert (makers["administrator"].made.count, makers["administrator"].kept.count) == (4, 1)
    assert makers["none"].made.count == 0


def test_filters_narrow_every_figure(lapsed_council):
    assert report(district="district").total == 17
    assert report(due_from="2020-01-01").total == 4
    assert report(sector="health").total == 0
    r = report(province="province", due_to="2019-12-31")
    assert [row.measures.counted.count for row in r.council_rows] == [11]


def test_every_figure_links_to_exactly_its_commitments(lapsed_council, client):
    page = client.get("/accountability/").content.decode()
    links = re.findall(r'<a href="(/commitments/\?[^"]*)">(\d+)', page)
    assert len(links) > 60
    for href, shown in links:
        listed = client.get(html.unescape(href))
        assert listed.status_code == 200, href
        count = re.search(r"<p>(\d+) commitments?</p>", listed.content.decode())
        # An empty page of results says no count (the list shows nothing under its filters).
        assert (int(count.group(1)) if count else 0) == int(shown), href


def test_the_page_shows_counts_intervals_and_too_few(lapsed_council, client):
    response = client.get("/accountability/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "6 of 12" in text and '95% interval <span dir="ltr">25–75%</span>' in text  # 50% (25.4% to 74.6%)
    # In Urdu the share and its range read left to right inside the right-to-left line: "25–75%", never
    # "75%–25" or "%50".
    urdu = client.get("/ur/accountability/").content.decode()
    assert '<strong dir="ltr">50%</strong>' in urdu and '95% حد <span dir="ltr">25–75%</span>' in urdu
    assert "too few to say" in text
    assert "<svg" in text and 'role="img"' in text
    assert "/methodology/#who-delivers" in text
    assert "they do not say that one kind of office caused the difference" in text
    for claim in ("because", "leads to", "deliver better", "are better"):
        assert claim not in text.lower()
    assert client.get("/accountability/?province=nowhere").status_code == 400
    assert client.get("/accountability/?due_from=2022-01-01&due_to=2021-01-01").status_code == 400


def test_csv_tables(lapsed_council, client):
    response = client.get("/accountability/csv/?table=owners")
    assert response["Content-Type"].startswith("text/csv")
    rows = response.content.decode().splitlines()
    assert rows[0].startswith("group,measure,count,out_of,percent,ci95_low,ci95_high,enough")
    assert "political-elected,delivered,6,12,50.0,25.4,74.6,yes" in rows
    for table in ("councils", "periods", "time", "makers"):
        assert client.get(f"/accountability/csv/?table={table}&district=district").status_code == 200
    assert client.get("/accountability/csv/?table=nope").status_code == 400
    periods = report_csv(report(), "periods")
    assert "District Council," in periods and ",administrator,2020-01-01,2021-12-31,delivered,1,4," in periods


def test_queries_do_not_grow_with_the_data(lapsed_council, client):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/accountability/?district=district").status_code == 200
        return len(captured)

    queries()  # the first request of a test also reads the site's settings
    before = queries()
    for _ in range(15):
        commitment(
            lapsed_council, D(2021, 3, 1), "delivered", closed=D(2021, 2, 1), moves=[(lapsed_council.dc, D(2020, 1, 1))]
        )
    assert queries() == before


def test_home_and_jurisdiction_pages_link_to_it(lapsed_council, client):
    assert "/accountability/" in client.get("/").content.decode()
    assert "/accountability/?district=district" in client.get("/jurisdictions/district/").content.decode()

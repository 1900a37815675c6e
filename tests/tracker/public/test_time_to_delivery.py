"""Time to delivery on /accountability/ (tracker/public/survival.py): Kaplan-Meier figures checked against
cases whose answer can be worked out by hand, and the page, its Urdu and its CSV showing them.

The world of the page: twelve commitments owned by an elected political office and an appointed
administrative one, dated from today so their clocks are known: two delivered on their deadline, four
delivered 200 days after it, four still open 100 days past their deadline, two still open 800 days past
it; one more shown as delivered with no date of delivery; three owned by an administrator."""

import datetime
import os
import re
import subprocess
import sys

import pytest
from django.utils import timezone

from tests import factories
from tracker.public.accountability import AccountabilityForm, build_report, report_csv
from tracker.public.delivery import MIN_COUNT, Facts
from tracker.public.survival import DEADLINE, MAX_POINTS, PROMISE, duration, time_to_delivery

D = datetime.date
TODAY = D(2026, 1, 1)
POLITICAL_ELECTED = ("political", "elected")
POLITICAL_ADMINISTRATOR = ("political", "administrator")


# --- By hand: no database -------------------------------------------------------------------------------


def fact(pk, days_since_deadline, delivered_after=None, *, status=None, owner=POLITICAL_ELECTED, made_on=None):
    """A commitment due `days_since_deadline` days before TODAY, delivered `delivered_after` days after its
    deadline (None: not delivered)."""
    deadline = TODAY - datetime.timedelta(days=days_since_deadline)
    delivered_on = None if delivered_after is None else deadline + datetime.timedelta(days=delivered_after)
    status = status or ("delivered" if delivered_after is not None else "in_progress")
    return Facts(
        pk,
        status,
        deadline,
        1,
        None,
        made_on=made_on or deadline - datetime.timedelta(days=365),
        delivered_on=delivered_on,
        owners={owner},
    )


def side(found, comparison="political", clock=DEADLINE, index=0):
    chosen = next(c for c in found.comparisons if c.key == comparison)
    return next(c for c in chosen.clocks if c.clock == clock).groups[index]


def clock_of(found, comparison="political", clock=DEADLINE):
    chosen = next(c for c in found.comparisons if c.key == comparison)
    return next(c for c in chosen.clocks if c.clock == clock)


def work_out(facts):
    return time_to_delivery(facts, {}, TODAY, {})


def test_with_nothing_censored_before_the_deliveries_the_curve_is_the_plain_share():
    # Six delivered 0, 0, 0, 30, 30 and 60 days after the deadline; six open two years after theirs.
    delays = [0, 0, 0, 30, 30, 60]
    facts = [fact(i, 1000, d) for i, d in enumerate(delays)] + [fact(10 + i, 730) for i in range(6)]
    group = side(work_out(facts))
    assert (group.commitments, group.delivered, group.running, group.enough) == (12, 6, 6, True)
    assert group.by_deadline.share == pytest.approx(3 / 12)
    assert group.within_year.share == pytest.approx(6 / 12)
    assert group.median.days == 60  # the day the share delivered reaches a half

    from lifelines import KaplanMeierFitter

    fitter = KaplanMeierFitter().fit([*delays, *[730] * 6], [1] * 6 + [0] * 6)
    lower, upper = fitter.confidence_interval_.loc[0.0]
    assert (group.by_deadline.low, group.by_deadline.high) == pytest.approx((1 - upper, 1 - lower))


def test_open_commitments_are_still_running_neither_dropped_nor_failed():
    # 2 delivered on the deadline, 4 open 100 days past it, 4 delivered 200 days after it, 2 open 800 days.
    facts = [fact(i, 1000, 0) for i in range(2)] + [fact(10 + i, 100) for i in range(4)]
    facts += [fact(20 + i, 1000, 200) for i in range(4)] + [fact(30 + i, 800) for i in range(2)]
    group = side(work_out(facts))
    assert (group.commitments, group.delivered, group.running) == (12, 6, 6)
    # Kaplan-Meier: 10/12 not delivered after day 0; the 4 open at day 100 leave 6 at risk, 4 of them
    # delivered at day 200: 1 - 10/12 * 2/6 = 72.2%. Dropping the open ones would say 6/6 = 100%, counting
    # them as failed 6/12 = 50%.
    assert group.within_year.share == pytest.approx(1 - 10 / 12 * 2 / 6)
    assert group.within_year.share not in (pytest.approx(1.0), pytest.approx(0.5))
    assert group.by_deadline.share == pytest.approx(2 / 12)
    assert group.median.days == 200


def test_what_each_clock_leaves_out():
    delivered_no_date = fact(1, 500, status="delivered")
    not_due = fact(2, -30)  # due in a month
    withdrawn = fact(3, 500, status="withdrawn")
    assert duration(delivered_no_date, DEADLINE, TODAY) is None
    assert duration(not_due, DEADLINE, TODAY) is None
    assert duration(not_due, PROMISE, TODAY) == (365 - 30, False)  # promised eleven months ago
    assert duration(withdrawn, PROMISE, TODAY) is None
    assert duration(fact(4, 500, -20), DEADLINE, TODAY) == (0, True)  # early counts as on the deadline
    assert duration(fact(5, 500, 20), PROMISE, TODAY) == (385, True)
    assert duration(fact(6, 500, status="broken"), DEADLINE, TODAY) == (500, False)  # not delivered: running
    found = work_out([delivered_no_date, not_due, withdrawn])
    assert (found.undated, found.not_yet_due) == (1, 1)
    assert side(found).commitments == 0
    assert side(found, clock=PROMISE).commitments == 1


def test_the_median_is_not_reached_when_fewer_than_half_were_delivered():
    facts = [fact(i, 900, 10 * i) for i in range(3)] + [fact(10 + i, 800) for i in range(9)]
    group = side(work_out(facts))
    assert group.enough and group.median.days is None
    assert group.median.rounded[0] is None


def test_too_few_to_say_keeps_the_counts_and_draws_no_curve():
    facts = [fact(i, 900, 0) for i in range(MIN_COUNT - 1)]
    group = side(work_out(facts))
    assert (group.commitments, group.delivered, group.enough) == (MIN_COUNT - 1, MIN_COUNT - 1, False)
    assert group.by_deadline is None and group.median is None and group.points == ()
    assert clock_of(work_out(facts)).p_value is None
    assert "Too few commitments on one side" in clock_of(work_out(facts)).test_words


def test_the_log_rank_test_in_words():
    quick = [fact(i, 900, i) for i in range(12)]
    slow = [fact(100 + i, 900, 600, owner=POLITICAL_ADMINISTRATOR) for i in range(2)]
    slow += [fact(200 + i, 900, owner=POLITICAL_ADMINISTRATOR) for i in range(10)]
    words = clock_of(work_out(quick + slow)).test_words
    assert words.startswith("A difference this large would be unusual if the two groups delivered at the same pace")
    assert "p < 0.001" in words
    alike = [fact(300 + i, 900, i, owner=POLITICAL_ADMINISTRATOR) for i in range(12)]
    found = clock_of(work_out(quick + alike))
    assert found.p_value == pytest.approx(1.0)
    assert found.test_words.startswith("A difference like this could well arise by chance")
    assert "p = 1.00" in found.test_words
    for claim in ("because", "caused", "better"):
        assert claim not in words and claim not in found.test_words


def test_curves_are_bounded_and_the_report_stays_small():
    import pickle

    facts = [fact(i, 1100, i * 5) for i in range(300)] + [fact(1000 + i, 1000 + i) for i in range(300)]
    found = work_out(facts)
    group = side(found)
    assert 0 < len(group.points) <= MAX_POINTS
    assert group.points[0][:2] == (0, pytest.approx(1 / 600, abs=1e-4))
    shares = [p[1] for p in group.points]
    assert shares == sorted(shares)  # the share delivered only rises
    assert max(p[0] for p in group.points) <= 3 * 365
    assert len(pickle.dumps(found)) < 40_000
    assert "numpy" not in pickle.dumps(found).decode("latin-1")  # plain numbers, not lifelines' own


def test_the_page_does_not_import_lifelines():
    code = (
        "import django, importlib, sys; django.setup(); from django.conf import settings; "
        "importlib.import_module(settings.ROOT_URLCONF); import tracker.public.views.accountability; "
        "print('lifelines' in sys.modules, 'pandas' in sys.modules)"
    )
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "config.settings.test")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True, cwd=root)
    assert out.stdout.split() == ["False", "False"]


# --- The page ----------------------------------------------------------------------------------------------


@pytest.fixture
def world(db):
    today = timezone.localdate()
    mayor = factories.OfficeFactory(title="Mayor", kind="elected")
    administrator = factories.OfficeFactory(title="Administrator", kind="administrator")
    dc = factories.OfficeFactory(title="Deputy Commissioner", kind="appointed")

    def commitment(days_since_deadline, delivered_after=None, *, status=None, political=mayor):
        deadline = today - datetime.timedelta(days=days_since_deadline)
        status = status or ("delivered" if delivered_after is not None else "in_progress")
        c = factories.CommitmentFactory(
            deadline=deadline, status=status, made_on=deadline - datetime.timedelta(days=365)
        )
        factories.CommitmentOwnerFactory(commitment=c, office=political, role="political")
        factories.CommitmentOwnerFactory(commitment=c, office=dc, role="administrative")
        if delivered_after is not None:
            factories.StatusChangeFactory(
                commitment=c,
                from_status="in_progress",
                to_status="delivered",
                effective_date=deadline + datetime.timedelta(days=delivered_after),
            )
        return c

    for _ in range(2):
        commitment(1000, 0)
    for _ in range(4):
        commitment(100)
        commitment(1000, 200)
    for _ in range(2):
        commitment(800)
    commitment(600, status="delivered")  # no date of delivery recorded
    for _ in range(3):
        commitment(400, 10, political=administrator)
    return today


def page_report():
    return build_report(AccountabilityForm(None), timezone.localdate())


def text_of(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_page_shows_time_to_delivery(world, client):
    html = client.get("/accountability/").content.decode()
    section = html[html.index('id="time-to-delivery"') : html.index('aria-labelledby="owners-h"')]
    text = text_of(section)
    assert "Time to delivery" in text and "/methodology/#time-to-delivery" in section
    assert "1 commitment shown as delivered has no recorded date of delivery" in text
    # Political owner: elected office, from the deadline: 12 counted, 6 delivered, 6 still running;
    # 17% by the deadline (2 of 12), 72% within a year, half delivered by day 200.
    row = re.search(r"Political owner: elected office</a></th>(.*?)</tr>", section, flags=re.S).group(1)
    cells = text_of(row).split()
    assert cells[:3] == ["12", "6", "6"]
    assert "17%" in row and "72%" in row and "200 days" in row
    assert "Political owner: administrator" in text and "too few to say" in text
    assert "Too few commitments on one side to test the difference." in text
    # Both clocks of the two owner comparisons are drawn; the council comparison, with nothing in it, is not.
    assert section.count("<svg") == 4 and "Years after the deadline" in section
    assert '<p class="chart-title"' in section and "<figcaption>" in section
    assert "inf" not in text.split() and "nan" not in text.lower().split()
    for claim in ("because", "caused by", "deliver better"):
        assert claim not in text.lower()
    # Each group's name lists its commitments, as the page's other figures do.
    assert 'href="/commitments/?counted=1&amp;owner_role=political&amp;office_kind=elected"' in section


def test_the_csv_has_the_pages_figures(world, client):
    rows = client.get("/accountability/csv/?table=survival").content.decode().splitlines()
    assert rows[0].startswith("comparison,group,clock,commitments,delivered,censored,enough,")
    line = next(r for r in rows if r.startswith("political,political-elected,deadline,"))
    cells = line.split(",")
    assert cells[3:8] == ["12", "6", "6", "yes", "16.7"]
    assert cells[10] == "72.2" and cells[13] == "200"
    found = side(page_report().time_to_delivery)
    assert float(cells[7]) == round(found.by_deadline.share * 100, 1)
    low, high = found.within_year.interval_percent
    assert (round(float(cells[11])), round(float(cells[12]))) == (low, high)
    assert next(r for r in rows if r.startswith("political,political-administrator,deadline,")).split(",")[3:7] == [
        "3",
        "3",
        "0",
        "no",
    ]
    curves = client.get("/accountability/csv/?table=curves").content.decode().splitlines()
    assert curves[0] == "comparison,group,clock,day,share_delivered_percent,ci95_low,ci95_high"
    points = [r.split(",") for r in curves if r.startswith("political,political-elected,deadline,")]
    assert points[0][3:5] == ["0", "16.7"] and ["200", "72.2"] in [p[3:5] for p in points]
    assert report_csv(page_report(), "survival") == client.get("/accountability/csv/?table=survival").content.decode()


def test_the_urdu_page_shows_the_section(world, client):
    html = client.get("/ur/accountability/").content.decode()
    section = html[html.index('id="time-to-delivery"') : html.index('aria-labelledby="owners-h"')]
    assert "وقت" in text_of(section)
    assert "Time to delivery" not in section and "Still running" not in section
    assert "72%" in section and section.count("<svg") == 4


def test_the_methodology_states_the_rules_in_both_languages(db, client):
    from tests.pages import in_urdu
    from tracker.demo import mark_as_sample_data

    mark_as_sample_data()  # makes the Urdu methodology page, as loading the demo does
    html = client.get("/methodology/").content.decode()
    section = text_of(html[html.index('id="time-to-delivery"') : html.index('id="who-delivers"')])
    assert "it is still running" in section and "Kaplan-Meier" in section
    assert "shown as delivered whose date of delivery is not recorded is left out" in section
    assert "whose deadline has not passed, since they cannot be late yet" in section
    assert "Below 0.05" in section and "Neither says what caused a difference" in section
    urdu = in_urdu(client, "/methodology/").content.decode()
    section = text_of(urdu[urdu.index('id="time-to-delivery"') : urdu.index('id="who-delivers"')])
    assert "تکمیل میں لگنے والا وقت" in section and "0.05" in section and "still running" not in section

"""Owners over time: the commitment page's one table of who held each owner office, and when, instead of
the same offices listed again for now, the deadline and every status change. Nothing those lists said is
lost: whoever held an owner office on each of those dates is on a row marked with that date."""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone
from django.utils.formats import date_format

from tests import scenario
from tests.tracker.public.test_pages import owners_table, periods_of
from tracker.public.owners_over_time import NOW, gaps, key_dates, owners_over_time
from tracker.public.owners_over_time import periods_of as office_periods
from tracker.public.ownership import holders_on, published_owners, tenures_by_office

pytestmark = pytest.mark.django_db
D = datetime.date
FILES = "/commitments/file-tracking-system-for-the-secretariat/"


def tenure(start, end=None, name="someone", how="posted"):
    return SimpleNamespace(start_date=start, end_date=end, how=how, person=SimpleNamespace(name=name))


def holder_names(holders):
    """How the old lists named the holders of an office on a date: each person ("(acting)" after an acting
    holder's name), or "vacant"."""
    if not holders:
        return {"vacant"}
    suffix = {"acting": " (acting)", "additional_charge": " (additional charge)"}
    return {t.person.name + suffix.get(t.how, "") for t in holders}


def mark_of(day_kind, day, change=None):
    if day_kind == NOW:
        return "Now"
    if day_kind == "deadline":
        return f"Deadline, {date_format(day, 'j M Y')}"
    return f"Became “{change.get_to_status_display()}”, {date_format(day, 'j M Y')}"


@pytest.mark.parametrize("which", ["files", "water"])
def test_on_every_key_date_the_table_names_exactly_who_held_each_owner_office(client, quetta, which):
    """The facts of the old lists (owners now, at the deadline, when each status was reached), worked out
    here from the tenures, are the rows the table marks with that date."""
    commitment = getattr(quetta, which)
    scenario.record_status_change(
        commitment, "broken", on=D(2022, 2, 1), summary="Given up"
    ) if which == "files" else None
    table = owners_table(client.get(commitment.get_absolute_url()))
    owners = published_owners(commitment)
    tenures = tenures_by_office([o.office_id for o in owners])
    changes = list(commitment.status_changes.all())
    today = timezone.localdate()
    dates = key_dates(commitment, changes, today)
    assert len(dates) == len(changes) + 2  # each change, the deadline, now
    assert len(table) == len(owners)
    for owner, (head, periods) in zip(owners, table, strict=True):
        assert head.endswith(owner.office.title)
        for d in dates:
            mark = mark_of(d.kind, d.day, d.change)
            marked = {holder for holder, _start, _end, marks in periods if mark in marks}
            expected = holder_names(holders_on(tenures.get(owner.office_id, []), d.day))
            if marked == {"No holder recorded"}:
                marked = {"vacant"}  # before the first holder recorded the old lists said "vacant" too
            assert marked == expected, (head, mark)


def test_each_owner_office_is_listed_once_and_each_holders_period_once(client, quetta):
    response = client.get(FILES)
    table = owners_table(response)
    heads = [head for head, _periods in table]
    assert len(heads) == len(set(heads)) == 2
    html = response.content.decode().split('<table class="periods">', 1)[1].split("</table>", 1)[0]
    assert html.count('href="/offices/deputy-commissioner-quetta/"') == 1
    assert html.count('href="/offices/chief-minister-balochistan/"') == 1
    for _head, periods in table:
        rows = [(holder, start, end) for holder, start, end, _marks in periods]
        assert len(rows) == len(set(rows))
    # Ten lines of the old lists (two owners, five dates) are six rows, each a holder's whole period,
    # marked with the dates of those lists.
    assert periods_of(table, "Must deliver: Appointed Deputy Commissioner Quetta") == [
        (
            "Bushra Kakar",
            "1 Jan 2019",
            "30 Jun 2020",
            ["Became “In progress”, 1 Sep 2019", "Deadline, 30 Jun 2020"],
        ),
        ("Camran Achakzai", "1 Jul 2020", "31 Dec 2021", ["Became “Stalled”, 10 Mar 2021"]),
        ("Dawood Mengal (acting)", "1 Mar 2021", "20 Mar 2021", ["Became “Stalled”, 10 Mar 2021"]),
        ("vacant", "1 Jan 2022", "14 Jan 2022", []),
        ("Erum Baloch", "15 Jan 2022", "—", ["Now"]),
    ]


def test_a_lapsed_council_s_elected_office_is_vacant_on_every_date_since(client, quetta):
    table = owners_table(client.get(quetta.water.get_absolute_url()))
    assert periods_of(table, "Answers to voters: Elected Mayor of Quetta") == [
        ("Farid Raisani", "1 Dec 2015", "27 Aug 2019", []),
        (
            "vacant",
            "28 Aug 2019",
            "—",
            ["Deadline, 31 Dec 2019", "Became “Delivered”, 1 Feb 2020", "Now"],
        ),
    ]
    # The administrator's office had nobody before the council lapsed: no row says so for nothing.
    assert [p[0] for p in periods_of(table, "Must deliver: Administrator Metropolitan Corporation Quetta")] == [
        "Gul Mandokhail"
    ]


def test_the_table_is_an_accessible_table_that_scrolls_in_a_labelled_region(client, quetta):
    html = client.get(FILES).content.decode()
    region = html.split('<section aria-labelledby="owners-h">', 1)[1].split("</section>", 1)[0]
    assert '<div class="table-wrap" tabindex="0" role="region" aria-labelledby="owners-caption">' in region
    assert '<caption id="owners-caption">' in region
    assert region.count('<th scope="col">') == 4 and region.count('<th scope="rowgroup" colspan="4">') == 2
    assert region.count('<th scope="row">') == 6
    assert "<h3>" not in region  # no list of owners repeated per date
    assert 'class="owners"' not in region


def test_the_table_reads_in_urdu(client, quetta):
    from tests.pages import in_urdu

    table = owners_table(in_urdu(client, FILES))
    assert [head.split(":")[0] for head, _periods in table] == ["ووٹروں کو جواب دہ", "عمل درآمد کا ذمہ دار"]
    marks = [m for _head, periods in table for p in periods for m in p[3]]
    assert "اب" in marks and "مقررہ تاریخ، 30 جون 2020" in marks and "“رکا ہوا” ہوا، 10 مارچ 2021" in marks


# --- Working out the periods ---------------------------------------------------------------------------


def test_gaps_are_the_days_no_tenure_covers():
    assert gaps([]) == [(None, None)]
    held = [tenure(D(2019, 1, 1), D(2020, 6, 30)), tenure(D(2020, 7, 1), D(2021, 12, 31))]
    held.append(tenure(D(2021, 3, 1), D(2021, 3, 20), how="acting"))  # inside another: no gap
    held.append(tenure(D(2022, 1, 15)))
    assert gaps(held) == [(None, D(2018, 12, 31)), (D(2022, 1, 1), D(2022, 1, 14))]
    assert gaps([tenure(D(2015, 12, 1), D(2019, 8, 27))]) == [(None, D(2015, 11, 30)), (D(2019, 8, 28), None)]


def test_periods_after_the_commitment_closed_are_kept_only_on_a_key_date():
    a = tenure(D(2015, 1, 1), D(2018, 12, 31), "A")
    b = tenure(D(2019, 1, 1), D(2020, 12, 31), "B")
    c = tenure(D(2021, 1, 1), D(2022, 12, 31), "C")
    d = tenure(D(2023, 1, 1), None, "D")
    commitment = SimpleNamespace(made_on=D(2016, 1, 1), deadline=D(2019, 6, 30))
    change = SimpleNamespace(effective_date=D(2019, 9, 1), to_status="delivered")
    dates = key_dates(commitment, [change], D(2024, 1, 1))
    periods = office_periods([a, b, c, d], D(2016, 1, 1), D(2019, 9, 1), dates)
    assert [(p.tenure.person.name, [x.kind for x in p.key_dates]) for p in periods] == [
        ("A", []),  # held it when the promise was made
        ("B", ["deadline", "status"]),
        ("D", ["now"]),  # C held it after it was closed, on no key date
    ]


def test_owners_over_time_follows_the_owners_order(quetta):
    owners = published_owners(quetta.files)
    tenures = tenures_by_office([o.office_id for o in owners])
    rows = owners_over_time(quetta.files, owners, tenures, list(quetta.files.status_changes.all()), D(2024, 1, 1))
    assert [(r.office.title, str(r.role_label)) for r in rows] == [
        ("Chief Minister Balochistan", "Answers to voters"),
        ("Deputy Commissioner Quetta", "Must deliver"),
    ]

"""The demo shows the question of "Who delivers": councils follow their province's real periods with and
without an elected council, and enough illustrative local commitments fell due in each (tracker/demo/
volume.py) that every province's comparison gives shares with intervals, read as a journalist would,
from the page and its CSV tables."""

import csv
import datetime
import html
import io

import pytest
from django.db.models import Q
from django.utils import timezone

from tracker.demo import volume
from tracker.models import Commitment, PublicRevision, Tenure
from tracker.models.vocabulary import OfficeKind, OwnershipRole

pytestmark = pytest.mark.django_db
MIN_COUNT = 10  # the page's "too few to say" below this (docs/reference.md, the methodology)
PROVINCES = ["balochistan", "punjab", "sindh", "khyber-pakhtunkhwa", "islamabad-capital-territory"]


def table(client, name, **filters):
    query = "".join(f"&{key}={value}" for key, value in filters.items())
    response = client.get(f"/accountability/csv/?table={name}{query}")
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def generated():
    return Commitment.objects.filter(text__contains="An illustrative commitment generated for the sample data")


def test_councils_follow_their_provinces_periods(demo, client):
    periods = {
        (row["council"], row["period"], row["from"], row["until"])
        for row in table(client, "periods")
        if row["measure"] == "delivered"
    }
    today = timezone.localdate().isoformat()
    expected = {
        # Balochistan: administrators from January 2019 until the councils elected in May 2022.
        ("Metropolitan Corporation Quetta", "elected", "2015-01-28", "2019-01-27"),
        ("Metropolitan Corporation Quetta", "administrator", "2019-01-28", "2022-06-29"),
        ("Metropolitan Corporation Quetta", "elected", "2022-06-30", today),
        # Punjab: dissolved in May 2019, restored on paper in 2021, administrators since June 2022.
        ("Metropolitan Corporation Lahore", "administrator", "2019-05-05", "2021-10-26"),
        ("Metropolitan Corporation Lahore", "elected", "2021-10-27", "2021-12-31"),
        ("Metropolitan Corporation Lahore", "administrator", "2022-06-01", today),
        ("Municipal Corporation Multan", "administrator", "2022-06-01", today),
        # Sindh: administrators from August 2020, elected since 2023.
        ("Karachi Metropolitan Corporation", "administrator", "2020-08-30", "2023-06-14"),
        ("Karachi Metropolitan Corporation", "elected", "2023-06-15", today),
        # Khyber Pakhtunkhwa: administrators between the terms, elected since early 2022.
        ("City Local Government Peshawar", "administrator", "2019-08-29", "2022-01-11"),
        ("City Local Government Peshawar", "elected", "2022-01-12", today),
        # Islamabad: administrators since February 2021.
        ("Metropolitan Corporation Islamabad", "elected", "2016-02-24", "2021-02-14"),
        ("Metropolitan Corporation Islamabad", "administrator", "2021-02-15", today),
    }
    assert expected <= periods
    # Punjab's councils have no holder recorded between the end of the restored term and June 2022.
    lahore = sorted(p for p in periods if p[0] == "Metropolitan Corporation Lahore")
    assert ("Metropolitan Corporation Lahore", "administrator", "2022-01-01", "2022-05-31") not in lahore
    assert not any(start <= "2022-03-01" <= end for _c, _k, start, end in lahore)


@pytest.mark.parametrize("province", PROVINCES)
def test_every_province_compares_elected_and_administrator_councils_with_intervals(demo, client, province):
    rows = table(client, "councils", province=province)
    delivered = {row["council_period"]: row for row in rows if row["measure"] == "delivered"}
    assert set(delivered) == {"elected", "administrator"}
    page = html.unescape(client.get(f"/accountability/?province={province}").content.decode())
    section = page.split('id="councils-h"', 1)[1].split("</section>", 1)[0]
    for kind, row in delivered.items():
        count, out_of = int(row["count"]), int(row["out_of"])
        assert out_of >= MIN_COUNT, (province, kind, out_of)
        assert row["enough"] == "yes"
        low, share, high = float(row["ci95_low"]), float(row["percent"]), float(row["ci95_high"])
        assert low < share < high or (count == 0 and low == share == 0)
        assert f"{count} of {out_of}" in section
        assert f"{round(count * 100 / out_of)}%" in section
    print(province, {kind: (row["count"], row["out_of"], row["percent"]) for kind, row in delivered.items()})


@pytest.mark.parametrize("province", PROVINCES)
def test_files_spend_time_with_every_kind_of_office_in_every_province(demo, client, province):
    rows = {row["office_kind"]: row for row in table(client, "time", province=province)}
    for kind in (OfficeKind.ELECTED, OfficeKind.APPOINTED, OfficeKind.ADMINISTRATOR):
        assert int(rows[kind]["commitments"]) >= MIN_COUNT, (province, kind)
        assert float(rows[kind]["median_days"]) > 0, (province, kind)


def test_the_generated_commitments_read_as_records_that_could_have_happened(demo):
    today = timezone.localdate()
    records = list(generated().prefetch_related("status_changes", "movements__office", "owners__office", "sources"))
    assert 400 <= len(records) <= 600
    by_province = {}
    for commitment in records:
        province = commitment.jurisdiction.path()[1].slug
        by_province[province] = by_province.get(province, 0) + 1
        assert commitment.made_on < commitment.deadline
        # Made by an office someone held that day.
        in_post = Tenure.objects.filter(office=commitment.made_by_office, start_date__lte=commitment.made_on)
        assert in_post.filter(Q(end_date=None) | Q(end_date__gte=commitment.made_on)).exists(), commitment.slug
        assert commitment.title_ur and commitment.text_ur and "not a real promise" in commitment.text
        events = [commitment.made_on]
        for change in commitment.status_changes.all():
            assert commitment.made_on < change.effective_date <= change.recorded_on <= today
            assert change.effective_date > events[-1]
            events.append(change.effective_date)
        moves = [m.arrived_on for m in commitment.movements.all()]
        assert moves == sorted(moves) and moves and commitment.made_on < moves[0] and moves[-1] <= today
        roles = {(owner.role, owner.office.kind) for owner in commitment.owners.all()}
        assert (OwnershipRole.POLITICAL, OfficeKind.APPOINTED) not in roles
        assert {role for role, _kind in roles} >= {OwnershipRole.POLITICAL, OwnershipRole.ADMINISTRATIVE}
        # Published once, after everything it tells had happened.
        [revision] = PublicRevision.objects.for_record(commitment)
        published = timezone.localtime(revision.published_at).date()
        assert max([*events, *moves]) < published <= today or published == today
        assert revision.edit_summary.startswith("Sample data")
        assert commitment.sources.get().url.startswith("https://")
    assert set(by_province) == set(PROVINCES)
    assert min(by_province.values()) >= 90, by_province
    statuses = {c.status for c in records}
    assert {"delivered", "partially_delivered", "broken", "stalled", "in_progress", "withdrawn"} <= statuses


def test_the_generated_set_is_the_same_on_every_run(demo):
    today = timezone.localdate()
    first = [(c.slug, c.status, c.deadline) for c, _known in volume.plan(today)]
    assert first == [(c.slug, c.status, c.deadline) for c, _known in volume.plan(today)]
    # A later day keeps every commitment's title and slug: loading again then adds nothing.
    later = [c.slug for c, _known in volume.plan(today + datetime.timedelta(days=40))]
    assert later == [slug for slug, _status, _deadline in first]

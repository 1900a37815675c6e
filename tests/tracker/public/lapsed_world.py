"""The world of "Who delivers" with known answers (tests/tracker/public/test_accountability.py), shared through
the `lapsed_council` fixture of conftest.py.

A district whose council was elected until the end of 2019, lapsed to administrators for two years (one
administrator transferred out mid-way, while commitments were open), and was elected again in 2022, starting
with an acting charge. Twelve commitments fell due in the first elected period, four under the administrators,
one has no deadline; one more was taken down and one never published.
"""

import datetime
from types import SimpleNamespace

from django.utils import timezone

from tests import factories

D = datetime.date


def commitment(lapsed_council, deadline, status, *, closed=None, political=None, made_by=None, moves=()):
    c = factories.CommitmentFactory(
        jurisdiction=lapsed_council.district,
        deadline=deadline,
        status=status,
        made_by_office=made_by or lapsed_council.mayor,
    )
    factories.CommitmentOwnerFactory(commitment=c, office=political or lapsed_council.mayor, role="political")
    factories.CommitmentOwnerFactory(commitment=c, office=lapsed_council.dc, role="administrative")
    if closed:
        factories.StatusChangeFactory(commitment=c, from_status="in_progress", to_status=status, effective_date=closed)
    for office, day in moves:
        factories.MovementFactory(commitment=c, office=office, arrived_on=day)
    return c


def lapsed_council_world():
    w = SimpleNamespace()
    w.province = factories.JurisdictionFactory(name="Province", tier="province", slug="province")
    w.district = factories.JurisdictionFactory(name="District", tier="district", parent=w.province, slug="district")
    council = factories.OrganizationFactory(name="District Council", classification="council", jurisdiction=w.district)
    admin = factories.OrganizationFactory(classification="district_administration", jurisdiction=w.district)
    w.mayor = factories.OfficeFactory(title="Mayor", kind="elected", organization=council)
    w.administrator = factories.OfficeFactory(title="Administrator", kind="administrator", organization=council)
    w.dc = factories.OfficeFactory(title="Deputy Commissioner", kind="appointed", organization=admin)
    people = [factories.PersonFactory() for _ in range(7)]
    factories.TenureFactory(office=w.mayor, person=people[0], start_date=D(2015, 1, 1), end_date=D(2019, 12, 31))
    factories.TenureFactory(
        office=w.administrator, person=people[1], start_date=D(2020, 1, 1), end_date=D(2020, 12, 31)
    )
    factories.TenureFactory(
        office=w.administrator, person=people[2], start_date=D(2021, 1, 1), end_date=D(2021, 12, 31)
    )
    factories.TenureFactory(
        office=w.mayor, person=people[3], start_date=D(2022, 1, 1), end_date=D(2022, 1, 31), how="acting"
    )
    factories.TenureFactory(office=w.mayor, person=people[4], start_date=D(2022, 2, 1))
    # The deputy commissioner is transferred mid-commitment, with an acting charge in between.
    factories.TenureFactory(office=w.dc, person=people[5], start_date=D(2019, 1, 1), end_date=D(2020, 6, 30))
    factories.TenureFactory(office=w.dc, person=people[6], start_date=D(2020, 7, 1))
    factories.TenureFactory(
        office=w.dc, person=people[0], start_date=D(2020, 3, 1), end_date=D(2020, 3, 20), how="acting"
    )

    due = D(2019, 6, 30)  # in the first elected period
    moves = [(w.dc, D(2019, 1, 10)), (w.mayor, D(2019, 2, 9))]
    w.elected = [commitment(w, due, "delivered", closed=D(2019, 6, 1), moves=moves)]
    w.elected += [commitment(w, due, "delivered", closed=D(2019, 6, 1)) for _ in range(2)]
    w.elected += [commitment(w, due, "delivered", closed=D(2019, 8, 29)) for _ in range(3)]  # 60 days late
    w.elected += [commitment(w, due, "partially_delivered", closed=D(2019, 7, 30)) for _ in range(2)]  # 30 late
    w.elected += [commitment(w, due, "broken", closed=D(2019, 9, 1)) for _ in range(2)]
    w.elected += [commitment(w, due, "stalled"), commitment(w, due, "withdrawn", closed=D(2019, 5, 1))]
    due = D(2021, 6, 30)  # under the administrators
    w.lapsed = [
        commitment(w, due, "delivered", closed=D(2021, 7, 10), political=w.administrator, made_by=w.administrator),
        commitment(w, due, "broken", closed=D(2021, 8, 1), political=w.administrator, made_by=w.administrator),
        commitment(w, due, "broken", closed=D(2021, 8, 1), political=w.administrator, made_by=w.administrator),
        commitment(w, due, "in_progress", political=w.administrator, made_by=w.administrator),
    ]
    w.undated = commitment(w, None, "not_started")
    # Not counted anywhere: a commitment taken down, and one never published.
    taken = commitment(w, D(2019, 6, 30), "delivered", closed=D(2019, 6, 1))
    taken.taken_down_at = timezone.now()
    taken.save()
    draft = commitment(w, D(2019, 6, 30), "delivered", closed=D(2019, 6, 1))
    draft.live = False
    draft.save()
    return w

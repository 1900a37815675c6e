"""A commitment's publish adjusts its holder groups' figures in place (tracker/public/holder_tally.py): the
group's row stays fresh, nothing scores the group again, and its figures equal those scored from scratch
over every tenure, whatever the publish changed (a deadline, the day it was made, a status change inside or
outside a tenure, a withdrawal), in any order (Hypothesis)."""

import datetime

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import factories, scenario
from tests.tracker.public.test_summaries import plain
from tracker.models import Commitment, PublicSummary
from tracker.models.vocabulary import CommitmentStatus, OfficeKind, OwnershipRole
from tracker.public import figures, summaries, summary_keys
from tracker.publishing.takedown import take_down

pytestmark = pytest.mark.django_db
D = datetime.date
ELECTED = summary_keys.group_key("holder-peers", "elected", "province")
APPOINTED = summary_keys.group_key("holder-peers", "appointed", "province")


@pytest.fixture(autouse=True)
def summaries_on(settings):
    settings.PUBLIC_SUMMARIES = True


class Province:
    """Two elected offices of a province, one held by two people in turn and the other by a third since
    2016, and an appointed secretary: two holder groups. Two commitments: one of the first chief
    minister's office, one of the second office, each also owned by the secretary."""

    def __init__(self):
        self.place = province = factories.JurisdictionFactory(tier="province")
        org = factories.OrganizationFactory(jurisdiction=province)
        self.minister = factories.OfficeFactory(kind=OfficeKind.ELECTED, organization=org)
        self.speaker = factories.OfficeFactory(kind=OfficeKind.ELECTED, organization=org)
        self.secretary = factories.OfficeFactory(kind=OfficeKind.APPOINTED, organization=org)
        self.people = first, second, third, officer = [factories.PersonFactory() for _ in range(4)]
        factories.TenureFactory(office=self.minister, person=first, start_date=D(2014, 1, 1), end_date=D(2018, 6, 30))
        factories.TenureFactory(office=self.minister, person=second, start_date=D(2018, 7, 1))
        factories.TenureFactory(office=self.speaker, person=third, start_date=D(2016, 1, 1))
        factories.TenureFactory(office=self.secretary, person=officer, start_date=D(2015, 3, 1))
        self.commitments = [
            scenario.publish(self.unsaved(self.minister, n=1, deadline=D(2017, 12, 31))),
            scenario.publish(self.unsaved(self.speaker, n=2, deadline=D(2040, 1, 1))),
        ]

    def unsaved(self, office, n, **fields):
        return scenario.commitment(
            owners=[(office, OwnershipRole.POLITICAL), (self.secretary, OwnershipRole.ADMINISTRATIVE)],
            slug=f"tally-{n}",
            title=f"Tally commitment {n}",
            made_on=D(2016, 5, 1),
            jurisdiction=self.place,
            live=False,
            **fields,
        )

    @property
    def keys(self):
        return [ELECTED, APPOINTED, *(summary_keys.key_of("person", person.pk) for person in self.people)]

    def read(self, today):
        for key in self.keys:
            summaries.figures(key, today)

    def commitment(self, i):
        return Commitment.objects.get(pk=self.commitments[i].pk)


# What an editor publishes: (commitment 0 or 1, the change)
CHANGES = st.tuples(
    st.integers(0, 1),
    st.one_of(
        st.tuples(st.just("deadline"), st.dates(D(2015, 1, 1), D(2045, 1, 1))),
        st.tuples(st.just("made_on"), st.dates(D(2013, 1, 1), D(2020, 1, 1))),
        st.tuples(
            st.sampled_from(["in_progress", "delivered", "broken", "withdrawn"]),
            st.dates(D(2016, 6, 1), D(2024, 1, 1)),
        ),
        st.tuples(st.just("progress"), st.integers(0, 100)),
    ),
)


def publish_change(province, i, change):
    what, value = change
    commitment = province.commitment(i)
    if what in ("deadline", "made_on", "progress"):
        # A deadline no earlier than the day it was made, as the editor's form requires.
        value = max(value, commitment.made_on) if what == "deadline" else value
        value = min(value, commitment.deadline) if what == "made_on" else value
        setattr(commitment, what, value)
        scenario.publish(commitment, summary=f"A new {what}")
    elif commitment.status not in CommitmentStatus.terminal() and commitment.status != what:
        # Dated no earlier than the day it was made and its last change, as an editor must.
        last = max([commitment.made_on, *(c.effective_date for c in commitment.status_changes.all())])
        scenario.record_status_change(commitment, what, on=max(value, last), summary="News")


def assert_fresh_and_true(province, today, fresh=True):
    """Every holder's row (and each group's) adjusted: still fresh, and equal to the figures scored from scratch.
    With `fresh` false, a person's row may have been left stale (a list of owned commitments the publish
    could not tell), and is then scored again by its reader."""
    for key in province.keys:
        row = PublicSummary.objects.get(key=key)
        if fresh or not key.startswith("person:"):
            assert row.fresh and row.day == today, key
        assert plain(summaries.figures(key, today)) == plain(summaries.compute_key(key, today)), key


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=st.lists(CHANGES, min_size=1, max_size=6), listed=st.sampled_from([50, 1]))
def test_any_sequence_of_publishes_keeps_the_holders_figures_fresh_and_true(changes, listed):
    """`listed`: how many owned commitments a person page lists; at 1 each publish may reorder a full list."""
    today = timezone.localdate()
    kept = figures.SCORECARD_LISTED
    figures.SCORECARD_LISTED = listed
    try:
        with transaction.atomic():  # each example in a savepoint of its own, rolled back after it
            province = Province()
            province.read(today)
            for i, change in changes:
                publish_change(province, i, change)
                assert_fresh_and_true(province, today, fresh=listed > 2)
            transaction.set_rollback(True)
    finally:
        figures.SCORECARD_LISTED = kept


def test_a_delivery_in_the_first_holders_tenure_moves_the_group_by_one():
    """The first chief minister's commitment, overdue since 2018, delivered in 2018 within their tenure:
    the elected holders' group counts one delivered and one overdue fewer, without scoring the group."""
    today = timezone.localdate()
    province = Province()
    province.read(today)
    before = summaries.figures(ELECTED, today)
    shares = {column: share.count for column, _label, share in before.shares}
    assert (before.counted.count, shares["delivered"], shares["overdue"]) == (2, 0, 1)

    scenario.record_status_change(province.commitment(0), "delivered", on=D(2017, 11, 1), summary="Opened")
    after = summaries.figures(ELECTED, today)
    shares = {column: share.count for column, _label, share in after.shares}
    assert (after.counted.count, shares["delivered"], shares["overdue"]) == (2, 1, 0)
    assert PublicSummary.objects.get(key=ELECTED).fresh
    assert plain(after) == plain(summaries.compute_key(ELECTED, today))
    assert summaries.refresh(today) == 0  # nothing left to score


def test_a_withdrawal_leaves_the_counted_commitments_and_is_shown_beside_them():
    """The first commitment, overdue through 2018, withdrawn in 2019: shown beside the counted ones, and no
    longer counted as overdue (nor anything else) against the holders."""
    today = timezone.localdate()
    province = Province()
    province.read(today)
    scenario.record_status_change(province.commitment(0), "withdrawn", on=D(2019, 1, 1), summary="Dropped")
    for key in (ELECTED, APPOINTED):
        figures = summaries.figures(key, today)
        assert (figures.counted.count, figures.withdrawn.count, figures.withdrawn.total) == (1, 1, 2), key
        assert {column: share.count for column, _label, share in figures.shares}["overdue"] == 0, key
    assert_fresh_and_true(province, today)


def test_a_takedown_is_scored_again_and_never_served_stale():
    """A record leaving the public site is not adjusted: the groups are stale and their next reader scores
    them without it."""
    today = timezone.localdate()
    province = Province()
    province.read(today)
    take_down(province.commitment(0), notice="A court order")
    assert not PublicSummary.objects.get(key=ELECTED).fresh
    assert summaries.figures(ELECTED, today).counted.count == 1
    assert plain(summaries.figures(ELECTED, today)) == plain(summaries.compute_key(ELECTED, today))


def test_a_stale_group_is_not_adjusted_but_scored_again():
    today = timezone.localdate()
    province = Province()
    province.read(today)
    PublicSummary.objects.filter(key=ELECTED).mark_stale()
    scenario.record_status_change(province.commitment(1), "broken", on=D(2020, 1, 1), summary="Abandoned")
    assert not PublicSummary.objects.get(key=ELECTED).fresh
    assert PublicSummary.objects.get(key=APPOINTED).fresh
    summaries.refresh(today)
    assert_fresh_and_true(province, today)
    assert {c: s.count for c, _l, s in summaries.figures(ELECTED, today).shares}["broken"] == 1


def test_a_reader_that_scored_before_a_publish_does_not_store_its_figures_over_the_adjusted_ones():
    today = timezone.localdate()
    province = Province()
    province.read(today)
    generation = PublicSummary.objects.get(key=ELECTED).generation
    started = timezone.now()
    old = summaries.compute_key(ELECTED, today)  # a reader scores the group...
    scenario.record_status_change(province.commitment(0), "delivered", on=D(2018, 1, 5), summary="Opened")
    summaries._store(ELECTED, today, old, generation, started)  # ...and stores after the publish
    assert PublicSummary.objects.get(key=ELECTED).fresh
    assert_fresh_and_true(province, today)


def test_a_person_lists_their_first_commitments_in_order_after_a_new_deadline(monkeypatch):
    """The secretary's page lists one commitment (of two): the one due first. A later deadline for it puts
    the other first, which the publish cannot know without reading every owned commitment: the row is scored
    again. The other given a deadline before it comes first, which the publish can tell: adjusted."""
    monkeypatch.setattr(figures, "SCORECARD_LISTED", 1)
    today = timezone.localdate()
    province = Province()
    officer = summary_keys.key_of("person", province.people[3].pk)
    first, second = province.commitments
    province.read(today)
    assert summaries.figures(officer, today)["owned_commitment_ids"] == [first.pk]

    publish_change(province, 0, ("deadline", D(2042, 1, 1)))
    assert not PublicSummary.objects.get(key=officer).fresh
    assert summaries.figures(officer, today)["owned_commitment_ids"] == [second.pk]

    publish_change(province, 0, ("deadline", D(2030, 1, 1)))
    assert PublicSummary.objects.get(key=officer).fresh
    assert summaries.figures(officer, today)["owned_commitment_ids"] == [first.pk]
    assert_fresh_and_true(province, today)

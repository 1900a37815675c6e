"""The maintained page summaries (tracker/public/summaries.py) always equal the figures computed from
scratch: after every kind of write (publish, status change, unpublish, takedown, restore, bulk publish,
deletion, a new tenure) in any order (Hypothesis), after the refresh that follows the commit, and after
`rebuild_summaries`; and a page reads its row instead of computing."""

import dataclasses
import datetime
import itertools

import pytest
from django.core.management import call_command
from django.db import connection, models, transaction
from django.db.models.functions import Now
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.functional import Promise
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cms.models import TrackerSettings
from tests import factories, scenario
from tracker import publishing
from tracker.models import Commitment, PublicSummary
from tracker.models.vocabulary import CommitmentStatus, OfficeKind, OwnershipRole
from tracker.public import compared, figure_inputs, stored_figures, summaries
from tracker.public.peers import office_comparison, person_comparison
from tracker.publishing.bulk import publish_new_records
from tracker.publishing.takedown import restore, take_down

pytestmark = pytest.mark.django_db
D = datetime.date
numbers = itertools.count()


@pytest.fixture(autouse=True)
def summaries_on(settings):
    settings.PUBLIC_SUMMARIES = True


def plain(value):
    """`value` as nested tuples of plain values, so that two computations compare field by field (a model
    instance by its fields, not only its primary key)."""
    if isinstance(value, models.Model):
        return (type(value).__name__, *(plain(getattr(value, f.attname)) for f in value._meta.concrete_fields))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = [f for f in dataclasses.fields(value) if f.compare]  # what its equality compares
        return (type(value).__name__, *(plain(getattr(value, f.name)) for f in fields))
    if isinstance(value, dict):
        return tuple(sorted((str(k), plain(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [plain(v) for v in value]
        return tuple(sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items)
    if isinstance(value, Promise):
        return str(value)
    return value


class World:
    """A province with a district, an elected and an appointed office (each held by someone), and the keys
    of every summary their pages read."""

    def __init__(self):
        self.province = factories.JurisdictionFactory(tier="province")
        self.district = factories.JurisdictionFactory(tier="district", parent=self.province)
        org = factories.OrganizationFactory(jurisdiction=self.province)
        self.elected = factories.OfficeFactory(kind=OfficeKind.ELECTED, organization=org)
        self.appointed = factories.OfficeFactory(kind=OfficeKind.APPOINTED, organization=org)
        self.person = factories.PersonFactory()
        factories.TenureFactory(office=self.elected, person=self.person, start_date=D(2015, 1, 1))
        self.commitments = []
        self.taken_down = []
        self.keys = [
            "dashboard",
            summaries.accountability_key({}),
            summaries.accountability_key({"province": self.province.slug}),
            summaries.key_of("office", self.elected.pk),
            summaries.key_of("office", self.appointed.pk),
            summaries.key_of("person", self.person.pk),
            summaries.key_of("place", self.province.pk),
            # The peer groups the office and person pages compare with (tracker/public/compared.py).
            summaries.key_of("office-peers", "elected:province"),
            summaries.key_of("office-peers", "appointed:province"),
            summaries.key_of("holder-peers", "elected:province"),
        ]
        # The rows a commitment's publish adjusts in place (dashboard_tally.py, holder_tally.py).
        self.adjusted = {"dashboard", summaries.key_of("holder-peers", "elected:province"), self.keys[5]}

    def unsaved(self, **fields):
        n = next(numbers)
        return scenario.commitment(
            owners=[(self.elected, OwnershipRole.POLITICAL), (self.appointed, OwnershipRole.ADMINISTRATIVE)],
            jurisdiction=self.district,
            slug=f"summary-commitment-{n}",
            title=f"Summary commitment {n}",
            made_on=D(2016, 1, 1),
            deadline=D(2018 + n % 4, 1, 1),
            live=False,
            **fields,
        )

    # --- The writes ---

    def publish(self):
        self.commitments.append(scenario.publish(self.unsaved()))

    def deliver(self):
        open_ = [c for c in self.commitments if c.status not in CommitmentStatus.terminal()]
        if open_:
            scenario.record_status_change(open_[0], CommitmentStatus.DELIVERED, on=D(2019, 5, 1), summary="Done")

    def postpone(self):
        """An overdue commitment given a deadline to come: overdue no more (its owners' counts too)."""
        overdue = [c for c in self.commitments if c.is_overdue]
        if overdue:
            overdue[-1].deadline = timezone.localdate() + datetime.timedelta(days=400)
            scenario.publish(overdue[-1], summary="A new deadline")

    def report_progress(self):
        """A new progress figure and a mended text: nothing a kept figure reads."""
        if self.commitments:
            record = self.commitments[0]
            record.progress = (record.progress or 0) % 100 + 5
            record.text = f"{record.text} (wording mended)"
            scenario.publish(record, summary="Progress")

    def unpublish(self):
        if self.commitments:
            publishing.unpublish(self.commitments.pop(), reason="Published by mistake")

    def take_down(self):
        if self.commitments:
            record = self.commitments.pop(0)
            take_down(record, notice="A court order")
            self.taken_down.append(record)

    def restore(self):
        if self.taken_down:
            record = self.taken_down.pop()
            restore(record, reason="Order lifted")
            self.commitments.append(record)

    def bulk_publish(self):
        records = [self.unsaved(), self.unsaved()]
        publish_new_records(Commitment, records, summary="Bulk")
        self.commitments += list(Commitment.objects.filter(pk__in=[r.pk for r in records]))

    def delete(self):
        if self.commitments:
            Commitment.objects.filter(pk=self.commitments.pop().pk).delete()

    def new_tenure(self):
        office = type(self.appointed).objects.get(pk=self.appointed.pk)
        if not office.tenures.exists():
            scenario.add_tenures(office, (self.person, D(2017, 1, 1)))
            scenario.publish(office, summary="A new holder")


WRITES = [name for name in vars(World) if not name.startswith("_") and callable(getattr(World, name))]
WRITES.remove("unsaved")


def read_all(world, today):
    return {key: summaries.figures(key, today) for key in world.keys}


def assert_equal_to_fresh(world, today):
    for key in world.keys:
        assert plain(summaries.figures(key, today)) == plain(summaries.compute_key(key, today)), key


@pytest.mark.parametrize("write", WRITES)
def test_after_each_kind_of_write_the_pages_read_what_a_fresh_computation_gives(write):
    today = timezone.localdate()
    world = World()
    world.publish()
    world.publish()
    read_all(world, today)  # every row stored and fresh
    assert PublicSummary.objects.filter(fresh=True).count() == len(world.keys)
    if write in ("restore", "deliver"):
        world.take_down()
    getattr(world, write)()
    assert_equal_to_fresh(world, today)
    summaries.refresh(today)  # what the task after the commit does
    stored = dict(PublicSummary.objects.values_list("key", "fresh"))
    assert all(stored[key] for key in world.keys), stored
    assert_equal_to_fresh(world, today)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(writes=st.lists(st.sampled_from(WRITES), min_size=1, max_size=5))
def test_any_sequence_of_writes_keeps_the_summaries_true(writes):
    today = timezone.localdate()
    with transaction.atomic():  # each example in a savepoint of its own, rolled back after it
        world = World()
        world.publish()
        for write in writes:
            read_all(world, today)
            getattr(world, write)()
            assert_equal_to_fresh(world, today)
            if write.startswith("p"):  # sometimes the refresh runs between writes, sometimes not
                summaries.refresh(today)
        transaction.set_rollback(True)


def test_the_refresh_runs_once_after_the_commit(django_capture_on_commit_callbacks, settings, monkeypatch):
    # With a broker, as in production: the task the commit asks for is what a worker would run.
    settings.CELERY_TASK_ALWAYS_EAGER = False
    monkeypatch.setattr(summaries.refresh_public_summaries, "apply_async", lambda **_options: summaries.refresh())
    today = timezone.localdate()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        world = World()
        world.publish()
        read_all(world, today)  # rows stored fresh within the transaction
        world.bulk_publish()  # many rows and signals: one refresh
        world.publish()
        assert not PublicSummary.objects.filter(fresh=True).exists()
    assert callbacks.count(summaries.dispatch_refresh) == 1
    assert PublicSummary.objects.filter(fresh=False).count() == 0
    assert_equal_to_fresh(world, today)


def test_a_figure_computed_before_a_change_is_never_stored_as_fresh():
    today = timezone.localdate()
    world = World()
    factories.CommitmentFactory()  # a plain row: nothing published in this (test) transaction yet

    def compute_while_someone_publishes():
        before = summaries.compute_key("dashboard", today)
        world.publish()  # commits (in production) while this request is still computing
        return before

    old = summaries.figures("dashboard", today, compute_while_someone_publishes)
    assert old["total"] == 1
    assert summaries.figures("dashboard", today)["total"] == 2


def test_a_row_of_another_day_is_computed_again():
    today = timezone.localdate()
    world = World()
    world.publish()
    read_all(world, today)
    PublicSummary.objects.update(day=today - datetime.timedelta(days=1))
    factories.CommitmentFactory(deadline=today - datetime.timedelta(days=3))  # a plain row: no signal
    assert summaries.figures("dashboard", today)["overdue_count"] == Commitment.objects.published().overdue().count()
    assert PublicSummary.objects.get(key="dashboard").day == today


def test_rebuild_summaries_computes_every_page_from_scratch():
    today = timezone.localdate()
    world = World()
    world.publish()
    world.deliver()
    read_all(world, today)
    # Rows written behind the publishing actions send no signal: only a rebuild sees them.
    factories.CommitmentOwnerFactory(office=world.appointed, commitment=factories.CommitmentFactory())
    PublicSummary.objects.filter(key="dashboard").update(computed_at=Now())
    call_command("rebuild_summaries", stdout=open("/dev/null", "w"))  # noqa: SIM115
    rows = dict(PublicSummary.objects.values_list("key", "fresh"))
    assert set(world.keys) <= set(rows) and all(rows.values())
    assert_equal_to_fresh(world, today)
    assert summaries.figures("dashboard", today)["total"] == 2


def test_a_page_reads_its_row_instead_of_computing(client):
    world = World()
    world.publish()
    pages = {
        "dashboard": "/",
        "office": world.appointed.get_absolute_url(),
        "person": world.person.get_absolute_url(),
        "place": world.province.get_absolute_url(),
        "accountability": "/accountability/",
    }
    TrackerSettings.load()  # created on first use; that one-off insert is not the page's cost

    def count(url):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    cold = {page: count(url) for page, url in pages.items()}
    warm = {page: count(url) for page, url in pages.items()}
    # One query for the row (and, for an office or a person, one for its peer group's: a row of its own) and
    # one for the site's settings; besides them, only what names the record
    # itself (its children and offices, holders; the office's page of commitments and their owners), the
    # commitments a page lists, read as they are now, with their owners (two), and the place's "Last
    # updated" (its latest public revision; offices and people have it from their tenures').
    assert warm == {"dashboard": 4, "office": 9, "person": 10, "place": 8, "accountability": 3}, warm
    assert all(warm[page] < cold[page] for page in pages), (cold, warm)


def test_without_a_broker_a_publish_only_marks_the_rows_and_each_page_recomputes_its_own(
    django_capture_on_commit_callbacks, settings
):
    """The demo runs tasks in-process: refreshing every stored row after a publish would hold up the
    editor, so the rows are only marked stale, and the next request of each page recomputes its row."""
    settings.CELERY_TASK_ALWAYS_EAGER = True
    today = timezone.localdate()
    with django_capture_on_commit_callbacks(execute=True):
        world = World()
        world.publish()
    read_all(world, today)
    with django_capture_on_commit_callbacks(execute=True):
        world.publish()
    # Nothing recomputed after the commit; the dashboard's and the holders' counts the publish adjusted itself.
    assert set(PublicSummary.objects.filter(fresh=True).values_list("key", flat=True)) == world.adjusted
    read_all(world, today)
    assert PublicSummary.objects.filter(fresh=True).count() == len(world.keys)
    assert_equal_to_fresh(world, today)


def elsewhere(world):
    """An appointed office at district level in another province, held by someone, owning one commitment
    there: no peer of the world's province-level offices. The keys of its pages."""
    province = factories.JurisdictionFactory(tier="province")
    district = factories.JurisdictionFactory(tier="district", parent=province)
    office = factories.OfficeFactory(
        kind=OfficeKind.APPOINTED, organization=factories.OrganizationFactory(jurisdiction=district)
    )
    person = factories.PersonFactory()
    factories.TenureFactory(office=office, person=person, start_date=D(2015, 1, 1))
    scenario.publish(scenario.unsaved_commitment(owner_office=office, jurisdiction=district, slug="far-away"))
    keys = [summaries.key_of("office", office.pk), summaries.key_of("person", person.pk)]
    return office, keys + [summaries.key_of("place", province.pk), summaries.key_of("place", district.pk)]


def a_peer(world):
    """An elected office at province level in another province, held by someone, owning nothing of the
    world's: a peer of the world's elected office. The keys of its pages."""
    org = factories.OrganizationFactory(jurisdiction=factories.JurisdictionFactory(tier="province"))
    office = factories.OfficeFactory(kind=OfficeKind.ELECTED, organization=org)
    person = factories.PersonFactory()
    factories.TenureFactory(office=office, person=person, start_date=D(2016, 1, 1))
    return office, person, [summaries.key_of("office", office.pk), summaries.key_of("person", person.pk)]


def test_a_commitment_publish_stales_only_the_pages_it_concerns():
    """One publish does not make every office, person and place page recompute: only the dashboard, the
    accountability reports, its places, its owners and their holders, and one row for each of their peer
    groups: the page of a peer office and of its holder read their own row as it was, and the group's new
    figures."""
    today = timezone.localdate()
    world = World()
    world.publish()
    _office, untouched = elsewhere(world)
    peer, holder, peer_keys = a_peer(world)
    untouched += peer_keys
    for key in [*world.keys, *untouched]:
        summaries.figures(key, today)
    assert not PublicSummary.objects.filter(fresh=False).exists()

    world.publish()  # a new commitment of the world's district, owned by its two province offices
    world.deliver()  # and a status change published on an existing one

    stale = set(PublicSummary.objects.filter(fresh=False).values_list("key", flat=True))
    assert stale == set(world.keys) - world.adjusted  # the counts each publish adjusted
    for key in [*world.keys, *untouched]:
        assert plain(summaries.figures(key, today)) == plain(summaries.compute_key(key, today)), key
    # What the peer's pages show: its own figures beside its group's, which now count the new commitment.
    shown = compared.office_figures(peer, today)["comparison"]
    assert plain(shown) == plain(office_comparison(peer, today))
    assert [group.counted.count for group in shown.groups] == [0, 2]
    [row] = compared.person_figures(holder, today)["comparison"]
    assert plain(row) == plain(person_comparison(holder, today)[0])
    assert (row.person.counted.count, row.peers.counted.count) == (0, 2)


def test_a_progress_or_text_publish_stales_no_page_and_leaves_the_refresh_nothing_to_do():
    """Editors publish a commitment most often to move its progress on or mend its text: no kept figure reads
    those, so every row stays fresh and still equals the figures computed from scratch, and the dashboard's
    list of the latest published moves on (adjusted by the publish)."""
    today = timezone.localdate()
    world = World()
    world.publish()
    world.publish()
    for key in world.keys:
        summaries.figures(key, today)
    first = Commitment.objects.get(pk=world.commitments[0].pk)
    computed_at = dict(PublicSummary.objects.values_list("key", "computed_at"))

    first.progress = 40
    first.text = "The promise, its wording mended."
    first.title_ur = "پانی کی فراہمی"
    scenario.publish(first, summary="Progress: 40%")

    assert not PublicSummary.objects.filter(fresh=False).exists()
    assert summaries.refresh(today) == 0
    assert dict(PublicSummary.objects.values_list("key", "computed_at")) == computed_at
    assert summaries.figures("dashboard", today)["recent_ids"][0] == first.pk
    for key in world.keys:
        assert plain(summaries.figures(key, today)) == plain(summaries.compute_key(key, today)), key


@pytest.mark.parametrize(
    "change",
    ["title", "deadline", "made_on", "sector", "owner role", "status change", "status change date", "movement"],
)
def test_a_publish_that_changes_what_a_figure_reads_stales_its_pages(change):
    """Whatever else a publish changes of a commitment (what the lists are ordered by, what the figures
    count, its parts), its pages' rows are stale and then equal the figures computed from scratch."""
    today = timezone.localdate()
    world = World()
    world.publish()
    world.deliver()
    for key in world.keys:
        summaries.figures(key, today)
    commitment = Commitment.objects.get(pk=world.commitments[0].pk)
    if change == "title":
        commitment.title = "A to Z: the first of the lists now"
    elif change == "deadline":
        commitment.deadline = D(2030, 1, 1)
    elif change == "made_on":
        commitment.made_on = D(2015, 6, 1)
    elif change == "sector":
        commitment.sector = "health" if commitment.sector != "health" else "education"
    elif change == "owner role":
        owners = list(commitment.owners.all())
        owners[0].role, owners[1].role = owners[1].role, owners[0].role
        commitment.owners = owners
    elif change == "status change":
        scenario.add_status_change(commitment, CommitmentStatus.IN_PROGRESS, on=D(2019, 6, 1))
    elif change == "status change date":
        changes = list(commitment.status_changes.all())
        changes[-1].effective_date = D(2019, 4, 1)
        commitment.status_changes = changes
    else:
        commitment.movements.add(factories.MovementFactory.build(office=world.appointed, arrived_on=D(2017, 3, 1)))
    scenario.publish(commitment, summary=f"A new {change}")

    stale = set(PublicSummary.objects.filter(fresh=False).values_list("key", flat=True))
    assert stale == set(world.keys) - world.adjusted, change
    for key in world.keys:
        assert plain(summaries.figures(key, today)) == plain(summaries.compute_key(key, today)), key


def test_a_publish_stales_the_holders_it_can_count_for_not_those_gone_before_it_was_made():
    """An office's holders since long ago: a commitment made in 2016 counts for no tenure that ended in
    2010, so its publish leaves that holder's page as it was; a status change dated within that tenure
    makes it count there."""
    today = timezone.localdate()
    world = World()
    earlier = factories.PersonFactory()
    factories.TenureFactory(office=world.elected, person=earlier, start_date=D(2005, 1, 1), end_date=D(2010, 1, 1))
    world.publish()
    keys = [*world.keys, summaries.key_of("person", earlier.pk)]
    for key in keys:
        summaries.figures(key, today)
    commitment = Commitment.objects.get(pk=world.commitments[0].pk)
    commitment.deadline = D(2031, 1, 1)
    scenario.publish(commitment, summary="A new deadline")
    stale = set(PublicSummary.objects.filter(fresh=False).values_list("key", flat=True))
    assert stale == set(world.keys) - world.adjusted  # the earlier holder's page stays fresh
    for key in keys:
        assert plain(summaries.figures(key, today)) == plain(summaries.compute_key(key, today)), key

    scenario.record_status_change(commitment, CommitmentStatus.IN_PROGRESS, on=D(2009, 6, 1), summary="Begun")
    # The publish adjusted the earlier holder's row in place (holder_tally.py): fresh, and counting it.
    assert PublicSummary.objects.get(key=summaries.key_of("person", earlier.pk)).fresh
    assert summaries.figures(summaries.key_of("person", earlier.pk), today)["totals"]["owned"] == 1
    for key in keys:
        assert plain(summaries.figures(key, today)) == plain(summaries.compute_key(key, today)), key


@pytest.mark.django_db(transaction=True)
def test_what_a_rolled_back_publish_remembered_is_not_compared_with_later():
    """What a publish remembered of a commitment before it changed goes with its transaction: after a
    rollback, a later transaction that did not save the commitment finds nothing to compare with, and its
    publish counts as a change."""
    world = World()
    world.publish()
    commitment = Commitment.objects.get(pk=world.commitments[0].pk)
    with pytest.raises(RuntimeError), transaction.atomic():
        commitment.save()  # remembers the commitment as it was
        raise RuntimeError("the editor's publish failed")
    with transaction.atomic():
        assert not figure_inputs.unchanged(commitment.pk)
    with transaction.atomic():
        commitment.save()
        assert figure_inputs.unchanged(commitment.pk)
        assert figure_inputs.unchanged(commitment.pk)  # asked again: the same answer
        commitment.deadline = D(2032, 1, 1)
        commitment.save()  # saved again: compared with what it was just before
        assert not figure_inputs.unchanged(commitment.pk)


def test_a_commitment_given_to_another_owner_stales_the_former_owners_pages_too():
    today = timezone.localdate()
    world = World()
    world.publish()
    office, untouched = elsewhere(world)
    for key in [*world.keys, *untouched]:
        summaries.figures(key, today)
    commitment = Commitment.objects.get(pk=world.commitments[0].pk)
    owners = list(commitment.owners.all())
    for owner in owners:
        if owner.office_id == world.appointed.pk:
            owner.office = office  # the same part, now naming another office
    commitment.owners = owners
    scenario.publish(commitment, summary="Another office owns it")

    former = summaries.key_of("office", world.appointed.pk)
    assert not PublicSummary.objects.get(key=former).fresh
    for key in [*world.keys, *untouched]:
        assert plain(summaries.figures(key, today)) == plain(summaries.compute_key(key, today)), key


def test_a_commitment_publish_adjusts_the_dashboard_without_counting_every_commitment_again():
    """Each publish of one commitment (a new one, a delivery, a later deadline) changes the dashboard's
    counts by what that commitment counted for before and counts for now, in its transaction: the row stays
    fresh, is never computed again, and says what a count from scratch says."""
    today = timezone.localdate()
    world = World()
    world.publish()
    world.publish()
    summaries.figures("dashboard", today)
    counted_at = PublicSummary.objects.get(key="dashboard").computed_at
    seen = [summaries.figures("dashboard", today)]
    for write in ("publish", "deliver", "postpone", "publish"):
        getattr(world, write)()
        row = PublicSummary.objects.get(key="dashboard")
        assert (row.fresh, row.computed_at) == (True, counted_at), write
        seen.append(summaries.figures("dashboard", today))
        assert plain(seen[-1]) == plain(summaries.compute_key("dashboard", today)), write
    assert [found["total"] for found in seen] == [2, 3, 3, 3, 4]
    assert [found["overdue_count"] for found in seen] == [2, 3, 2, 1, 2]
    assert [found["overdue_by_office"][world.appointed.pk] for found in seen] == [2, 3, 2, 1, 2]
    [owners] = [row for row in seen[-1]["owners_most_overdue"] if row["office"] == world.elected]
    assert owners["overdue"] == 2 and [t.person for t, _inherited in owners["holders"]] == [world.person]


def test_a_reader_that_counted_before_a_publish_does_not_store_its_count_over_the_adjusted_one():
    """A reader computing the dashboard while a publish adjusts it keeps its older count to itself: the
    row keeps the publish's figures, fresh."""
    today = timezone.localdate()
    world = World()
    world.publish()
    summaries.figures("dashboard", today)
    generation = PublicSummary.objects.get(key="dashboard").generation
    started = timezone.now()
    counted_before = summaries.compute_key("dashboard", today)
    world.publish()  # committed while the reader still counts
    summaries._store("dashboard", today, counted_before, generation, started)
    row = PublicSummary.objects.get(key="dashboard")
    assert row.fresh and stored_figures.loads(bytes(row.data))["total"] == 2


def test_a_publish_recorded_in_the_past_has_the_dashboard_counted_again():
    """Sample data stamped across the years (`publish(as_of=)`) changes when the commitment was last
    published after the publish: the dashboard's latest commitments are counted again, not adjusted."""
    today = timezone.localdate()
    world = World()
    world.publish()
    summaries.figures("dashboard", today)
    publishing.publish(world.unsaved(), summary="Then", as_of=timezone.now() - datetime.timedelta(days=900))
    assert not PublicSummary.objects.get(key="dashboard").fresh
    assert plain(summaries.figures("dashboard", today)) == plain(summaries.compute_key("dashboard", today))


def test_the_offices_with_the_most_overdue_are_adjusted_with_what_each_holder_inherited():
    """An office enters the dashboard's list when a publish makes it own an overdue commitment, and a
    holder's "already overdue when they took the office" moves with each commitment due before them."""
    today = timezone.localdate()
    world = World()
    holder = factories.PersonFactory()
    factories.TenureFactory(office=world.appointed, person=holder, start_date=D(2020, 6, 1))
    third = factories.OfficeFactory(kind=OfficeKind.APPOINTED, organization=world.appointed.organization)
    factories.TenureFactory(office=third, person=factories.PersonFactory(), start_date=D(2016, 1, 1))
    world.publish()  # due 2018-2021, before the appointed office's holder came
    summaries.figures("dashboard", today)
    counted_at = PublicSummary.objects.get(key="dashboard").computed_at

    def owners():
        found = summaries.figures("dashboard", today)
        assert plain(found) == plain(summaries.compute_key("dashboard", today))
        assert PublicSummary.objects.get(key="dashboard").computed_at == counted_at  # adjusted, not counted
        return {row["office"].pk: [(t.person_id, n) for t, n in row["holders"]] for row in found["owners_most_overdue"]}

    def due_before_the_holder():
        fresh = Commitment.objects.filter(pk__in=[c.pk for c in world.commitments])
        return sum(c.is_overdue and c.deadline < D(2020, 6, 1) for c in fresh)

    world.publish()
    assert owners()[world.appointed.pk] == [(holder.pk, due_before_the_holder())]
    assert due_before_the_holder() > 0 and third.pk not in owners()
    scenario.publish(
        scenario.commitment(
            owners=[(third, OwnershipRole.ADMINISTRATIVE)],
            jurisdiction=world.district,
            deadline=D(2015, 3, 1),
            made_on=D(2014, 1, 1),
            live=False,
        ),
        summary="Another office's overdue promise",
    )
    assert owners()[third.pk] == [(third.tenures.get().person_id, 1)]
    inherited = due_before_the_holder()
    [due_before, *_] = [c for c in world.commitments if c.deadline < D(2020, 6, 1)]
    due_before.deadline = today + datetime.timedelta(days=90)
    scenario.publish(due_before, summary="A new deadline")
    assert owners()[world.appointed.pk] == [(holder.pk, inherited - 1)]

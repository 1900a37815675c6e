"""The dashboard's figures adjusted by each publish of a commitment, in its transaction, instead of counted
again from every commitment.

The dashboard (`figures.dashboard`) counts every published commitment: by status, how many are overdue,
and how many overdue ones each office owns. Counted again, that is a quarter of a second at 100,000
commitments, after every publish. But one publish changes one commitment, so it changes those counts by
at most one each: the publish subtracts what the commitment counted for before and adds what it counts for
now, reads again the two short lists the dashboard shows (the most overdue, the latest published: each a
few rows of a partial index) and, only when the publish changed the offices listed under "the most overdue
commitments" or what one of them owns, who holds them. A few milliseconds of small queries.

- **Before**: what the commitment counted for is read when Wagtail's publish saves it (`pre_save`, a full
  save; the drafts' saves name their fields), before its row and its owners change.
- **Now**: read again when the publish says it is done (Wagtail's `published`), in the same transaction.
- **Under the site log's lock**, as every mark of the summaries: two publishes adjust the row one after
  the other. The row's generation moves on, so a reader that computed the dashboard from the state before
  cannot store its figures as fresh over the adjusted ones.
- **Only a fresh row of today is adjusted**: a stale row, or one of another day, is computed again by the
  refresh as before (so is the row when the publish also moved a commitment to another place or owner,
  which marks every row stale). Anything that is not one commitment's publish (an unpublish, a takedown,
  a restore, a bulk publish, an office's or a person's publish, a deletion) marks the row stale as before.

The tests hold the adjusted figures equal to the figures counted from scratch after every kind of write
(tests/tracker/public/test_summaries.py).
"""

import dataclasses
import datetime
import threading

from django.db.models import F

from tracker.models.transactions import on_commit_once
from tracker.models.vocabulary import CommitmentStatus
from tracker.publishing.publish import recorded_as_of

KEY = "dashboard"


@dataclasses.dataclass(frozen=True)
class Counted:
    """What the dashboard counts of one commitment: whether the public sees it, its status and deadline,
    and the public offices that own it."""

    public: bool
    status: str = ""
    deadline: datetime.date | None = None
    offices: frozenset = frozenset()

    def overdue(self, today):
        return (
            self.public
            and self.deadline is not None
            and self.deadline < today
            and self.status not in CommitmentStatus.terminal()
        )


NOT_COUNTED = Counted(public=False)

# What each commitment saved by a publish in this thread counted for before it (by primary key), until
# its `published` signal reads it. A thread's own: gunicorn's and Celery's workers publish one at a time.
_before = threading.local()


def counted_now(pk):
    """What commitment `pk` counts for on the dashboard, as the database holds it now (two queries)."""
    from tracker.models import Commitment, CommitmentOwner, Office

    row = Commitment.objects.published().filter(pk=pk).values_list("status", "deadline").first()
    if row is None:
        return NOT_COUNTED
    owners = CommitmentOwner.objects.filter(commitment_id=pk, office__in=Office.objects.published())
    return Counted(True, *row, offices=frozenset(owners.values_list("office_id", flat=True)))


def remember_before(sender, instance, raw=False, update_fields=None, **_signal_arguments):
    """`pre_save` of a commitment: what it counted for, before a full save (Wagtail's publish) changes it.
    Forgotten when the transaction commits (a save that was not a publish)."""
    from django.conf import settings

    if raw or instance.pk is None or update_fields is not None or not settings.PUBLIC_SUMMARIES:
        return
    remembered = getattr(_before, "counted", None)
    if remembered is None:
        remembered = _before.counted = {}
    remembered[instance.pk] = counted_now(instance.pk)
    on_commit_once(_forget)


def _forget():
    _before.counted = {}


def adjust(pk, today):
    """Adjust the dashboard's row of `today` for the publish of commitment `pk` in this transaction.
    Returns whether it did: when it did not (no fresh row of today, or nothing remembered of the
    commitment before), the caller marks the row stale."""
    from tracker.models import PublicSummary
    from tracker.models.public_revisions import lock_site_log
    from tracker.public import stored_figures

    before = getattr(_before, "counted", {}).pop(pk, None)
    if before is None or recorded_as_of() is not None:  # sample data stamped in the past: counted again
        return False
    lock_site_log()
    row = PublicSummary.objects.select_for_update().filter(key=KEY, fresh=True, day=today)
    data = row.values_list("data", flat=True).first()
    if data is None:
        return False
    try:
        found = stored_figures.loads(bytes(data))
    except Exception:  # a row pickled by an older version of the code: computed again by the refresh
        return False
    if "overdue_by_office" not in found:  # kept by a version before the tally: computed again
        return False
    adjusted = adjusted_figures(found, before, counted_now(pk), today)
    row.update(data=stored_figures.dumps(adjusted), generation=F("generation") + 1)
    return True


def adjusted_figures(found, before, after, today):
    """The dashboard's figures `found`, once one commitment counts for `after` instead of `before`."""
    from tracker.models.querysets import status_rows
    from tracker.public import figures

    statuses = {value: n for value, _label, n in found["status_counts"]}
    by_office = dict(found["overdue_by_office"])
    for counted, sign in ((before, -1), (after, 1)):
        if counted.public:
            statuses[counted.status] = statuses.get(counted.status, 0) + sign
        if counted.overdue(today):
            for office_id in counted.offices:
                by_office[office_id] = by_office.get(office_id, 0) + sign
    by_office = {office_id: n for office_id, n in by_office.items() if n > 0}
    overdue_change = after.overdue(today) - before.overdue(today)
    return {
        **found,
        "status_counts": status_rows(statuses),
        "total": found["total"] + after.public - before.public,
        "overdue_count": found["overdue_count"] + overdue_change,
        **figures.dashboard_lists(today),
        "overdue_by_office": by_office,
        "owners_most_overdue": _owners_adjusted(found["owners_most_overdue"], by_office, before, after, today),
    }


def _owners_adjusted(listed, by_office, before, after, today):
    """The offices owning the most overdue commitments, each with its holders today and what each holder
    inherited, once one commitment counts for `after` instead of `before`: an office listed before keeps its
    holders, whose inherited counts change by that commitment alone; an office new to the list is read
    (its holders, and one count of what they inherited)."""
    from tracker.models import Commitment
    from tracker.public import figures

    top = figures.most_overdue(by_office)
    listed = {row["office"].pk: row for row in listed}
    new, read = [(office_id, n) for office_id, n in top if office_id not in listed], {}
    if new:  # read as the database holds them now, this publish included
        overdue = Commitment.objects.published().overdue(today)
        read = {row["office"].pk: row for row in figures.most_overdue_owners(new, overdue, today)}
    owners = []
    for office_id, n in top:
        if office_id in listed:
            row = listed[office_id]
            holders = [
                (t, inherited + _inherited(t, office_id, before, after, today)) for t, inherited in row["holders"]
            ]
            owners.append({**row, "overdue": n, "holders": holders})
        elif office_id in read:  # (not there: an office no longer public, left out as a count from scratch does)
            owners.append(read[office_id])
    return owners


def _inherited(tenure, office_id, before, after, today):
    """How the count of `office_id`'s overdue commitments that were due before `tenure` began changes."""
    change = 0
    for counted, sign in ((before, -1), (after, 1)):
        if counted.overdue(today) and office_id in counted.offices and counted.deadline < tenure.start_date:
            change += sign
    return change

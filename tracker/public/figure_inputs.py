"""What the kept figures read of one commitment, so that a publish which changes none of it makes no figure
stale.

Editors publish a commitment most often to move its progress figure on, to add a source, or to mend its text
or its translation. None of the figures kept in summary rows reads those (the dashboard, the office, person
and place pages, the accountability report and the peer groups: figures.py, peers.py, delivery.py,
scorecards.py). They count commitments by status, deadline, the day they were made, place, sector and
owners, by the dates of their status changes and the offices their next step moved through, and list them
in order of deadline and title. A publish that leaves all of that as it was changes no kept figure: it marks
no summary row stale, and the refresh after it has nothing to compute. The dashboard's list of the latest
published still moves with it; `dashboard_tally` adjusts that.

- **Before**: read when the publish saves the commitment (`pre_save` of a full save, as Wagtail's publish
  makes), before its row and its parts change.
- **Now**: read when Wagtail says the publish is done (`published`), in the same transaction.
- **What counts as read**: every field of the commitment but those in NOT_READ, so that a field added later
  counts until someone decides it does not; and of its parts, what `inputs_now` reads (owners and roles,
  status changes' statuses and dates, stops in walking order).

When nothing was remembered (a new commitment, a save outside a transaction, a transaction rolled back
after it remembered), the publish counts as a change, as before.
"""

import threading
from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from tracker.models.transactions import on_commit_once, waiting_for_commit

# The commitment's fields no kept figure reads: what editors change most, and Wagtail's bookkeeping of a
# publish (the dashboard's latest published, which reads `last_published_at`, is adjusted by the tally).
NOT_READ = frozenset(
    {
        "progress",
        "text",
        "text_ur",
        "title_ur",
        "source_quote",
        "external_id",
        "edit_summary",
        "maintained_by_id",
        "latest_revision_id",
        "live_revision_id",
        "has_unpublished_changes",
        "first_published_at",
        "last_published_at",
        "locked",
        "locked_at",
        "locked_by_id",
    }
)

_before = threading.local()


@dataclass(frozen=True)
class Inputs:
    """What the kept figures read of one commitment."""

    row: dict  # its fields, but those in NOT_READ
    owners: Counter  # (office id, role)
    changes: Counter  # (status, effective date) of its status changes
    walked: tuple  # (arrived on, office id) of its stops, in the order the figures walk them

    def earliest_day(self):
        """The first day a scorecard can count it for a tenure: the day it was made, or a status change's
        before that (it counts for a tenure it was open during or changed status in)."""
        return min([self.row["made_on"], *(day for _status, day in self.changes)])


def inputs_now(pk):
    """What the kept figures read of commitment `pk`, as the database holds it now (four queries); None
    when there is no such commitment."""
    from tracker.models import Commitment, CommitmentOwner, Movement, StatusChange

    fields = [f.attname for f in Commitment._meta.concrete_fields if f.attname not in NOT_READ]
    row = Commitment.objects.filter(pk=pk).values(*fields).first()
    if row is None:
        return None
    owners = CommitmentOwner.objects.filter(commitment_id=pk).values_list("office_id", "role")
    changes = StatusChange.objects.filter(commitment_id=pk).values_list("to_status", "effective_date")
    # The stops in the order the figures walk them; their numbers themselves are not read.
    stops = Movement.objects.filter(commitment_id=pk).values_list("arrived_on", "sort_order", "office_id")
    walked = tuple((arrived, office) for arrived, _n, office in sorted(stops, key=lambda s: (s[0], s[1] or 0)))
    return Inputs(row, Counter(owners), Counter(changes), walked)


def remember_before(sender, instance, raw=False, update_fields=None, **_signal_arguments):
    """`pre_save` of a commitment: what the figures read of it before a full save (Wagtail's publish
    makes one, with what it publishes; the drafts' saves name their fields)."""
    if raw or instance.pk is None or update_fields is not None or not settings.PUBLIC_SUMMARIES:
        return
    if not transaction.get_connection().in_atomic_block:
        return  # nothing to compare with after: the publish counts as a change
    if not waiting_for_commit(_forget):
        # A new transaction (or the last one rolled back): nothing remembered before is of this one.
        _before.inputs = {}
        on_commit_once(_forget)
    _before.inputs[instance.pk] = inputs_now(instance.pk)


def _forget():
    _before.inputs = {}


@dataclass(frozen=True)
class _Answer:
    """What `unchanged` answered for a publish, kept in place of what was remembered before it."""

    unchanged: bool
    before: Inputs | None
    now: Inputs | None


def _answer(pk):
    """The `_Answer` for the publish of commitment `pk` in this transaction; None when nothing was
    remembered of it in this transaction."""
    if not waiting_for_commit(_forget):  # nothing remembered is of this transaction
        return None
    remembered = _before.inputs
    if pk not in remembered:
        return None
    before = remembered[pk]
    if not isinstance(before, _Answer):
        now = inputs_now(pk)
        before = remembered[pk] = _Answer(before is not None and before == now, before, now)
    return before


def unchanged(pk):
    """Whether the publish of commitment `pk` in this transaction left everything the kept figures read of
    it as it was. Both the summaries and the public state's versions ask, after the publish: the answer is
    worked out once and kept until the commitment is saved again."""
    answer = _answer(pk)
    return answer is not None and answer.unchanged


def before_and_now(pk):
    """(Inputs before the publish of commitment `pk` in this transaction, Inputs now); None when what it was
    before is not known (a new commitment, or nothing remembered)."""
    answer = _answer(pk)
    if answer is None or answer.before is None or answer.now is None:
        return None
    return answer.before, answer.now


def earliest_day(pk):
    """The first day commitment `pk` could count for a holder of its offices, before or after its publish
    in this transaction (`Inputs.earliest_day`); None when what it was before is not known (a new
    commitment, or nothing remembered): then any day."""
    found = before_and_now(pk)
    if found is None:
        return None
    before, now = found
    return min(before.earliest_day(), now.earliest_day())

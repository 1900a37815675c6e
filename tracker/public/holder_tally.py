"""The holders' figures adjusted by each publish of a commitment, in its transaction, instead of scored again
over every commitment of their offices: each person's scorecard and comparison, and the holder groups they
are compared with.

A person page shows the scorecard of each tenure (what the office's commitments did while they held it), its
totals, the first commitments they owned, and their figures beside those over every tenure of a published
office of the same kind and tier (`peers.holder_peers`, a row `holder-peers:<kind>:<tier>`). Scored again,
that is every commitment the offices own: seconds at 100,000 commitments for a group, a fifth of a second for
a person, after every publish that changed a deadline or a status. But these figures count commitments,
each once per tenure and once per total however many tenures it spans, so one commitment's publish changes
each count by at most one: whether that commitment counted (owned, delivered, broken, overdue, inherited,
withdrawn) over the tenures of its owner offices, before the publish and now. The publish subtracts the one
and adds the other.

- **Before and now** are what `figure_inputs` remembered and read again (the commitment's fields, owners and
  status changes); the tenures are read now, one small query (a commitment's publish does not change them).
- **The person's list of owned commitments** (the first `SCORECARD_LISTED` by deadline and title) is put in
  order again by the database with the commitment in or out; when that cannot say which commitment comes
  next (it left a full list, or sorts after all of it), the row is scored again.
- **Only a fresh row of today is adjusted**, under the site log's lock, and its generation moves on (as
  `dashboard_tally`): a reader that scored it before the publish cannot store its figures as fresh. A stale
  row, one of another day, or a publish whose state before is not known (a new commitment), leaves the row
  to be marked stale and scored again, as before.

The tests hold the adjusted figures equal to the figures scored from scratch after every kind of write
(tests/tracker/public/test_holder_tally.py, test_summaries.py).
"""

import logging
from collections import defaultdict
from functools import partial

from tracker.models.vocabulary import CommitmentStatus
from tracker.public import delivery, figure_inputs
from tracker.public import figures as figures_module
from tracker.public.peers import COLUMNS, HeldFigures, PersonOwnRow, held_tenures
from tracker.public.scorecards import SCORE_COLUMNS, Change, CommitmentFacts, OwnedCommitment, Score, score_afresh
from tracker.public.summary_keys import group_key, key_of
from tracker.publishing.publish import recorded_as_of

log = logging.getLogger(__name__)


def adjust(pk, today):
    """Adjust the holders' rows of `today` for the publish of commitment `pk` in this transaction. Returns the
    keys of the rows it adjusted: the caller marks the others stale. A few queries, whatever the number of
    rows: the tenures, the rows (locked), the order of the people's listed commitments, one write."""
    from tracker.models import PublicSummary
    from tracker.models.public_revisions import lock_site_log
    from tracker.public import stored_figures

    found = figure_inputs.before_and_now(pk)
    if found is None or recorded_as_of() is not None:  # sample data stamped in the past: scored again
        return set()
    sides = [_Side(inputs, pk, today) for inputs in found]
    offices = sides[0].offices | sides[1].offices
    tenures = list(held_tenures().filter(office_id__in=offices))
    if not tenures:
        return set()
    lock_site_log()
    groups, people = defaultdict(list), defaultdict(list)
    for tenure in tenures:
        groups[tenure.office_kind, tenure.office_tier].append(tenure)
        people[tenure.person_id].append(tenure)
    moves = {group_key("holder-peers", *group): partial(_group_moved, tenures=of) for group, of in groups.items()}
    moves |= {key_of("person", person): partial(_person_moved, theirs=of) for person, of in people.items()}
    rows = PublicSummary.objects.select_for_update().filter(key__in=moves, fresh=True, day=today)
    kept = {}
    for row_pk, key, data, generation in rows.values_list("pk", "key", "data", "generation"):
        try:
            kept[key] = (row_pk, generation, stored_figures.loads(bytes(data)))
        except Exception:  # a row pickled by an older version of the code: scored again by the refresh
            log.info("Summary %s could not be read; it is scored again.", key)
    order = _order(pk, [figures for _pk, _generation, figures in kept.values()])
    written = {}
    for key, (row_pk, generation, figures) in kept.items():
        moved = moves[key](figures, sides=sides, pk=pk, order=order)
        if moved is not None:
            written[key] = PublicSummary(pk=row_pk, data=stored_figures.dumps(moved), generation=generation + 1)
    # Locked above, so the generations read are the rows' own: each moves on by one.
    PublicSummary.objects.bulk_update(written.values(), ["data", "generation"])
    return set(written)


def _order(pk, kept):
    """{commitment id: its place in the order the person pages list them}, for commitment `pk` and every
    commitment the people's rows list (one query)."""
    from tracker.models import Commitment

    listed = {pk}
    for figures in kept:
        if isinstance(figures, dict):
            listed.update(figures.get("owned_commitment_ids", ()))
    published = Commitment.objects.published().filter(pk__in=listed).order_by(*figures_module.SCORECARD_ORDER)
    return {commitment: n for n, commitment in enumerate(published.values_list("pk", flat=True))}


def _group_moved(held, *, tenures, sides, **_rest):
    return _moved(held, _change(sides, tenures))


class _Side:
    """The commitment on one side of its publish (before, or now), as the scorecards read it."""

    def __init__(self, inputs, pk, today):
        row = inputs.row
        self.today = today
        self.public = row["live"] and row["taken_down_at"] is None
        self.withdrawn = row["status"] == CommitmentStatus.WITHDRAWN
        self.offices = {office for office, _role in inputs.owners}
        changes = [Change(status, day) for (status, day), n in inputs.changes.items() for _ in range(n)]
        self.facts = [CommitmentFacts(OwnedCommitment(pk, row["made_on"], row["deadline"], row["status"]), changes)]

    def score(self, tenure):
        """Its Score (empty or itself in each column) over one tenure, as `scorecards.score_tenure` counts it."""
        if not self.public or tenure.office_id not in self.offices:
            return Score()
        return score_afresh(tenure, self.facts, self.today)

    def held_counts(self, tenures):
        """{count: 0 or 1} of what it counts for over `tenures`, as `peers._figures` counts it."""
        counts = dict.fromkeys(("owned", "withdrawn", "counted", *COLUMNS), 0)
        score = _over(self, tenures)
        if score.owned:
            counts.update(owned=1, withdrawn=int(self.withdrawn), counted=int(not self.withdrawn))
            for column in COLUMNS:
                counts[column] = int(bool(getattr(score, column)) and not self.withdrawn)
        return counts


def _over(side, tenures):
    total = Score()
    for tenure in tenures:
        total.add(side.score(tenure))
    return total


def _change(sides, tenures):
    """{count: -1, 0 or 1}: how the publish moved each count of `peers._figures` over `tenures`."""
    before, now = (side.held_counts(tenures) for side in sides)
    return {name: now[name] - before[name] for name in now}


def _moved(figures, change):
    """`HeldFigures` with each count moved by `change` (the totals the shares are of too)."""
    counted = figures.counted.count + change["counted"]
    owned = figures.withdrawn.total + change["owned"]
    return HeldFigures(
        counted=delivery.Share(counted, counted, figures.counted.url),
        withdrawn=delivery.Share(figures.withdrawn.count + change["withdrawn"], owned, figures.withdrawn.url),
        shares=[
            (column, label, delivery.Share(share.count + change[column], counted, share.url))
            for column, label, share in figures.shares
        ],
    )


def _score_change(sides, tenures):
    """{column: -1, 0 or 1} of SCORE_COLUMNS: how the publish moved a Score over `tenures`."""
    before, now = (_over(side, tenures) for side in sides)
    return {column: bool(getattr(now, column)) - bool(getattr(before, column)) for column in SCORE_COLUMNS}


def _person_moved(found, *, theirs, sides, pk, order):
    """A person's figures (`figures.person`) once the publish moved what the commitment counts for over their
    tenures `theirs` (those of its owner offices); None when that cannot be said without scoring again."""
    if "owned_commitment_ids" not in found:  # kept by an older version: scored again
        return None
    total = _score_change(sides, theirs)
    owned_before = found["owned_count"]
    listed = _listed(found["owned_commitment_ids"], owned_before, pk, _over(sides[1], theirs).owned, order)
    if listed is None:
        return None
    by_tenure = {tenure.pk: _score_change(sides, [tenure]) for tenure in theirs}
    tenures, totals = found["scorecard"]
    tenures = [
        (tenure, _cells_moved(cells, by_tenure.get(tenure.pk))) for tenure, cells in tenures
    ]  # the person's other tenures are not of the commitment's owner offices: as they were
    kinds = {(tenure.office_kind, tenure.office_tier) for tenure in theirs}
    own = [
        PersonOwnRow(row.kind, row.tier, _moved(row.person, _change(sides, _of_group(theirs, row))))
        if (row.kind, row.tier) in kinds
        else row
        for row in found["own_comparison"]
    ]
    return {
        **found,
        "scorecard": (tenures, _cells_moved(totals, total)),
        "totals": {column: n + total[column] for column, n in found["totals"].items()},
        "owned_commitment_ids": listed,
        "owned_count": owned_before + total["owned"],
        "own_comparison": own,
    }


def _of_group(tenures, row):
    return [t for t in tenures if (t.office_kind, t.office_tier) == (row.kind, row.tier)]


def _cells_moved(cells, change):
    """A scorecard's [(label, count, url)] in SCORE_COLUMNS order, each count moved by `change`."""
    if not change:
        return cells
    return [(label, n + change[column], url) for column, (label, n, url) in zip(SCORE_COLUMNS, cells, strict=True)]


def _listed(listed, owned_before, pk, owned_now, order):
    """The first SCORECARD_LISTED of a person's owned commitments once commitment `pk` is among them
    (`owned_now`) or not, put in `order`; None when the list cannot be told without reading them all. Every
    owned commitment left off the list before sorts after all of it, and only `pk` moved."""
    others = [i for i in listed if i != pk]
    more = owned_before > len(listed)  # some owned ones (maybe `pk`) were past the list
    if not owned_now:
        # Which commitment comes in at the end of a full list is not known.
        return None if pk in listed and more else others
    if any(i not in order for i in [*others, pk]):
        return None  # one of them is no longer public: scored again
    ordered = sorted([*others, pk], key=order.__getitem__)
    if pk in listed and more and ordered[-1] == pk:
        return None  # after all the others: one of those past the list may come before it
    return ordered[: figures_module.SCORECARD_LISTED]

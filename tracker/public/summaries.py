"""Pages flat in the size of the data: the dashboard, the office, person and place pages and the
accountability report read their figures from maintained aggregates (`PublicSummary` rows), not from a
scan of every commitment per request.

- **Read**: `figures(key, today)` reads one row. A fresh row of today is the answer (one query).
- **Kept true**: every change of the public state (Wagtail's `published` and `unpublished`, a takedown,
  a restore, a bulk publish, a deletion of a tracker row) marks the rows it can alter stale in the
  transaction that makes the change, so no request after the commit reads a figure from before it; a
  request that finds its row stale (or of another day) computes the figures itself
  (`tracker/public/figures.py`, a fixed number of queries) and stores them. A commitment's publish,
  unpublish, takedown or restore marks only its own subjects (`rows_of_commitment`: the dashboard, the
  accountability reports, its places, its owners' offices and their holders, and one row per peer
  group), so one publish does not make every office, person and place page recompute; its publish
  adjusts the dashboard's counts and its holders' (each person's, each holder group's) in place instead
  (`dashboard_tally.py`, `holder_tally.py`). A publish that changed nothing the figures read of the
  commitment (its progress, a text: `figure_inputs.py`) marks no row stale at all. Anything else (an
  office, a person, a place, a bulk publish, a deletion, a commitment moved to another place or owner)
  marks every row.
- **Refreshed**: when that transaction commits, one Celery task (`refresh_public_summaries`, in-process
  without a broker) recomputes every stale row, so the next visitors read fresh rows; beat runs it every
  few minutes too, which also moves the rows on to a new day.
- **Served while refreshed**: for `SUMMARY_STALE_SECONDS` after a row went stale, and longer while a
  refresh is at work (it computed a row less than that ago), readers get its figures
  from before the change while that task computes it (stale while revalidating), so the first readers after
  a publish do not each wait seconds for the figures at national scale (`may_serve_stale`: never after a
  takedown or a restore, never without a broker). However often editors publish, a row is computed again
  at most once in `SUMMARY_COST_RATIO` times what its last computation took, and at least once in
  `SUMMARY_REFRESH_SECONDS`: a row of milliseconds after every publish, the accountability report (seconds
  at national scale) once in a while, so the refresh spends at most 1/SUMMARY_COST_RATIO of a CPU on a row.
  A computation overtaken by a change still stores its newer figures as stale ones, so a working day of
  publishes moves them on.
- **Rebuilt**: `manage.py rebuild_summaries` computes the site-wide rows and those of every published
  office, person and place from scratch (after a restore from a backup, or a change written behind the
  publishing actions).

Which rows exist: the dashboard and the unfiltered accountability report always (the rebuild makes
them); a row per office, person and place once its page is first read, or after a rebuild; the
accountability report per place and sector. Reports of other filters (a period) are computed per request
and cached (tracker/public/shared_cache.py).

`PUBLIC_SUMMARIES` (a setting, on by default) switches the rows off: the tests that build their worlds
behind the publishing actions (factories) then compute every figure per request, as these rows would.
"""

import hashlib
import logging

from celery import shared_task
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from kombu.exceptions import OperationalError

from tracker.models import PublicSummary
from tracker.models.public_revisions import lock_site_log
from tracker.models.summaries import NEVER_SERVED
from tracker.models.transactions import on_commit_once, waiting_for_commit
from tracker.public import collector, dashboard_tally, figure_inputs, holder_tally, peers, stored_figures
from tracker.public import figures as compute
from tracker.public.scorecards import offices_read_once
from tracker.public.summary_keys import group_key, key_of

log = logging.getLogger(__name__)


def enabled():
    return settings.PUBLIC_SUMMARIES


# --- What each key holds -------------------------------------------------------------------------------


def _published(model_name, select=()):
    def load(pk):
        from django.apps import apps

        model = apps.get_model("tracker", model_name)
        return model.objects.published().select_related(*select).get(pk=int(pk))

    return load


def _accountability(query_json, today):
    import json

    from tracker.public.accountability import AccountabilityForm, build_report

    query = json.loads(query_json)
    data = {"province": query.get("province", ""), "district": query.get("district", ""), "sector": query["sector"]}
    form = AccountabilityForm({k: v for k, v in data.items() if v} or None)
    if form.is_bound and not form.is_valid():
        raise LookupError(f"accountability filters no longer valid: {query}")
    return build_report(form, today)


def _group(rest):
    """(kind, tier) of a peer group's key, `<office kind>:<tier>`."""
    from tracker.models.vocabulary import JurisdictionTier, OfficeKind

    kind, _sep, tier = rest.partition(":")
    return OfficeKind(kind), JurisdictionTier(tier)


def _group_figures(measure):
    def figures_of(group, today):
        return measure(*group, today)

    return figures_of


# prefix: (load the subject from the rest of the key, compute the figures of that subject)
KINDS = {
    "dashboard": (lambda _rest: None, compute.dashboard),
    "office": (_published("Office", ["organization__jurisdiction"]), compute.office),
    "person": (_published("Person"), compute.person),
    "place": (_published("Jurisdiction"), compute.place),
    "accountability": (lambda rest: rest, _accountability),
    # The peer groups the office and person pages compare with (tracker/public/compared.py).
    "office-peers": (_group, _group_figures(peers.office_peers)),
    "holder-peers": (_group, _group_figures(peers.holder_peers)),
}


def compute_key(key, today):
    """The figures of `key` computed from scratch now. LookupError when its subject is no longer public."""
    kind, _sep, rest = key.partition(":")
    load, figures_of = KINDS[kind]
    try:
        subject = load(rest)
    except Exception as error:  # DoesNotExist of whichever model, or a key that no longer parses
        raise LookupError(key) from error
    with collector.held_back():
        return figures_of(subject, today)


# --- Reading -------------------------------------------------------------------------------------------


def figures(key, today, compute_now=None):
    """The figures of `key` for `today`: from its row when fresh, else computed (by `compute_now`, or from
    the key) and stored for the next request."""
    return figures_and_digest(key, today, compute_now)[0]


def figures_and_digest(key, today, compute_now=None):
    """(`figures(key, today)`, a digest of them): what a page renders from them is the same for the same
    digest, and can be kept under it. A row served stale while the refresh computes it keeps its digest, so
    the pages made from it are not made again until its figures change."""
    compute_now = compute_now or (lambda: compute_key(key, today))
    if not enabled():
        result = compute_now()
        return result, _digest(stored_figures.dumps(result))
    row = PublicSummary.objects.filter(key=key).values_list("day", "fresh", "generation", "data", "stale_since").first()
    if row is not None:
        day, fresh, generation, data, stale_since = row
        if day == today and (fresh or may_serve_stale(stale_since)):
            data = bytes(data)
            try:
                return stored_figures.loads(data), _digest(data)
            except Exception:  # a row pickled by an older version of the code: computed again below
                log.info("Summary %s could not be read; computing it again.", key)
    else:
        # Claim the row before computing, so that a change committed while we compute marks it stale and
        # our (older) figures are not stored as fresh.
        PublicSummary.objects.bulk_create([PublicSummary(key=key, day=today)], ignore_conflicts=True)
        generation = PublicSummary.objects.filter(key=key).values_list("generation", flat=True).first()
    started = timezone.now()
    result = compute_now()
    data = _store(key, today, result, generation, started)
    return result, _digest(data if data is not None else stored_figures.dumps(result))


def _digest(data):
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def may_serve_stale(stale_since):
    """Whether a stale row may still be served: it went stale less than SUMMARY_STALE_SECONDS ago, or a
    refresh is at work (it computed a row less than SUMMARY_STALE_SECONDS ago: `_refresh_at_work`), so
    the refresh will compute it. Should the worker be down, the next reader after that computes it. A
    row something left the public site from (a takedown, an unpublish, a restore, a deletion) is stale
    since NEVER_SERVED: its figures are never served again."""
    seconds = settings.SUMMARY_STALE_SECONDS
    # Without a broker (the demo: tasks in-process) no refresh follows a change: the reader computes it.
    if not seconds or stale_since is None or settings.CELERY_TASK_ALWAYS_EAGER or stale_since == NEVER_SERVED:
        return False
    # A worker below the web's priority (WORKER_NICENESS) may take long to reach every row while readers
    # keep the machine busy: readers must not each compute in its place what it is computing.
    return (timezone.now() - stale_since).total_seconds() <= seconds or _refresh_at_work()


AT_WORK_KEY = "tracker:summaries:refresh-at-work"


def _refresh_at_work():
    try:
        return cache.get(AT_WORK_KEY) is not None
    except Exception:  # the shared cache is down: as if no refresh were at work
        return False


def _at_work():
    """Say, for SUMMARY_STALE_SECONDS, that a refresh is computing rows (nothing when no row is served
    stale)."""
    if not settings.SUMMARY_STALE_SECONDS:
        return
    try:
        cache.set(AT_WORK_KEY, 1, settings.SUMMARY_STALE_SECONDS)
    except Exception:  # the shared cache is down: readers compute what has been stale too long
        log.warning("Could not say the summaries' refresh is at work (shared cache down).")


def _store(key, today, result, generation, started):
    """Store `result`, computed from `started` on: as fresh unless the public state changed since
    `generation` was read; if it did, as stale figures that are still newer than the row's (served for
    SUMMARY_STALE_SECONDS from `started`, like any stale row), so that while editors publish every few
    seconds a row whose computation takes longer still moves on. Nothing is stored while the row is being
    changed: an import holds the summary rows it marked stale until it commits, which may take minutes, and
    a reader must not wait for it (the figures it computed are served all the same, just not stored).
    Returns `result` as the bytes a row keeps (None when the row could not be read)."""
    if generation is None:
        return None
    with transaction.atomic():
        row = PublicSummary.objects.select_for_update(skip_locked=True).filter(key=key)
        found = row.values_list("generation", "computed_at", "stale_since", "fresh").first()
        if found is None:
            return None
        current, computed_at, stale_since, fresh = found
        data = stored_figures.dumps(result)
        cost = (timezone.now() - started).total_seconds()
        if current == generation:
            row.update(day=today, fresh=True, data=data, computed_at=started, stale_since=None, cost=cost)
        # Never figures from before a takedown; never over a fresh row (newer figures: a publish adjusted it).
        elif computed_at < started and stale_since != NEVER_SERVED and not fresh:
            row.update(day=today, fresh=False, data=data, computed_at=started, stale_since=started, cost=cost)
    return data


# --- Keeping them true ---------------------------------------------------------------------------------


def public_state_changed(sender=None, instance=None, record=None, departure=False, **_signal_arguments):
    """Mark the rows the change can alter stale in the current transaction, and refresh them after the
    commit: for a commitment, only its own subjects (`rows_of_commitment`); for any other change (an
    office, a person, a place, a bulk publish), every row. After a `departure` (something left the public
    site or came back) they are never served stale."""
    if not enabled():
        return
    from tracker.models import Commitment

    changed = instance if instance is not None else record
    if isinstance(changed, Commitment) and changed.pk is not None:
        # One commitment's publish adjusts the dashboard's counts in place (dashboard_tally.py).
        adjusted = not departure and dashboard_tally.adjust(changed.pk, timezone.localdate())
        if not departure and figure_inputs.unchanged(changed.pk):
            # Its progress, a text, a translation: no kept figure reads them. Only the dashboard's list of
            # the latest published moved, which the tally adjusted (or its row is computed again).
            if not adjusted:
                mark_stale(Q(key=dashboard_tally.KEY))
            return
        # Its holder groups' counts likewise, each by what the commitment counted for before and now.
        groups = set() if departure else holder_tally.adjust(changed.pk, timezone.localdate())
        mark_stale(rows_of_commitment(changed.pk, dashboard=not adjusted, adjusted=groups), departure=departure)
    else:
        mark_stale(None, departure=departure)


def departed(sender=None, instance=None, record=None, **_signal_arguments):
    """An unpublish, a takedown or a restore: as any change, but the rows are never served stale."""
    public_state_changed(sender, instance, record, departure=True)


def mark_stale(where, *, departure=False):
    """Mark the rows matching `where` (a Q; None: every row) stale and move their generation on (a
    computation running elsewhere must not store what it read before), then refresh after the commit.

    Once every row was marked in a transaction, later marks in it, which nobody else can see apart, only
    mark the rows read and stored again meanwhile (usually none: a deletion may send a signal for each of
    thousands of rows)."""
    # Summary rows are locked under the site-wide log's lock only: one writer marks them at a time, and a
    # writer waiting for that lock holds no summary row (the lock order: lock_site_log).
    lock_site_log()
    everything_marked = waiting_for_commit(_every_row_marked)
    rows = PublicSummary.objects.all() if where is None else PublicSummary.objects.filter(where)
    if departure:
        rows.mark_stale(servable=False)  # every row, even one already marked in this transaction
    else:
        (rows.filter(fresh=True) if everything_marked else rows).mark_stale()
    if where is None:
        on_commit_once(_every_row_marked)
    on_commit_once(dispatch_refresh)


def _every_row_marked():
    """Nothing to do after the commit: waiting in the transaction, it says every row was marked in it."""


def rows_of_commitment(pk, dashboard=True, adjusted=()):
    """The rows a change of commitment `pk` (as it is now) can alter: the dashboard (unless `dashboard` is
    false: the publish adjusted it), every accountability report, its place and the places above it, the
    offices that own it and their peer groups (one row per kind and tier), the people who held those offices
    since it could count for them (`figure_inputs.earliest_day`) and their groups likewise, and the offices
    it moved through or was made by (the average wait at each). Not the keys `adjusted` (the publish adjusted
    those rows: `holder_tally.py`)."""
    from tracker.models import Commitment, CommitmentOwner, Movement, Office, Tenure

    row = Commitment.objects.filter(pk=pk).values("jurisdiction_id", "made_by_office_id").first() or {}
    owning = Office.objects.filter(pk__in=CommitmentOwner.objects.filter(commitment_id=pk).values("office_id"))
    groups = set(owning.values_list("kind", "organization__jurisdiction__tier"))
    offices = set(owning.values_list("pk", flat=True))
    holders = Tenure.objects.filter(office_id__in=offices)
    since = figure_inputs.earliest_day(pk)
    if since is not None:
        # Only the holders it can count for: a scorecard counts it for a tenure it was open during or
        # changed status in, never for one that ended before it was made (an office's holders since 1990).
        holders = holders.filter(Q(end_date=None) | Q(end_date__gte=since))
    people = set(holders.values_list("person_id", flat=True))
    offices |= set(Movement.objects.filter(commitment_id=pk).values_list("office_id", flat=True))
    offices |= {row.get("made_by_office_id")}
    places = _place_and_above(row.get("jurisdiction_id"))
    keys = [key_of("office", o) for o in offices - {None}]
    keys += [key_of("person", p) for p in people] + [key_of("place", p) for p in places]
    keys += [group_key(what, kind, tier) for kind, tier in groups for what in GROUPS]
    keys += ["dashboard"] if dashboard else []
    return Q(key__startswith="accountability:") | Q(key__in=set(keys) - set(adjusted))


GROUPS = ("office-peers", "holder-peers")


def _place_and_above(pk):
    """The ids of a place and of every place above it: one query per tier."""
    from tracker.models import Jurisdiction
    from tracker.models.querysets import MAX_TIER_DEPTH

    ids, level = set(), {pk} - {None}
    for _ in range(MAX_TIER_DEPTH + 1):
        if not level:
            break
        ids |= level
        level = set(Jurisdiction.objects.filter(pk__in=level).exclude(parent=None).values_list("parent_id", flat=True))
    return ids


# The rows of a commitment's parts, and the commitment's own fields, that say which subjects it concerns:
# changed in place by a publish, the rows of the subjects it concerned before are stale too.
CONCERNS = {"Commitment": ("jurisdiction_id", "made_by_office_id"), "CommitmentOwner": ("office_id",)}
CONCERNS["Movement"] = ("office_id",)


def _deleted(sender, **kwargs):
    """A deleted row of the tracker (a record, or a part a publish removed): every row, since which ones
    it concerned is not worth working out for something this rare."""
    if sender._meta.app_label == "tracker" and sender is not PublicSummary:
        mark_stale(None, departure=True)


def _before_save(sender, instance, raw=False, **kwargs):
    """A commitment moved to another place, or a part to another office, by a publish: the rows of what it
    concerned before are stale too (every row: which ones they were is not kept)."""
    fields = CONCERNS.get(sender.__name__) if sender._meta.app_label == "tracker" else None
    if not fields or raw or instance.pk is None or not enabled():
        return
    before = sender._base_manager.filter(pk=instance.pk).values_list(*fields).first()
    if before is not None and before != tuple(getattr(instance, f) for f in fields):
        mark_stale(None)


def refresh(today=None):
    """Recompute every stale row, and every row of another day; forget rows whose subject is no longer
    public. Returns how many rows were recomputed."""
    today = today or timezone.localdate()
    done, later = 0, []
    stale = PublicSummary.objects.exclude(fresh=True, day=today)
    stale = stale.values_list("key", "generation", "computed_at", "day", "cost")
    # A publish makes stale the rows of every holder of its owners: each office's commitments are read once
    # for all of them. The generations are read before, so a change made meanwhile still keeps what was
    # computed from the offices as they were from being stored as fresh.
    with offices_read_once():
        for key, generation, computed_at, day, cost in list(stale):
            wait = _wait_before_computing(computed_at, cost) if day == today else 0
            if wait > 0:
                later.append(wait)
                continue
            _at_work()
            started = timezone.now()
            try:
                result = compute_key(key, today)
            except LookupError:
                PublicSummary.objects.filter(key=key, generation=generation).delete()
                continue
            _store(key, today, result, generation, started)
            done += 1
    if later:
        _refresh_again_in(min(later))
    return done


# A row is computed again no sooner than SUMMARY_COST_RATIO times what its last computation took (from when
# that computation started), and no later than SUMMARY_REFRESH_SECONDS: in between, its readers get the
# figures of the last computation (SUMMARY_STALE_SECONDS, which must be the longer), and one refresh,
# scheduled for when the time is up, computes it with every change made meanwhile. So the refresh spends at
# most 1/SUMMARY_COST_RATIO of a CPU on any one row, however often editors publish. At 100,000 commitments
# and the default 60: the dashboard (a quarter of a second) every 15 s at most, an office or a person page
# (about a second) once a minute, the accountability report (four seconds) once in SUMMARY_REFRESH_SECONDS;
# a place of a few hundred commitments (milliseconds) after every publish.


def _wait_before_computing(computed_at, cost):
    """Seconds until the row may be computed again (0 or less: now)."""
    seconds = min(settings.SUMMARY_REFRESH_SECONDS, cost * settings.SUMMARY_COST_RATIO)
    if not seconds:
        return 0
    return seconds - (timezone.now() - computed_at).total_seconds()


def _refresh_again_in(seconds):
    """One refresh when the first waiting row is due (one at a time, whatever the number of publishes)."""
    if settings.CELERY_TASK_ALWAYS_EAGER or not cache.add("tracker:summaries:refresh-scheduled", 1, int(seconds) + 1):
        return
    try:
        refresh_public_summaries.apply_async(countdown=seconds, retry=False)
    except (OperationalError, ConnectionError, OSError) as exc:
        log.warning("Could not reach the task broker (%s); the summaries are refreshed by beat.", exc)


@shared_task(name="tracker.tasks.refresh_public_summaries", ignore_result=True)
def refresh_public_summaries():
    """Recompute the stale summaries (after every change of the public state, and on beat)."""
    return refresh()


def dispatch_refresh():
    """Ask a worker to refresh the summaries. An unreachable broker costs the publisher nothing: the rows
    are already stale, the pages compute their own figures meanwhile, and beat refreshes them later.
    Without a broker (the demo: tasks run in-process) nothing is refreshed here: recomputing every stored
    row would hold up the editor's publish; each page recomputes its own row on its next request."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return
    try:
        refresh_public_summaries.apply_async(retry=False)
    except (OperationalError, ConnectionError, OSError) as exc:
        log.warning("Could not reach the task broker (%s); the summaries are refreshed by beat.", exc)


def every_key():
    """The keys a rebuild computes: the site-wide ones, every published office, person and place, and the
    peer groups of the published offices' kinds and tiers."""
    from tracker.models import Jurisdiction, Office, Person

    keys = ["dashboard", accountability_key({})]
    for kind, model in (("office", Office), ("person", Person), ("place", Jurisdiction)):
        keys += [key_of(kind, pk) for pk in model.objects.published().order_by("pk").values_list("pk", flat=True)]
    groups = Office.objects.published().values_list("kind", "organization__jurisdiction__tier").distinct()
    keys += [group_key(what, kind, tier) for kind, tier in sorted(groups) for what in GROUPS]
    return keys


def rebuild(today=None, progress=None):
    """Compute every summary from scratch (`every_key()` and the rows already there). Returns the count."""
    today = today or timezone.localdate()
    keys = list(dict.fromkeys([*every_key(), *PublicSummary.objects.values_list("key", flat=True)]))
    PublicSummary.objects.bulk_create([PublicSummary(key=key, day=today) for key in keys], ignore_conflicts=True)
    # Every generation before any computation: each office is read once (as in `refresh`).
    generations = dict(PublicSummary.objects.filter(key__in=keys).values_list("key", "generation"))
    written = 0
    with offices_read_once():
        for key in keys:
            started = timezone.now()
            try:
                result = compute_key(key, today)
            except LookupError:
                PublicSummary.objects.filter(key=key).delete()
                continue
            _store(key, today, result, generations.get(key), started)
            written += 1
            if progress:
                progress(key)
    return written


def accountability_key(filters):
    """The key of the accountability report for {province, district, sector} (other filters: None)."""
    import json

    wanted = {name: filters.get(name) or "" for name in ("province", "district", "sector")}
    return key_of("accountability", json.dumps(wanted, sort_keys=True))


def connect():
    """Follow every change of the public state (called once, from tracker/apps.py)."""
    from django.db.models.signals import post_delete, pre_save
    from wagtail.signals import published, unpublished

    from tracker.models import Commitment
    from tracker.publishing import signals

    published.connect(public_state_changed, dispatch_uid="public-summaries-published")
    for signal in (unpublished, signals.record_taken_down, signals.record_restored):
        signal.connect(departed, dispatch_uid=f"public-summaries-{id(signal)}")
    signals.records_published_in_bulk.connect(public_state_changed, dispatch_uid="public-summaries-bulk")
    post_delete.connect(_deleted, dispatch_uid="public-summaries-delete")
    pre_save.connect(_before_save, dispatch_uid="public-summaries-moved")
    pre_save.connect(dashboard_tally.remember_before, sender=Commitment, dispatch_uid="public-summaries-tally")
    pre_save.connect(figure_inputs.remember_before, sender=Commitment, dispatch_uid="public-summaries-inputs")

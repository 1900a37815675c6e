"""Pages flat in the size of the data: the dashboard, the office, person and place pages and the
accountability report read their figures from maintained aggregates (`PublicSummary` rows), not from a
scan of every commitment per request.

- **Read**: `figures(key, today)` reads one row. A fresh row of today is the answer (one query).
- **Kept true**: every change of the public state (Wagtail's `published` and `unpublished`, a takedown,
  a restore, a bulk publish, a deletion of a tracker row) marks every row stale in the transaction
  that makes the change, so no request after the commit reads a figure from before it; a request that
  finds its row stale (or of another day) computes the figures itself (`tracker/public/figures.py`,
  a fixed number of queries) and stores them.
- **Refreshed**: when that transaction commits, one Celery task (`refresh_public_summaries`, in-process
  without a broker) recomputes every stale row, so the next visitors read fresh rows; beat runs it every
  few minutes too, which also moves the rows on to a new day.
- **Rebuilt**: `manage.py rebuild_summaries` computes the site-wide rows and those of every published
  office, person and place from scratch (after a restore from a backup, or a change written behind the
  publishing actions).

Which rows exist: the dashboard and the unfiltered accountability report always (the rebuild makes
them); a row per office, person and place once its page is first read, or after a rebuild; the
accountability report per place and sector. Reports of other filters (a period) are computed per request
and kept in the shared cache (tracker/public/report_cache.py).

`PUBLIC_SUMMARIES` (a setting, on by default) switches the rows off: the tests that build their worlds
behind the publishing actions (factories) then compute every figure per request, as these rows would.
"""

import logging
import pickle

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from kombu.exceptions import OperationalError

from tracker.models import PublicSummary
from tracker.models.transactions import on_commit_once
from tracker.public import figures as compute

log = logging.getLogger(__name__)


def enabled():
    return getattr(settings, "PUBLIC_SUMMARIES", True)


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


# prefix: (load the subject from the rest of the key, compute the figures of that subject)
KINDS = {
    "dashboard": (lambda _rest: None, compute.dashboard),
    "office": (_published("Office", ["organization__jurisdiction"]), compute.office),
    "person": (_published("Person"), compute.person),
    "place": (_published("Jurisdiction"), compute.place),
    "accountability": (lambda rest: rest, _accountability),
}


def key_of(kind, subject=None):
    return kind if subject is None else f"{kind}:{subject}"


def compute_key(key, today):
    """The figures of `key` computed from scratch now. LookupError when its subject is no longer public."""
    kind, _sep, rest = key.partition(":")
    load, figures_of = KINDS[kind]
    try:
        subject = load(rest)
    except Exception as error:  # DoesNotExist of whichever model, or a key that no longer parses
        raise LookupError(key) from error
    return figures_of(subject, today)


# --- Reading -------------------------------------------------------------------------------------------


def figures(key, today, compute_now=None):
    """The figures of `key` for `today`: from its row when fresh, else computed (by `compute_now`, or from
    the key) and stored for the next request."""
    compute_now = compute_now or (lambda: compute_key(key, today))
    if not enabled():
        return compute_now()
    row = PublicSummary.objects.filter(key=key).values_list("day", "fresh", "generation", "data").first()
    if row is not None:
        day, fresh, generation, data = row
        if fresh and day == today:
            try:
                return pickle.loads(bytes(data))  # noqa: S301 (written by this module only)
            except Exception:  # a row pickled by an older version of the code: computed again below
                log.info("Summary %s could not be read; computing it again.", key)
    else:
        # Claim the row before computing, so that a change committed while we compute marks it stale and
        # our (older) figures are not stored as fresh.
        PublicSummary.objects.bulk_create([PublicSummary(key=key, day=today)], ignore_conflicts=True)
        generation = PublicSummary.objects.filter(key=key).values_list("generation", flat=True).first()
    result = compute_now()
    _store(key, today, result, generation)
    return result


def _store(key, today, result, generation):
    """Store `result` unless the public state changed since `generation` was read."""
    if generation is None:
        return
    PublicSummary.objects.filter(key=key, generation=generation).update(
        day=today, fresh=True, data=pickle.dumps(result), computed_at=timezone.now()
    )


# --- Keeping them true ---------------------------------------------------------------------------------


def public_state_changed(**_signal_arguments):
    """Mark every row stale in the current transaction, and refresh them after the commit.

    The first change in a transaction moves every row's generation on (a computation running elsewhere
    must not store what it read before); later ones in the same transaction, which nobody else can see
    apart, only mark the rows read and stored again meanwhile (usually none: a deletion may send a
    signal for each of thousands of rows)."""
    if not enabled():
        return
    connection = transaction.get_connection()
    pending = connection.in_atomic_block and any(
        waiting is dispatch_refresh for _s, waiting, *_r in connection.run_on_commit
    )
    (PublicSummary.objects.filter(fresh=True) if pending else PublicSummary.objects).mark_stale()
    on_commit_once(dispatch_refresh)


def _deleted(sender, **kwargs):
    if sender._meta.app_label == "tracker" and sender is not PublicSummary:
        public_state_changed()


def refresh(today=None):
    """Recompute every stale row, and every row of another day; forget rows whose subject is no longer
    public. Returns how many rows were recomputed."""
    today = today or timezone.localdate()
    done = 0
    stale = PublicSummary.objects.exclude(fresh=True, day=today).values_list("key", "generation")
    for key, generation in list(stale):
        try:
            result = compute_key(key, today)
        except LookupError:
            PublicSummary.objects.filter(key=key, generation=generation).delete()
            continue
        _store(key, today, result, generation)
        done += 1
    return done


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
    """The keys a rebuild computes: the site-wide ones and every published office, person and place."""
    from tracker.models import Jurisdiction, Office, Person

    keys = ["dashboard", accountability_key({})]
    for kind, model in (("office", Office), ("person", Person), ("place", Jurisdiction)):
        keys += [key_of(kind, pk) for pk in model.objects.published().order_by("pk").values_list("pk", flat=True)]
    return keys


def rebuild(today=None, progress=None):
    """Compute every summary from scratch (`every_key()` and the rows already there). Returns the count."""
    today = today or timezone.localdate()
    keys = list(dict.fromkeys([*every_key(), *PublicSummary.objects.values_list("key", flat=True)]))
    written = 0
    for key in keys:
        PublicSummary.objects.bulk_create([PublicSummary(key=key, day=today)], ignore_conflicts=True)
        generation = PublicSummary.objects.filter(key=key).values_list("generation", flat=True).first()
        try:
            result = compute_key(key, today)
        except LookupError:
            PublicSummary.objects.filter(key=key).delete()
            continue
        _store(key, today, result, generation)
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
    from django.db.models.signals import post_delete
    from wagtail.signals import published, unpublished

    from tracker.publishing import signals

    for signal in (published, unpublished, signals.record_taken_down, signals.record_restored):
        signal.connect(public_state_changed, dispatch_uid=f"public-summaries-{id(signal)}")
    signals.records_published_in_bulk.connect(public_state_changed, dispatch_uid="public-summaries-bulk")
    post_delete.connect(_deleted, dispatch_uid="public-summaries-delete")

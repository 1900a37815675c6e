"""The database backend's facet counts in one query, whatever the number of facets.

Facets are disjunctive: each is counted over the matches with every *other* active filter applied (so a
reader sees what choosing another value of it would give). Counted as seven GROUP BYs, each re-ran the
full-text match and the filters (13 queries a search). Here the match runs once, in a materialised CTE
that also works out, per entry, whether it passes each active filter; each facet is then a GROUP BY over
that CTE with the other filters' flags, all joined with UNION ALL into one statement, together with the
number of results (every filter applied).

The SQL is built only from constants; every value (the match, the filter values, today) is a parameter.
"""

# ruff: noqa: S608  (table and column names are this module's constants; values are parameters)

import hashlib
import json
import logging
import threading
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection, connections

from config.single_flight import Claim
from search.models import SearchEntryOwner, SearchEntryPlace
from search.results import COMMITMENT_FILTERS, TOP_BUCKETS, empty_counts
from tracker.models.transactions import on_commit_once
from tracker.models.vocabulary import CommitmentStatus

OWNERS = SearchEntryOwner._meta.db_table
PLACES = SearchEntryPlace._meta.db_table

log = logging.getLogger(__name__)


def _flags(filters, today):
    """{filter name: (SQL of a boolean over the entry `m`, params)} for the active filters."""
    terminal = list(CommitmentStatus.terminal())
    flags = {}
    for name in ("kind", "status", "sector"):
        if filters.get(name):
            flags[name] = (f"m.{name} = %s", [filters[name]])
    if filters.get("jurisdiction"):
        flags["jurisdiction"] = (
            f"EXISTS (SELECT 1 FROM {PLACES} p WHERE p.entry_id = m.id AND p.jurisdiction_slug = %s)",
            [filters["jurisdiction"]],
        )
    for name, column in (("owner", "office_slug"), ("office_kind", "office_kind")):
        if filters.get(name):
            flags[name] = (
                f"EXISTS (SELECT 1 FROM {OWNERS} o WHERE o.entry_id = m.id AND o.{column} = %s)",
                [filters[name]],
            )
    # Whether each entry is overdue: the overdue facet counts it whether or not the filter is chosen.
    overdue = f"(m.kind = 'commitment' AND m.deadline < %s AND m.status NOT IN ({', '.join(['%s'] * len(terminal))}))"
    if filters.get("overdue"):
        flags["overdue"] = (overdue, [today, *terminal])
    return flags, (overdue, [today, *terminal])


def _where(flags, without, commitments):
    """The WHERE of one facet: every active filter but its own, and commitments only when asked for or
    when a commitment filter remains (as `apply_filters` limits them)."""
    names = [name for name in flags if name != without]
    conditions = [f"f.passes_{name}" for name in names]
    if commitments or set(names) & set(COMMITMENT_FILTERS):
        conditions.append("f.kind = 'commitment'")
    return " AND ".join(conditions) or "1 = 1"


def count_facets(matched, filters, today):
    """(number of results, {facet: {value: count}}) for the entries `matched` (a SearchEntry queryset of the
    full-text match, no filters) under `filters` ({facet: value}): one query."""
    flags, (overdue_sql, overdue_params) = _flags(filters, today)
    inner_sql, inner_params = (
        matched.order_by().values("id", "kind", "status", "sector", "deadline").query.sql_with_params()
    )
    columns = ", ".join(f"{sql} AS passes_{name}" for name, (sql, _p) in flags.items())
    # In the order they appear: the overdue test, the filters' flags, then the match.
    params = [*overdue_params, *(p for _sql, ps in flags.values() for p in ps), *inner_params]
    with_sql = (
        f"WITH f AS MATERIALIZED (SELECT m.id, m.kind, m.status, m.sector, {overdue_sql} AS overdue"
        f"{', ' + columns if columns else ''} FROM ({inner_sql}) m)"
    )
    everything = dict.fromkeys(flags)
    parts = [
        f"SELECT 'total', '', COUNT(*) FROM f WHERE {_where(everything, None, False)}",
        f"SELECT 'kind', f.kind, COUNT(*) FROM f WHERE {_where(flags, 'kind', False)} GROUP BY f.kind",
        f"SELECT 'status', f.status, COUNT(*) FROM f WHERE {_where(flags, 'status', True)} GROUP BY f.status",
        f"SELECT 'sector', f.sector, COUNT(*) FROM f WHERE {_where(flags, 'sector', True)} GROUP BY f.sector",
        f"SELECT 'overdue', '1', COUNT(*) FROM f WHERE f.overdue AND {_where(flags, 'overdue', True)}",
        f"SELECT 'office_kind', o.office_kind, COUNT(DISTINCT o.entry_id) FROM f JOIN {OWNERS} o ON o.entry_id = f.id "
        f"WHERE {_where(flags, 'office_kind', True)} GROUP BY o.office_kind",
        f"SELECT 'owner', o.office_slug, COUNT(DISTINCT o.entry_id) FROM f JOIN {OWNERS} o ON o.entry_id = f.id "
        f"WHERE {_where(flags, 'owner', True)} GROUP BY o.office_slug",
        f"SELECT 'jurisdiction', p.jurisdiction_slug, COUNT(*) FROM f JOIN {PLACES} p ON p.entry_id = f.id "
        f"WHERE {_where(flags, 'jurisdiction', True)} GROUP BY p.jurisdiction_slug",
    ]
    sql = with_sql + " " + " UNION ALL ".join(parts)
    counts = empty_counts()
    total = 0
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    top = {"owner": [], "jurisdiction": []}
    for facet, value, n in rows:
        if facet == "total":
            total = n
        elif facet == "overdue":
            counts["overdue"]["1"] = n
        elif facet in top:
            top[facet].append((value, n))
        elif value and n:
            counts[facet][value] = n
    for facet, buckets in top.items():
        counts[facet] = dict(sorted(buckets, key=lambda b: (-b[1], b[0]))[:TOP_BUCKETS])
    return total, counts


# --- Answers kept until the index changes -------------------------------------------------------------
# A search's counts and the entries of its page cost what its matches cost: at 100,000 commitments
# "water" matches a quarter of the index, and ranking and counting those entries takes a few hundred
# milliseconds, as the empty box's counts of the whole index do. Readers ask the same searches again and
# again (the words of the day, the links of the facets), so each answer is cached under a
# version of the database index, which every write to the index (a drain, a rebuild) moves on, at once and
# again when its transaction commits: the first search after a change counts again, every later one reads
# what it found, and no answer outlives the index it was read from (as Elasticsearch's request cache does).
VERSION_KEY = "search:database-index-version"
CACHE_SECONDS = 24 * 60 * 60


def _new_version():
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def index_changed():
    """The database index changed: answers stored so far are no longer read."""
    _new_version()
    on_commit_once(_new_version)


def _version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY)
    return version


def index_version():
    """The version of the database index: it moves on with every write (see above)."""
    return _version()


# After a change, an answer is counted again at most once in COST_RATIO times what counting it took, and
# at least once in STALE_SECONDS: in between, readers get the last answer. So counting spends at most
# 1/COST_RATIO of a CPU on any one answer, as the page summaries' refresh does on any one summary
# (SUMMARY_COST_RATIO). While editors publish every second, "water" (0.4 s at 100,000 commitments on
# PostgreSQL) is then counted every 24 s, not 120 times a minute, and a search of a few milliseconds after
# every change, as before. Once it is due, one process
# counts it while the others are served the last answer (single flight); with RECOUNT_IN_BACKGROUND (on but
# in the tests) it counts it in a thread, after its own reader got the last answer too, so nobody waits.
# An answer holds the uids of its page's entries, which are read as indexed now: an answer from before a
# change shows each entry as it is now and never one removed from the index since (a takedown); only its
# counts may be older, by STALE_SECONDS at most.
COST_RATIO = 60
STALE_SECONDS = 30


def cached_answer(question, compute):
    """compute(), or what it gave for the same `question` (a JSON-able description of the search: its
    words, filters, sort, page and day) while the index is unchanged (`SEARCH["CACHE_ANSWERS"]`; off in the
    tests, whose rolled-back worlds the cache would outlive), or since the index changed, for as long as
    its cost allows (see above)."""
    if not settings.SEARCH.get("CACHE_ANSWERS", True):
        return compute()
    digest = hashlib.sha256(json.dumps(question, sort_keys=True, default=str).encode()).hexdigest()[:40]
    key, latest_key = f"search:answer:{_version()}:{digest}", f"search:answer:latest:{digest}"
    found = cache.get(key)
    if found is not None:
        return found
    latest = cache.get(latest_key)  # (answer, when it was counted, seconds it took)
    if latest is not None and time.time() - latest[1] < min(STALE_SECONDS, COST_RATIO * latest[2]):
        return latest[0]
    claimed = Claim(key).take()
    if not claimed and latest is not None:
        return latest[0]  # another process counts it: the last answer meanwhile
    if claimed and latest is not None and settings.SEARCH.get("RECOUNT_IN_BACKGROUND"):
        threading.Thread(target=_recount_in_background, args=(key, latest_key, compute), daemon=True).start()
        return latest[0]  # and this reader does not wait for the counting either
    return _recount(key, latest_key, compute, claimed)


def _recount(key, latest_key, compute, claimed=True):
    """Count an answer and keep it for this version of the index and as the latest; give up the claim."""
    try:
        started = time.time()
        found = compute()
        cache.set_many({key: found, latest_key: (found, started, time.time() - started)}, CACHE_SECONDS)
        return found
    finally:
        if claimed:
            Claim(key).give_up()


def _recount_in_background(key, latest_key, compute):
    try:
        _recount(key, latest_key, compute)
    except Exception:  # readers still get the last answer; the claim lapses and the next one counts it
        log.exception("Counting the search answer %s again failed.", key)
    finally:
        connections.close_all()  # this thread's own connections (Django's are per thread)

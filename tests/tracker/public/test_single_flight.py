"""After a change of the public state, one process computes a cached report while the other readers are
served the one before it (issue 31: eight readers computed the same part at once, with the worker computing
it too). A takedown is never served from before it. On a real Redis of the test's own, as in production."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.cache import cache
from django.utils import timezone

from tests.deploy.test_redis_outage import redis  # noqa: F401  (the test's own redis-server)
from tracker.public import public_state, shared_cache

pytestmark = pytest.mark.django_db
QUERY = {"due_from": "1900-01-01"}


@pytest.fixture
def report(settings, redis):  # noqa: F811
    """A report that takes a while to compute and counts its computations."""
    settings.ACCOUNTABILITY_CACHE_SECONDS = 3600
    computed, lock = [], threading.Lock()

    def compute():
        with lock:
            computed.append(public_state.version())
            number = len(computed)
        time.sleep(0.3)
        return {"computation": number}

    def read():
        return shared_cache.cached_report(QUERY, timezone.localdate(), compute)["computation"]

    read.computed = computed
    return read


def readers_at_once(read, count=8):
    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(lambda _n: read(), range(count)))


def test_eight_readers_after_a_change_cause_one_computation_and_get_the_report_before(report):
    assert report() == 1
    public_state.bump()  # a publish
    answers = readers_at_once(report)
    assert len(report.computed) == 2  # one computation of the new state, not eight
    assert set(answers) <= {1, 2} and 2 in answers  # the one computing got it; the others the one before
    assert report() == 2  # and from then on, the new one


def test_readers_with_nothing_to_serve_wait_for_the_one_computation(report):
    answers = readers_at_once(report)
    assert answers == [1] * 8
    assert len(report.computed) == 1


def test_nothing_from_before_a_takedown_is_served(report, monkeypatch):
    assert report() == 1
    public_state.departed()  # a takedown
    # Another process is computing the new report and never finishes.
    monkeypatch.setattr(shared_cache, "WAIT_SECONDS", 0.5)
    cache.add(_computing_key(), 1, 60)
    assert report() == 2  # computed here after waiting, never the report from before the takedown


def _computing_key():
    """The claim another process would hold on the current report."""
    return f"{shared_cache.report_name(QUERY, timezone.localdate())}:{public_state.version()}:computing"

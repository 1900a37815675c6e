"""The cycle collector is held back while a figure is computed from every commitment, and only then."""

import gc

import pytest

from tracker.public import collector, delivery, summaries
from tracker.public.accountability import AccountabilityForm, build_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def collector_seen_by_load_facts(monkeypatch):
    """Whether the collector was enabled each time the facts of many commitments were read."""
    seen, load = [], delivery.load_facts

    def load_facts(*args, **kwargs):
        seen.append(gc.isenabled())
        return load(*args, **kwargs)

    monkeypatch.setattr(delivery, "load_facts", load_facts)
    return seen


def test_held_back_within_the_block_and_running_again_after_it():
    assert gc.isenabled()
    with collector.held_back():
        assert not gc.isenabled()
        with collector.held_back():  # a figure computed within another keeps it held back
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_running_again_after_a_computation_that_failed():
    with pytest.raises(LookupError), collector.held_back():
        raise LookupError("a place no longer published")
    assert gc.isenabled()


def test_left_off_by_whoever_switched_it_off():
    gc.disable()
    try:
        with collector.held_back():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_report_and_every_summary_are_computed_with_it_held_back(lapsed_council, collector_seen_by_load_facts):
    from django.utils import timezone

    today = timezone.localdate()
    report = build_report(AccountabilityForm(None), today)
    summaries.compute_key(summaries.accountability_key({}), today)
    summaries.compute_key(f"place:{lapsed_council.district.pk}", today)
    assert report.total == 17
    assert collector_seen_by_load_facts == [False, False, False]
    assert gc.isenabled()

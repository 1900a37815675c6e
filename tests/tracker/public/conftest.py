import datetime

import pytest

from tests import scenario, worlds
from tests.tracker.public.lapsed_world import lapsed_council_world


@pytest.fixture(scope="module")
def quetta_in_full(django_db_setup, django_db_blocker):
    """The Quetta slice with a status change more (work resumes) and a signed digest, committed once for the
    page walks of a module in a real browser, which only read it (tests/worlds.py)."""
    from tracker.history.digest import sign_what_is_new

    with worlds.committed_world(django_db_blocker):
        s = scenario.quetta()
        scenario.record_status_change(s.files, "in_progress", on=datetime.date(2022, 2, 1), summary="Work resumes")
        sign_what_is_new()
        yield s


@pytest.fixture
def lapsed_council(db):
    """A district council elected, then run by administrators, then elected again (lapsed_world.py)."""
    return lapsed_council_world()

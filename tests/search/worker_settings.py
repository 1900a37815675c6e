"""Settings of the Celery worker that the search tests start (see tests/search/conftest.py): the
test settings, with the beat job draining the index queue every second instead of every minute."""

from config.settings.test import *  # noqa: F403
from config.settings.test import CELERY_BEAT_SCHEDULE, SEARCH

CELERY_BEAT_SCHEDULE = {
    **CELERY_BEAT_SCHEDULE,
    "search-drain-index-queue": {"task": "search.tasks.drain_index_queue", "schedule": 1.0},
}
# A schedule file in the test's temporary directory, not the database's beat tables.
CELERY_BEAT_SCHEDULER = "celery.beat:PersistentScheduler"
SEARCH = {**SEARCH, "RETRY_AFTER": 0}

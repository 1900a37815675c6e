"""Test settings: outside services only where the environment names them (see tests/conftest.py)."""

import atexit
import shutil
import tempfile
from pathlib import Path

from config.settings.base import *  # noqa: F403
from config.settings.base import env

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CELERY_TASK_ALWAYS_EAGER = not env("CELERY_BROKER_URL")
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# A file cache of this test run's own (so that runs side by side do not share limits), unless CACHE_URL
# names one: every process and connection of the run sees the same counts, as in production.
if not env("CACHE_URL"):
    _cache_dir = tempfile.mkdtemp(prefix="tracker-test-cache-")
    atexit.register(shutil.rmtree, _cache_dir, ignore_errors=True)
    CACHES = {"default": shared_cache("", CACHE_KEY_PREFIX, files=_cache_dir)}  # noqa: F405
# Tip evidence in a directory of this test run's own.
TIP_EVIDENCE_ROOT = tempfile.mkdtemp(prefix="tracker-test-evidence-")
atexit.register(shutil.rmtree, TIP_EVIDENCE_ROOT, ignore_errors=True)
# Tests build their worlds with factories, behind the publishing signals: reports are not cached, but
# in the tests of the cache itself (tests/tracker/public/test_shared_cache.py).
ACCOUNTABILITY_CACHE_SECONDS = 0
API_CACHE_SECONDS = 0  # likewise the API's cached representations (tests/tracker/api/test_cached.py)
PUBLIC_ROWS_CACHE_SECONDS = 0  # and the rows of the commitment lists (tests/tracker/public/test_cached_rows.py)
HISTORY_DIGEST_CACHE_SECONDS = 0  # and the feed's daily digests (tests/tracker/history/test_digest_cached.py)
# A second alias on the same test database, as a replica would be (Django's TEST MIRROR), for the tests
# of the replica router (tests/deploy/test_scaling.py), which switch the router on; off, it is never used.
DATABASES["replica"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}  # noqa: F405
# Likewise the maintained page summaries, but in their own tests (tests/tracker/public/test_summaries*.py).
PUBLIC_SUMMARIES = False
SUMMARY_STALE_SECONDS = 0  # a stale row is computed again at once, but in its own test (test_summaries_stale.py)
SUMMARY_REFRESH_SECONDS = 0  # and after every change (likewise)
# And the search's cached answers (search/backends/facets.py), but in their own test.
# Answers are not cached, nor counted in a thread (whose connection would not see a test's transaction).
SEARCH = {**SEARCH, "CACHE_ANSWERS": False, "RECOUNT_IN_BACKGROUND": False}  # noqa: F405
# Schemathesis and the benchmarks make many requests; the throttling tests set their own rate.
API_THROTTLE_RATE = ""
DOWNLOADS_ROOT = Path(tempfile.mkdtemp(prefix="tracker-test-downloads-"))
atexit.register(shutil.rmtree, DOWNLOADS_ROOT, ignore_errors=True)
# Nothing cited is fetched after a publish, but in the archive's own tests (tests/tracker/archive/), which
# switch it on and serve the pages from a local server (hence private addresses allowed there only).
ARCHIVE_SOURCES = False

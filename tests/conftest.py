"""Outside services are used when the environment names them and are reachable. Locally a missing
one skips the tests that need it, saying so; with CI=true a missing service fails the run."""

import copy
import os
import shutil

import pytest
from django.conf import settings
from pytest_django.plugin import blocking_manager_key

from tests import scenario, worlds

IN_CI = os.environ.get("CI", "").lower() == "true"
CHROMIUM = "/usr/bin/chromium"


def need(service, available, how):
    if available:
        return
    message = f"{service} is not available: {how}"
    if IN_CI:
        pytest.fail(f"CI=true and {message}", pytrace=False)
    pytest.skip(message)


def pytest_sessionstart(session):
    engine = settings.DATABASES["default"]["ENGINE"]
    if IN_CI and "postgresql" not in engine:
        pytest.exit("CI=true needs PostgreSQL: set DATABASE_URL to a postgres:// address.", returncode=3)


def pytest_report_header(config):
    return f"database: {settings.DATABASES['default']['ENGINE']}; CI={IN_CI}"


# Packages whose tests share one world built once for the package (tests/tracker/demo/conftest.py).
SHARED_BY_PACKAGE = ("tests/tracker/demo/",)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """With pytest-xdist's `--dist loadfile` (`make test`), a worker runs all the tests of a module, and of a
    package of SHARED_BY_PACKAGE, so that a world built once per module or package is built once in all.
    The largest units go first."""
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class ByWorld(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            path = nodeid.split("::", 1)[0]
            return next((package for package in SHARED_BY_PACKAGE if path.startswith(package)), path)

    return ByWorld(config, log)


def _transactional(item):
    """Whether pytest-django runs `item` as a TransactionTestCase, which flushes every table when done."""
    marker = item.get_closest_marker("django_db")
    if marker and (marker.args[:1] == (True,) or any(marker.kwargs.get(k) for k in ("transaction", "reset_sequences"))):
        return True
    names = getattr(item, "fixturenames", ())
    return "transactional_db" in names or "live_server" in names


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test the database is made fresh again: emptied, then the rows of a fresh test
    database (its migrations' data) loaded. Its flush leaves the tables empty, or refilled under new keys by
    post_migrate when Django did not find the kept rows on the connection (then the next `serialized_rollback`
    test fails to load them). pytest-django runs transactional tests after the others, but pytest-xdist hands
    a worker whole modules in turn (`pytest_xdist_make_scheduler`), so other tests may follow them."""
    result = yield
    if worlds.FRESH_ROWS and nextitem is not None and _transactional(item):
        blocker = item.config.stash[blocking_manager_key]
        with blocker.unblock():
            worlds.fresh_database()
    return result


@pytest.fixture(scope="module")
def chromium():
    """A real headless Chromium (Debian's package) driven by Playwright, one for the tests of a module (each
    test opens its own context: its own cookies, storage and screen)."""
    need("Chromium", shutil.which(CHROMIUM), f"install Debian's chromium package ({CHROMIUM})")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the tests still talk to the database
    # synchronously between browser steps, which is safe here.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def live_site(django_db_setup):
    """The site served on a free port by a thread of this process, for tests that read a world committed
    once per module (tests/worlds.py). pytest-django's `live_server` makes every test that takes it
    transactional: its tables are flushed after each test."""
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer("localhost")
    yield server
    server.stop()


@pytest.fixture
def phone(chromium):
    """A page in Chromium on a 375-pixel-wide phone screen."""
    from tests.browser import AXE, PHONE

    if not AXE.exists():
        pytest.fail("axe-core is missing: run `npm ci` (make test does).")
    # The site's Content-Security-Policy forbids inline scripts; axe is injected by the test, not the site.
    context = chromium.new_context(viewport=PHONE, is_mobile=True, bypass_csp=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def editor(django_user_model):
    from django.contrib.auth.models import Group

    from tracker.models import EditingOrganisation, Membership

    user = django_user_model.objects.create_user("editor", "editor@example.org", "pass")
    user.groups.add(Group.objects.get(name="Editors"))
    # Editors edit only their organisation's records (tracker/publishing/permissions.py).
    Membership.objects.create(organisation=EditingOrganisation.objects.create(name="Editors' organisation"), user=user)
    return user


@pytest.fixture
def moderator(django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("moderator", "moderator@example.org", "pass")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.org", "pass")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        worlds.serialize_fresh_rows()
    yield
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    # The live server answers the browser on keep-alive connections in threads of its own; one may
    # still hold a database session when the test database is dropped.
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


@pytest.fixture(autouse=True)
def english_between_tests():
    """Each test starts in English. A request to an Urdu page activates Urdu in the thread that served it,
    as Django's LocaleMiddleware does, and leaves it active; a real server activates each request's own
    language, but the test client serves in the tests' thread, so later code would read Urdu."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


# --- Worlds built once per module (tests/worlds.py, docs/testing.md) -------------------------------------


@pytest.fixture(scope="module")
def quetta_once(django_db_setup, django_db_blocker):
    with worlds.rolled_back_world(django_db_blocker):
        yield scenario.quetta()


@pytest.fixture
def quetta(quetta_once, db):
    """The hand-built slice of Quetta of tests/scenario.py with its known answers, published through the real
    service once per module; each test runs in a savepoint and has its own copy of the objects."""
    return copy.deepcopy(quetta_once)

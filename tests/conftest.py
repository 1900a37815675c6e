"""Outside services are used when the environment names them and are reachable. Locally a missing
one skips the tests that need it, saying so; with CI=true a missing service fails the run."""

import os
import shutil

import pytest
from django.conf import settings

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


@pytest.fixture
def chromium(monkeypatch):
    """A real headless Chromium (Debian's package) driven by Playwright."""
    need("Chromium", shutil.which(CHROMIUM), f"install Debian's chromium package ({CHROMIUM})")
    # Playwright's sync API runs an event loop in this thread; the tests still talk to the database
    # synchronously between browser steps, which is safe here.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
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

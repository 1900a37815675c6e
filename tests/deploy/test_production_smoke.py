"""The production smoke test: docs/deploy.md followed as far as a test can, then the site used through
its caching proxy.

The release step runs with config.settings.production on PostgreSQL (check --deploy, collectstatic,
migrate, search_index --rebuild); gunicorn serves the site with deploy/gunicorn.conf.py, a Celery worker
listens to every queue, osmem-server is the search server, Redis the shared cache and broker, and
varnishd with deploy/varnish/tracker.vcl stands in front. The test crawls the public pages through
Varnish (no 5xx, the caching headers of tracker/public/http_caching.py), publishes a change with the
production settings and sees it through Varnish within seconds (the page was cached before), and takes
the record down and gets 410 through Varnish at once, on a page Varnish kept as permanent.

Locally a missing piece (PostgreSQL, redis-server, osmem-server, varnishd, gunicorn) skips the test,
saying which; with CI=true it fails.
"""

import datetime
import json
import os
import shutil
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from config.warm import template_names
from tests import scenario
from tests.conftest import need
from tests.deploy import stack
from tests.search.conftest import _test_database_url, free_port

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
IMMUTABLE = "public, max-age=31536000, immutable"


def water_for_sariab():
    """A commitment published twice (revisions 1 and 2), its owner office, its place and a decision."""
    promise = scenario.published_commitment(title="Clean drinking water for Sariab")
    scenario.add_status_change(promise, "in_progress", on=datetime.date(2024, 3, 1))
    scenario.publish(promise, summary="Work began")
    office = promise.owners.get().office
    decision = scenario.decision(title="Water board notification", deciding_office=office, linked=[promise])
    scenario.publish(decision)
    return {"promise": promise, "decision": decision, "office": office, "place": promise.jurisdiction}


@pytest.fixture
def site(tmp_path, broker, search_server):
    need("PostgreSQL", connection.vendor == "postgresql", "set DATABASE_URL=postgres://... (the stack shares it)")
    need("varnishd", shutil.which(stack.VARNISHD), "install Debian's varnish package")
    need("gunicorn", stack.GUNICORN.exists(), "install the project (pip install -e .)")
    records = water_for_sariab()
    gunicorn_port, proxy_port = free_port(), free_port()
    env = stack.production_environment(tmp_path, _test_database_url(), broker.port, search_server.url, proxy_port)
    # The release step of docs/deploy.md, section 6.
    assert "no issues" in stack.manage(env, "check", "--deploy", "--fail-level", "WARNING")
    stack.manage(env, "collectstatic", "--noinput")
    stack.manage(env, "migrate", "--noinput")
    stack.manage(env, "search_index", "--rebuild", "--no-progress")
    # As the hourly task would have by now: a signed checkpoint covers the revisions, so their pages are
    # permanent (until one does, their "Check this revision" box still says what is to come).
    stack.manage(env, "sign_checkpoint")
    services = []
    try:
        services.append(stack.start_gunicorn(tmp_path, env, gunicorn_port))
        services.append(stack.start_worker(tmp_path, env))
        services.append(stack.start_varnish(tmp_path, gunicorn_port, proxy_port))
        yield {"proxy": stack.Proxy(proxy_port), "env": env, "records": records, "services": services}
    finally:
        for service in reversed(services):
            service.stop()


def crawl_addresses(records, static_file):
    promise, decision = records["promise"], records["decision"]
    base = f"/commitments/{promise.slug}"
    return [
        "/",
        "/commitments/",
        "/commitments/?status=in_progress&overdue=1",
        f"{base}/",
        f"{base}/?on=2024-06-01",
        f"{base}/history/",
        f"{base}/history/1/",
        f"{base}/history/compare/1/2/",
        f"{base}/cite/2/",
        f"{base}/cite/2/?format=bibtex",
        f"{base}/feed/",
        "/decisions/",
        f"/decisions/{decision.slug}/",
        f"/offices/{records['office'].slug}/",
        f"/jurisdictions/{records['place'].slug}/",
        "/accountability/",
        "/feeds/changes/",
        "/history/digests/",
        "/search/?q=water",
        "/search/?q=&status=in_progress",
        "/search/autocomplete/?q=de",
        "/methodology/",
        "/tips/",
        static_file,
    ]


def static_file(env):
    """A stylesheet's address as collectstatic named it (WhiteNoise's manifest)."""
    paths = json.loads((Path(env["STATIC_ROOT"]) / "staticfiles.json").read_text())["paths"]
    return "/static/" + next(hashed for name, hashed in paths.items() if name.endswith(".css"))


def test_the_production_stack_serves_the_public_pages_through_the_proxy(site):
    proxy, records = site["proxy"], site["records"]
    promise = records["promise"]
    log = lambda: "\n\n".join(f"--- {s.name}\n{s.last_lines()}" for s in site["services"])  # noqa: E731

    # Crawl: every public page answers, none with a 5xx, each with the headers it should have.
    for path in crawl_addresses(records, static_file(site["env"])):
        response = proxy.get(path)
        assert response.status_code < 500, f"{path}: {response.status_code}\n{log()}"
        assert response.status_code == 200, f"{path}: {response.status_code}"
    # gunicorn forked its workers warm (config/warm.py): every template compiled in the master.
    gunicorn = next(service for service in site["services"] if service.name == "gunicorn")
    assert f"Warmed: {len(template_names())} templates compiled" in gunicorn.log.read_text()
    # The worker runs below the web's CPU priority (WORKER_NICENESS): background work takes what readers leave.
    worker = next(service for service in site["services"] if service.name == "worker")
    web_priority = os.getpriority(os.PRIO_PROCESS, gunicorn.process.pid)
    assert os.getpriority(os.PRIO_PROCESS, worker.process.pid) == min(19, web_priority + settings.WORKER_NICENESS)
    assert settings.WORKER_NICENESS == 10  # the default, which docs/reference.md gives
    revision = proxy.get(f"/commitments/{promise.slug}/history/1/")
    assert revision.headers["Cache-Control"] == IMMUTABLE
    assert "Clean drinking water for Sariab" in revision.text

    dashboard = proxy.get("/")
    assert dashboard.headers["Cache-Control"].startswith("public, max-age=0, s-maxage=")
    assert dashboard.headers["Content-Encoding"] == "gzip"
    assert dashboard.headers["X-Cache"] == "HIT"  # the crawl fetched it once already
    assert proxy.get("/", **{"If-None-Match": dashboard.headers["ETag"]}).status_code == 304
    feed = proxy.get("/feeds/changes/")
    assert proxy.get("/feeds/changes/", **{"If-None-Match": feed.headers["ETag"]}).status_code == 304

    # Forms, the admin and signed-in visitors are never served from the shared cache.
    for path in ("/tips/", "/admin/login/"):
        first, again = proxy.get(path), proxy.get(path)
        assert again.headers["X-Cache"] == "MISS", path
        assert "public" not in again.headers.get("Cache-Control", ""), path
        assert first.headers.get("Set-Cookie") or "private" in first.headers["Cache-Control"], path
    signed_in = proxy.get(f"/commitments/{promise.slug}/", Cookie="sessionid=someone")
    assert signed_in.headers["X-Cache"] == "MISS"
    assert signed_in.headers["Cache-Control"] == "private, no-cache"

    # A change published with the production settings is visible through Varnish within seconds.
    page = f"/commitments/{promise.slug}/"
    assert proxy.get(page).headers["X-Cache"] == "HIT"
    api = f"/api/v1/commitments/{promise.slug}/"
    proxy.get(api)
    assert proxy.get(api).headers["X-Cache"] == "HIT"
    assert page not in proxy.get("/search/?q=phase").text  # nothing is named so before the change
    code = (
        "from tracker.models import Commitment; from tracker.publishing import publish; "
        f"c = Commitment.objects.get(slug={promise.slug!r}); c.title = 'Clean water for Sariab, phase two'; "
        "publish(c, user=None, summary='Renamed after the second phase was announced')"
    )
    stack.manage(site["env"], "shell", "-v", "0", "-c", code)
    started = time.monotonic()
    assert "Clean water for Sariab, phase two" in proxy.get(page).text, log()
    assert "Clean water for Sariab, phase two" in proxy.get("/commitments/").text
    assert "Clean water for Sariab, phase two" in proxy.get("/").text
    assert proxy.get(api).json()["title"] == "Clean water for Sariab, phase two"  # the open data too
    assert time.monotonic() - started < 5
    # Search follows once the worker has drained the index queue (the second purge, seconds later).
    wait_for_text = lambda: page in proxy.get("/search/?q=phase").text  # noqa: E731
    stack.wait_for(wait_for_text, timeout=30, what="the change in search, through Varnish", log=log)

    # A takedown is never served from the cache: 410 at once, even on a page kept as permanent.
    assert proxy.get(f"{page}history/1/").headers["X-Cache"] == "HIT"
    stack.manage(
        site["env"],
        "takedown",
        "commitments",
        promise.slug,
        "--notice",
        "Court order 7/2026",
        "--reason",
        "court_order",
    )
    for path in (page, f"{page}history/1/", f"{page}history/compare/1/2/", f"{page}cite/2/"):
        gone = proxy.get(path)
        assert gone.status_code == 410, f"{path}: {gone.status_code} {gone.headers.get('X-Cache')}"
        assert "Court order 7/2026" in gone.text
        assert gone.headers["Cache-Control"] == "no-store"
    assert "phase two" not in proxy.get("/commitments/").text
    assert proxy.get(api).status_code == 410
    assert "phase two" not in proxy.get("/api/v1/commitments/").text
    assert page not in proxy.get("/search/?q=phase").text
    assert proxy.get(f"/decisions/{records['decision'].slug}/").status_code == 200

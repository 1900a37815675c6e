"""Fixtures of the search tests: the real outside pieces, started per test and stopped after it.

- `search_server`: a real osmem-server process (an in-memory OpenSearch-compatible engine, not
  Elasticsearch) on a fixed port, so a test can stop it and start it again at the same address.
- `backend`: every search test that takes it runs twice, on the database backend (SQLite FTS5 or
  PostgreSQL, whichever DATABASE_URL names) and on the Elasticsearch backend against osmem-server.
- `broker` and `worker`: a private redis-server and a real `celery -A config worker -B` subprocess
  sharing the test database (PostgreSQL only: the SQLite test database lives in this process's memory).

Locally a missing piece skips the tests that need it, saying which; with CI=true it fails them.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

from config.celery import QUEUES
from tests.conftest import need
from tests.processes import Broker, answering, free_port, stop, wait_for  # noqa: F401  (used by other tests too)
from tests.search.corpus import build_corpus, index_everything

ROOT = Path(__file__).resolve().parents[2]


# --- osmem-server ----------------------------------------------------------------------------------


def _osmem_available():
    try:
        from osmem_server import resolve_binary

        return Path(resolve_binary()).exists()
    except Exception:  # noqa: BLE001 - any failure to find it means "not installed"
        return False


class SearchServer:
    """osmem-server on one port; `stop()` ends the process, `start()` starts a new, empty one there."""

    def __init__(self):
        self.port = free_port()
        self.server = None
        self.start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        from osmem_server import OsmemServer

        self.server = OsmemServer.start(addr=f"127.0.0.1:{self.port}", japanese=False)

    def stop(self):
        if self.server is not None:
            self.server.close(grace=2)
            self.server = None
        wait_for(lambda: not answering(self.port), timeout=10, what="osmem-server to stop")


@pytest.fixture
def search_server():
    need("osmem-server", _osmem_available(), "install the test extra (pip install -e '.[test]')")
    server = SearchServer()
    yield server
    server.stop()


def use_backend(settings, name, server=None):
    settings.SEARCH = {
        **settings.SEARCH,
        "BACKEND": name,
        "ELASTICSEARCH_URL": server.url if server else "",
        "RETRY_AFTER": 0,
    }


@pytest.fixture(params=["database", "elasticsearch"])
def backend(request, settings):
    """The name of the backend under test, configured in settings (the database one always exists)."""
    server = request.getfixturevalue("search_server") if request.param == "elasticsearch" else None
    use_backend(settings, request.param, server)
    return request.param


# --- The records searched --------------------------------------------------------------------------


@pytest.fixture
def corpus(db, backend):
    records = build_corpus()
    index_everything()
    return records


# --- Broker and worker -----------------------------------------------------------------------------


@pytest.fixture
def broker(tmp_path):
    need("redis-server", shutil.which("redis-server"), "install Debian's redis-server package")
    broker = Broker(tmp_path)
    broker.start()
    yield broker
    broker.stop()


@pytest.fixture
def dispatch_to(broker):
    """This process sends tasks to the private broker instead of running them in-process."""
    from config.celery import app

    saved = {"broker_url": app.conf.broker_url, "task_always_eager": app.conf.task_always_eager}

    def reset_pools():
        app._pool = None
        app.amqp._producer_pool = None

    app.conf.update(broker_url=broker.url, task_always_eager=False)
    reset_pools()
    yield broker
    app.conf.update(saved)
    reset_pools()


def _test_database_url():
    db = connection.settings_dict
    auth = quote(db["USER"] or "", safe="") + (":" + quote(db["PASSWORD"], safe="") if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class Worker:
    """A real `celery -A config worker` with embedded beat, on the test database."""

    def __init__(self, directory, broker, server):
        self.directory, self.broker, self.server = directory, broker, server
        self.log = directory / "worker.log"
        self.process = None

    def start(self):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.search.worker_settings",
            "DATABASE_URL": _test_database_url(),
            "CELERY_BROKER_URL": self.broker.url,
            "ELASTICSEARCH_URL": self.server.url,
            "PYTHONPATH": str(ROOT),
        }
        args = ["-m", "celery", "-A", "config", "worker", "-B", "-s", str(self.directory / "beat-schedule")]
        args += ["-Q", ",".join(QUEUES)]  # every queue of config/celery.py (search's tasks go to "indexing")
        args += ["--pool", "solo", "--without-gossip", "--without-mingle", "--without-heartbeat", "-l", "INFO"]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(  # noqa: S603
                [sys.executable, *args, "-n", f"search-test-{self.broker.port}@%h"],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        wait_for(lambda: b" ready." in self.log.read_bytes(), timeout=60, what="the Celery worker", log=self.last_lines)

    def stop(self):
        if self.process is None:
            return
        stop(self.process, timeout=20)
        self.process = None

    def output(self):
        return self.log.read_text(errors="replace")

    def last_lines(self, count=60):
        """The end of the worker's log, for a failure message: CI keeps no temporary files."""
        return "\n".join(self.output().splitlines()[-count:])


@pytest.fixture
def worker(transactional_db, tmp_path, broker, search_server, settings):
    need(
        "PostgreSQL for the worker",
        connection.vendor == "postgresql",
        "the worker shares the test database; set DATABASE_URL=postgres://... to run it",
    )
    use_backend(settings, "elasticsearch", search_server)
    worker = Worker(tmp_path, broker, search_server)
    worker.start()
    yield worker
    worker.stop()

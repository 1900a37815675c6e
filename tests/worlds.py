"""Worlds built once and shared by the tests of a module (docs/testing.md).

Building a world through the real publish path costs seconds; rebuilding it for every test was most of
the suite's time. Two ways to build one once:

- `rolled_back_world(django_db_blocker)`: inside a transaction that is rolled back when the module is done.
  Each test (through pytest-django's `db`) runs in a savepoint within it, so a test that changes the world
  leaves no trace for the next one. Only this process's connection sees the world.
- `committed_world(django_db_blocker)`: committed, for what reads the database on connections of its own (the
  live server's threads, a Celery worker, gunicorn). Before and after, every table is flushed and the rows
  a fresh test database holds (its migrations' data) are loaded again, once per module instead of once
  per test. Tests that read such a world still take `db`: what they write themselves is rolled
  back, and the live server does not see it (on PostgreSQL).

A fixture of the module scope hands its world to tests through a function-scoped fixture that takes `db`
and gives each test its own copy (`copy.deepcopy`) of the Python objects, so that a test that changes an
object in memory does not change it for the next test.
"""

import contextlib
import json

from django.core.management import call_command
from django.db import connections, transaction


@contextlib.contextmanager
def rolled_back_world(django_db_blocker):
    """Build and use a world inside a transaction on every database that is rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


# The rows of the freshly created test databases, by alias (`serialize_fresh_rows`).
FRESH_ROWS = {}
DERIVED = {"wagtailsearch.indexentry"}


def fresh_database():
    """Every table emptied, then the rows of a fresh test database loaded again, as Django's
    TransactionTestCase with `serialized_rollback` does between tests."""
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    for connection in _writable_connections():
        # The sequences go on (as Django's TransactionTestCase flushes): new rows never take the kept rows' keys.
        call_command(
            "flush",
            verbosity=0,
            interactive=False,
            database=connection.alias,
            reset_sequences=False,
            inhibit_post_migrate=True,
        )
        connection.creation.deserialize_db_from_string(FRESH_ROWS[connection.alias])
    # The content types kept in memory may name rows that the flush removed.
    ContentType.objects.clear_cache()


@contextlib.contextmanager
def committed_world(django_db_blocker):
    """Build a world committed for other connections and processes to read; flush it when done."""
    with django_db_blocker.unblock():
        fresh_database()
        try:
            yield
        finally:
            fresh_database()


def serialize_fresh_rows():
    """Keep the rows of the freshly created test database, for `committed_world` to restore (Django keeps them
    only when a test is marked `serialized_rollback`)."""
    for connection in _writable_connections():
        rows = json.loads(connection.creation.serialize_db_to_string())
        # Wagtail's search index rows are made again by its signals as the pages are loaded; loading the kept
        # ones too would repeat their keys.
        rows = [row for row in rows if row["model"] not in DERIVED]
        # The content types first: a signal that asks for one while the other rows load finds it, instead of
        # making it again under a new key.
        rows.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
        FRESH_ROWS[connection.alias] = json.dumps(rows)


def _writable_connections():
    # The replica alias mirrors the default database (config/settings/test.py).
    return [connections[alias] for alias in connections if alias != "replica"]

"""Backups that prove themselves: the recipe of docs/backups.md, run for real. A published history is
dumped with `pg_dump --format=custom`, restored with `createdb` and `pg_restore --no-owner` into a new
database, and `manage.py verify_history --digest DAY=SHA256`, run against the restored database, finds
every chain intact and the archived daily digest unchanged; the trigger that guards public revisions came
along; and a revision altered in the restored copy is caught.

PostgreSQL only (pg_dump is the PostgreSQL tool), with its client programs on the PATH (Debian's
postgresql-client): locally a missing client skips, with CI=true it fails.
"""

import datetime
import io
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from tests.conftest import need
from tests.factories import CommitmentFactory
from tests.scenario import add_revisions, published_commitment, record_status_change
from tracker.history.digest import digest_for
from tracker.models import Commitment, PublicRevision

ROOT = Path(__file__).resolve().parents[3]
CLIENT_PROGRAMS = ("pg_dump", "pg_restore", "createdb", "dropdb")

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="backups are made with pg_dump: this needs PostgreSQL (set DATABASE_URL to a postgres:// address)",
    ),
    # Committed, so that pg_dump (another session) sees the history; the rows of the data migrations
    # (groups, pages) are put back afterwards for the tests that follow.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def postgresql_client():
    missing = [program for program in CLIENT_PROGRAMS if shutil.which(program) is None]
    need(
        "The PostgreSQL client",
        not missing,
        f"{', '.join(missing)} not found on the PATH; install Debian's postgresql-client",
    )


@pytest.fixture
def history(db):
    """A commitment published twice through the real service today, and two commitments with revisions
    published three and two days ago, so that a complete past day has a digest; returns that day."""
    promise = published_commitment(title="Girls' school in Zhob")
    promise = Commitment.objects.get(pk=promise.pk)
    record_status_change(promise, "in_progress", on=datetime.date(2024, 3, 1), summary="Work started")

    start = timezone.now() - datetime.timedelta(days=3)
    for title in ("Solar pumps for Pishin", "Water filtration in Loralai"):
        with transaction.atomic():  # appending locks the chain's latest revision
            add_revisions(CommitmentFactory(title=title), 3, start=start, step=datetime.timedelta(hours=20))
    return timezone.localdate(start + datetime.timedelta(hours=40))


def client_arguments(settings):
    """How the PostgreSQL client programs reach the test database's server."""
    arguments = []
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings.get(key):
            arguments += [option, str(settings[key])]
    return arguments


def client_environment(settings):
    env = dict(os.environ)
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = settings["PASSWORD"]
    return env


def database_url(settings, name):
    user = quote(settings.get("USER") or "", safe="")
    password = quote(settings.get("PASSWORD") or "", safe="")
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    port = f":{settings['PORT']}" if settings.get("PORT") else ""
    return f"postgres://{credentials}{settings.get('HOST') or ''}{port}/{name}"


def run(command, settings):
    done = subprocess.run(
        command, env=client_environment(settings), capture_output=True, text=True, check=False, timeout=300
    )
    assert done.returncode == 0, f"{command[0]} failed ({done.returncode}):\n{done.stderr}"
    return done


def verify_history(settings, name, *arguments):
    """`manage.py verify_history` in a process of its own, against the database `name`."""
    env = client_environment(settings)
    env.update(DATABASE_URL=database_url(settings, name), DJANGO_SETTINGS_MODULE="config.settings.test")
    return subprocess.run(
        [sys.executable, "manage.py", "verify_history", *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def restored_connection(settings, name):
    return psycopg.connect(
        dbname=name,
        host=settings.get("HOST") or None,
        port=settings.get("PORT") or None,
        user=settings.get("USER") or None,
        password=settings.get("PASSWORD") or None,
        autocommit=True,
    )


def test_a_restored_dump_verifies_with_its_digests_unchanged(postgresql_client, history, tmp_path):
    day = history
    digest = digest_for(day)
    assert digest.records == 2, digest.listing
    out = io.StringIO()
    call_command("verify_history", stdout=out)
    summary = out.getvalue().splitlines()[0]
    assert summary.startswith(f"{PublicRevision.objects.count()} revisions of ") and summary.endswith(
        "every chain is intact."
    ), out.getvalue()
    altered = PublicRevision.objects.for_record(Commitment.objects.get(title="Girls' school in Zhob")).get(number=2)

    settings = connection.settings_dict
    restored = f"{settings['NAME']}_restored_{uuid.uuid4().hex[:8]}"
    dump = tmp_path / "tracker.dump"
    server = client_arguments(settings)
    run(["pg_dump", "--format=custom", *server, "--file", str(dump), settings["NAME"]], settings)
    run(["createdb", *server, restored], settings)
    try:
        run(["pg_restore", "--no-owner", "--exit-on-error", *server, "--dbname", restored, str(dump)], settings)

        done = verify_history(settings, restored, "--digest", f"{day.isoformat()}={digest.sha256}")
        assert done.returncode == 0, done.stdout + done.stderr
        assert summary in done.stdout
        assert f"Digest of {day} matches: {digest.sha256}" in done.stdout
        assert "ALTERED" not in done.stderr, done.stderr

        table = PublicRevision._meta.db_table
        with restored_connection(settings, restored) as restored_db:
            # The dump carried the trigger: even whoever restored it cannot change a public revision.
            with pytest.raises(psycopg.errors.IntegrityConstraintViolation, match="can never be changed or deleted"):
                restored_db.execute(f"UPDATE {table} SET edit_summary = 'Nothing happened' WHERE id = %s", [altered.pk])  # noqa: S608
            # A superuser can switch triggers off for the session: the change is then made, and caught.
            restored_db.execute("SET session_replication_role = replica")
            restored_db.execute(f"UPDATE {table} SET edit_summary = 'Nothing happened' WHERE id = %s", [altered.pk])  # noqa: S608

        done = verify_history(settings, restored, "--digest", f"{day.isoformat()}={digest.sha256}")
        assert done.returncode == 1, done.stdout + done.stderr
        assert "revision 2: was altered in the database" in done.stderr
        assert "the published history was altered" in done.stderr
    finally:
        run(["dropdb", "--if-exists", *server, restored], settings)

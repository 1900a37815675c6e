"""Room to grow beyond one machine (docs/scaling.md): public pages read from a replica, Celery work in
queues of its own, search index shards and replicas from the environment."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext

from config.celery import QUEUES, app
from tests import scenario

ROUTER = "config.replicas.ReplicaRouter"


@pytest.fixture
def replica(settings):
    """The router on, `replica` a second connection to the test database (TEST MIRROR)."""
    settings.DATABASE_ROUTERS = [ROUTER]
    return connections["replica"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True, databases=["default", "replica"])
def test_public_pages_read_from_the_replica_and_editors_from_the_primary(client, replica, admin_user):
    promise = scenario.published_commitment(title="Water for Sariab")
    client.get("/")  # the site settings' row is made (written, on the primary) on the first request
    with CaptureQueriesContext(replica) as on_replica, CaptureQueriesContext(connections["default"]) as on_primary:
        page = client.get(f"/commitments/{promise.slug}/")
    assert page.status_code == 200
    assert "Water for Sariab" in page.content.decode()
    assert len(on_replica) > 0
    assert [q["sql"] for q in on_primary] == []

    client.force_login(admin_user)
    with CaptureQueriesContext(replica) as on_replica:
        admin = client.get("/admin/snippets/tracker/commitment/")
    assert admin.status_code == 200
    assert "Water for Sariab" in admin.content.decode()
    assert len(on_replica) == 0


@pytest.mark.django_db(transaction=True, serialized_rollback=True, databases=["default", "replica"])
def test_a_request_that_wrote_reads_its_own_write_from_the_primary(client, replica):
    """The signing key's public half is made (written) on first use: the rest of that request reads the
    primary, which has it, not the replica, which may not yet."""
    with CaptureQueriesContext(replica) as on_replica, CaptureQueriesContext(connections["default"]) as on_primary:
        response = client.get("/tips/")
        posted = client.post("/tips/", {})
    assert response.status_code == 200
    assert posted.status_code in (200, 400)
    writes = [q["sql"] for q in on_replica if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]
    assert writes == []
    assert len(on_primary) > 0  # the POST read and wrote the primary


def test_without_a_replica_every_read_goes_to_the_primary():
    from config.replicas import ReplicaRouter

    assert ReplicaRouter().db_for_read(None) == "default"  # outside a public page's request
    assert ReplicaRouter().allow_migrate("replica", "tracker") is False


@pytest.mark.parametrize(
    ("task", "queue"),
    [
        ("search.tasks.drain_index_queue", "indexing"),
        ("tracker.tasks.make_digests", "celery"),
        ("tracker.public.purges.purge_again", "celery"),
        ("tracker.public.purges.send_left_purges", "celery"),
        ("tracker.following.tasks.send_alerts", "mail"),
        ("tracker.following.tasks.send_digests", "mail"),
        ("tracker.following.tasks.deliver_webhooks", "webhooks"),
        ("tracker.following.tasks.probe_webhooks", "webhooks"),
        ("tracker.following.tasks.queue_webhooks", "celery"),
        ("data.tasks.build_downloads", "downloads"),
        ("tracker.archive.tasks.archive_sources", "archives"),
        ("tracker.archive.tasks.check_sources", "archives"),
        ("tracker.tasks.refresh_public_summaries", "celery"),
    ],
)
def test_each_kind_of_work_has_its_queue(task, queue):
    assert app.amqp.router.route({}, task)["queue"].name == queue
    assert queue in QUEUES


def test_search_index_shards_and_replicas_come_from_the_environment():
    code = "from django.conf import settings; print(settings.SEARCH['SHARDS'], settings.SEARCH['REPLICAS'])"
    env = {"ELASTICSEARCH_SHARDS": "3", "ELASTICSEARCH_REPLICAS": "2", "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v", "0", "-c", code],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.stdout.split() == ["3", "2"]

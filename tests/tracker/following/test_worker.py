"""A real Celery worker on Redis (consuming every queue of config/celery.py) delivers a publish to a
real HTTP receiver, which answers 500 first: the worker tries again after the back-off and the second
delivery, signed the same way, is accepted. The same run mails the at-once alert. Receivers that never
answer do not delay one that does. A broker that restarts empty loses neither a delivery (each arrives
once) nor a purge of the caching proxy (each arrives, at once and again)."""

import datetime
import os
import subprocess
import sys
import time

import pytest
from django.db import connection

from config.celery import QUEUES
from tests import scenario
from tests.conftest import need
from tests.processes import stop
from tests.search.conftest import ROOT, _test_database_url, wait_for
from tracker.models import Commitment, Follow, Follower, Webhook, WebhookDelivery
from tracker.models.following import DeliveryStatus

D = datetime.date


class Worker:
    """One process (`--pool solo`), or `processes` of them as production runs it
    (deploy/systemd/tracker-worker@.service); `webhook_timeout`: seconds a POST is given; `proxy`: the
    caching proxy's address (FRONTEND_CACHE_URL)."""

    def __init__(self, directory, broker, mailbox, processes=None, webhook_timeout=None, proxy=None):
        self.log = directory / "worker.log"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.tracker.following.worker_settings",
            "DATABASE_URL": _test_database_url(),
            "CELERY_BROKER_URL": broker.url,
            "PYTHONPATH": str(ROOT),
            "FOLLOWING_TEST_SMTP_PORT": str(mailbox.port),
        }
        if webhook_timeout:
            env["FOLLOWING_TEST_WEBHOOK_TIMEOUT"] = str(webhook_timeout)
        if proxy:
            env["FRONTEND_CACHE_URL"] = proxy
        pool = ["--concurrency", str(processes)] if processes else ["--pool", "solo"]
        args = ["-m", "celery", "-A", "config", "worker", "-Q", ",".join(QUEUES), *pool]
        args += ["--without-gossip", "--without-mingle", "--without-heartbeat", "-l", "INFO"]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(  # noqa: S603
                [sys.executable, *args, "-n", f"follow-test-{broker.port}@%h"],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        wait_for(lambda: b" ready." in self.log.read_bytes(), timeout=60, what="the Celery worker", log=self.output)

    def output(self):
        return self.log.read_text(errors="replace")[-5000:]

    def stop(self):
        stop(self.process, timeout=20)


@pytest.fixture
def worker(transactional_db, tmp_path, broker, mailbox):
    need("PostgreSQL for the worker", connection.vendor == "postgresql", "set DATABASE_URL=postgres://...")
    worker = Worker(tmp_path, broker, mailbox)
    yield worker
    worker.stop()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_worker_retries_a_webhook_and_mails_the_alert(worker, dispatch_to, receiver, mailbox, settings):
    Webhook.objects.create(name="Newsroom", url=receiver.url, secret=receiver.secret)
    promise = scenario.published_commitment(title="Clean water for Quetta", summary="Add the promise")
    wait_for(lambda: len(receiver.received) == 2, timeout=60, what="revision 1 delivered", log=worker.output)
    follower = Follower.objects.create(email="reader@example.org")
    Follow.objects.create(follower=follower, kind="commitments", object_id=promise.pk, confirmed_at="2024-01-01T00:00Z")
    promise = Commitment.objects.get(pk=promise.pk)
    source = {"url": "https://example.org/s", "title": "Stalls", "quote": "No funds released."}
    scenario.record_status_change(promise, "stalled", on=D(2024, 3, 15), summary="Stalled", **source)

    def delivered():
        return WebhookDelivery.objects.filter(status=DeliveryStatus.DELIVERED).count() == 2

    wait_for(delivered, timeout=60, what="both revisions delivered", log=worker.output)
    assert [status for _headers, _body, status in receiver.received] == [500, 200, 200]
    assert all(receiver.signature_valid(headers, body) for headers, body, _status in receiver.received)
    assert receiver.received[0][1] == receiver.received[1][1]  # revision 1, tried again after the 500
    assert [p["revision"]["number"] for p in receiver.payloads()] == [1, 1, 2]
    assert sorted(WebhookDelivery.objects.values_list("attempts", flat=True)) == [1, 2]
    [alert] = wait_for(lambda: mailbox.to("reader@example.org"), timeout=30, what="the alert", log=worker.output)
    assert "Stalled" in alert["Subject"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_deliveries_a_broker_restart_lost_all_arrive_once(tmp_path, broker, dispatch_to, mailbox, settings):
    """Deliveries queued, then the broker restarts empty before any worker took them (issue 25, item 2: 76
    stayed pending with nothing queued). Beat's next runs send them, each once however many rounds ask."""
    from tests.tracker.following.conftest import Receiver
    from tracker.following import tasks

    need("PostgreSQL for the worker", connection.vendor == "postgresql", "set DATABASE_URL=postgres://...")
    settings.WEBHOOK_ALLOW_HTTP = settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = True
    receiver = Receiver("s3cret-shared-with-the-newsroom")
    Webhook.objects.create(name="Newsroom", url=receiver.url, secret=receiver.secret)
    for title in ("Clean water for Quetta", "Solar pumps for Pishin", "Schools for Sibi"):
        scenario.published_commitment(title=title, summary="Add the promise")
    assert tasks.queue_webhooks() == 3  # beat's run: the deliveries' rows, and a round's message in the broker
    assert WebhookDelivery.objects.filter(status=DeliveryStatus.PENDING, attempts=0).count() == 3
    broker.stop()
    broker.start()  # empty: the messages are gone
    from config.celery import app

    app._pool, app.amqp._producer_pool = None, None  # this process's connections to the old broker
    worker = Worker(tmp_path, broker, mailbox)
    try:
        assert tasks.queue_webhooks() == 0  # beat, a minute on: nothing new, a round for what waits
        tasks.queue_webhooks()  # and again: a second round finds the deliveries sent or being sent
        wait_for(
            lambda: WebhookDelivery.objects.filter(status=DeliveryStatus.DELIVERED).count() == 3,
            timeout=60,
            what="the three deliveries",
            log=worker.output,
        )
    finally:
        worker.stop()
        receiver.stop()
    delivered = sorted(headers["X-Tracker-Delivery"] for headers, _body, _status in receiver.received)
    assert delivered == sorted(str(pk) for pk in WebhookDelivery.objects.values_list("pk", flat=True))
    assert list(WebhookDelivery.objects.values_list("attempts", flat=True)) == [1, 1, 1]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_dead_receivers_never_delay_a_live_one(tmp_path, broker, dispatch_to, mailbox, settings):
    """Issue 25, item 3: with unreachable receivers, a working receiver's deliveries waited minutes behind
    theirs. Four receivers that never answer (two silent, two that cannot be connected to) and one that
    answers, a worker of two processes as production runs: each revision reaches the live receiver sooner
    than one try to a dead one takes, while the dead ones go on failing, one try at a time each."""
    from tests.tracker.following.conftest import DeadReceiver, Receiver

    need("PostgreSQL for the worker", connection.vendor == "postgresql", "set DATABASE_URL=postgres://...")
    settings.WEBHOOK_ALLOW_HTTP = settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = True
    timeout = 4
    dead = [DeadReceiver(kind) for kind in ("silent", "blackhole", "silent", "blackhole")]
    live = Receiver("s3cret-shared-with-the-newsroom")
    for n, receiver in enumerate([*dead, live]):  # the dead first: deliveries are made in this order
        Webhook.objects.create(name=f"Receiver {n}", url=receiver.url, secret=live.secret)
    worker = Worker(tmp_path, broker, mailbox, processes=2, webhook_timeout=timeout)
    started = time.monotonic()
    try:
        promise = scenario.published_commitment(title="Clean water for Quetta", summary="Add the promise")
        for n in range(1, 4):
            promise = Commitment.objects.get(pk=promise.pk)
            promise.summary = f"Progress report {n}"
            scenario.publish(promise, summary=f"Progress report {n}")
        wait_for(
            lambda: len(live.arrived) == 4, timeout=60, what="four deliveries to the live receiver", log=worker.output
        )
        elapsed = time.monotonic() - started
    finally:
        worker.stop()
        for receiver in [*dead, live]:
            receiver.stop()
    to_live = WebhookDelivery.objects.filter(webhook__url=live.url).select_related("revision")
    waited = {d.revision.number: live.arrived[str(d.pk)] - d.revision.published_at.timestamp() for d in to_live}
    assert max(waited.values()) < timeout, waited
    to_dead = WebhookDelivery.objects.exclude(webhook__url=live.url)
    assert to_dead.count() == 16 and not to_dead.exclude(status=DeliveryStatus.PENDING).exists()
    for receiver in dead:  # each try takes the whole timeout, one after another
        tries = sum(to_dead.filter(webhook__url=receiver.url).values_list("attempts", flat=True))
        assert 1 <= tries <= elapsed / timeout + 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_broker_restart_loses_no_purge_and_sends_no_delivery_twice(tmp_path, broker, dispatch_to, mailbox, settings):
    """Issue 25, the outbox: the broker restarts, empty, while changes are published, one just before it
    stops and one while it is down. The caching proxy is told of every page of both, at once and again
    (the second purge of each went through the broker and was lost for good), and each webhook delivery
    arrives once."""
    from config.celery import app
    from tests.beat import run_every_minute_tasks
    from tests.deploy.recording import RecordingProxy
    from tests.tracker.following.conftest import Receiver

    need("PostgreSQL for the worker", connection.vendor == "postgresql", "set DATABASE_URL=postgres://...")
    settings.WEBHOOK_ALLOW_HTTP = settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = True
    settings.HTTP_CACHE_REPURGE_SECONDS = 1  # as the worker's settings
    proxy, receiver = RecordingProxy(), Receiver("s3cret-shared-with-the-newsroom")
    settings.WAGTAILFRONTENDCACHE = proxy.backend_settings()
    Webhook.objects.create(name="Newsroom", url=receiver.url, secret=receiver.secret)
    worker = Worker(tmp_path, broker, mailbox, proxy=proxy.url)
    try:
        promises = [scenario.published_commitment(title="Clean water for Quetta", summary="Add the promise")]
        broker.stop()
        promises.append(scenario.published_commitment(title="Solar pumps for Pishin", summary="Add the promise"))
        broker.start()  # empty: whatever it held is gone
        app._pool, app.amqp._producer_pool = None, None  # this process's connections to the old broker
        pages = [f"/commitments/{promise.slug}/" for promise in promises]
        time.sleep(2 * settings.HTTP_CACHE_REPURGE_SECONDS + 0.5)  # the second purges are due, and overdue
        run_every_minute_tasks()  # beat, a minute on
        wait_for(
            lambda: WebhookDelivery.objects.filter(status=DeliveryStatus.DELIVERED).count() == 2,
            timeout=60,
            what="both deliveries",
            log=worker.output,
        )
        wait_for(
            lambda: all(proxy.purged.count(page) >= 2 for page in pages),
            timeout=30,
            what=f"both pages purged twice, not only {proxy.purged}",
            log=worker.output,
        )
    finally:
        worker.stop()
        receiver.stop()
        proxy.stop()
    delivered = sorted(headers["X-Tracker-Delivery"] for headers, _body, _status in receiver.received)
    assert delivered == sorted(str(pk) for pk in WebhookDelivery.objects.values_list("pk", flat=True))

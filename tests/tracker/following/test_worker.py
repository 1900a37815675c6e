"""A real Celery worker on Redis (consuming every queue of config/celery.py) delivers a publish to a
real HTTP receiver, which answers 500 first: the worker tries again after the back-off and the second
delivery, signed the same way, is accepted. The same run mails the at-once alert."""

import datetime
import os
import subprocess
import sys

import pytest
from django.db import connection

from config.celery import QUEUES
from tests import scenario
from tests.conftest import need
from tests.search.conftest import ROOT, _test_database_url, wait_for
from tracker.models import Commitment, Follow, Follower, Webhook, WebhookDelivery
from tracker.models.following import DeliveryStatus

D = datetime.date


class Worker:
    def __init__(self, directory, broker, mailbox):
        self.log = directory / "worker.log"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.tracker.following.worker_settings",
            "DATABASE_URL": _test_database_url(),
            "CELERY_BROKER_URL": broker.url,
            "PYTHONPATH": str(ROOT),
            "FOLLOWING_TEST_SMTP_PORT": str(mailbox.port),
        }
        args = ["-m", "celery", "-A", "config", "worker", "-Q", ",".join(QUEUES), "--pool", "solo"]
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
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


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
    stayed pending with nothing queued). Beat finds them once they are overdue and each arrives once."""
    from django.utils import timezone

    from tests.tracker.following.conftest import Receiver
    from tracker.following import tasks

    need("PostgreSQL for the worker", connection.vendor == "postgresql", "set DATABASE_URL=postgres://...")
    settings.WEBHOOK_ALLOW_HTTP = settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = True
    receiver = Receiver("s3cret-shared-with-the-newsroom")
    Webhook.objects.create(name="Newsroom", url=receiver.url, secret=receiver.secret)
    for title in ("Clean water for Quetta", "Solar pumps for Pishin", "Schools for Sibi"):
        scenario.published_commitment(title=title, summary="Add the promise")
    tasks.queue_webhooks()  # beat's run: the deliveries' rows, and a message each in the broker
    assert WebhookDelivery.objects.filter(status=DeliveryStatus.PENDING, attempts=0).count() == 3
    broker.stop()
    broker.start()  # empty: the messages are gone
    from config.celery import app

    app._pool, app.amqp._producer_pool = None, None  # this process's connections to the old broker
    worker = Worker(tmp_path, broker, mailbox)
    try:
        assert tasks.queue_webhooks() == 0  # not yet overdue: their messages might only be late
        WebhookDelivery.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=6))
        assert tasks.queue_webhooks() == 3  # beat, five minutes on
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

"""Webhook deliveries when some receivers are dead: `--dead` receivers that never answer (half accept the
connection and stay silent, half have a full backlog, so that connecting times out) and `--live` ones that
answer at once, served by a real Celery worker as production runs it (deploy/systemd/tracker-worker@.service:
prefork, `--concurrency 2`, every queue, with beat) on a private redis-server, with production's webhook
settings (WEBHOOK_TIMEOUT of 10 s, retries after 30 s doubling). `--revisions` publishes of one commitment,
one every `--interval` seconds; then the run waits for the live receivers' deliveries, `--wait` seconds at
most after the last publish.

    .venv/bin/python bench/webhooks.py --database receivers_bench

Reports the latency of the live receivers' deliveries, from the publish (the revision's `published_at`) to
the delivery's arrival at the receiver: p50, p95 and the longest (a delivery that did not arrive counts as
the time waited for it, a lower bound, marked ≥); the tries made to the dead receivers; the most messages
waiting in the broker's `webhooks` queue at once. The database (on BENCH_POSTGRES, default the local
server) is made afresh for the run and dropped after it.
"""

# ruff: noqa: S106, S603, S607, T201  (a benchmark starting processes on this machine, with a made-up secret)
import argparse
import math
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.processes import Broker, wait_for  # noqa: E402  (no Django: the settings need the broker first)

POSTGRES = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
QUEUED = "webhooks"


def fresh_database(name):
    maintenance = f"--maintenance-db={POSTGRES}/postgres"
    subprocess.run(["dropdb", "--if-exists", maintenance, name], check=True)
    subprocess.run(["createdb", maintenance, name], check=True)


def drop_database(name):
    subprocess.run(["dropdb", "--if-exists", f"--maintenance-db={POSTGRES}/postgres", name], check=True)


def start_worker(env, directory, concurrency):
    from config.celery import QUEUES

    log = directory / "worker.log"
    args = ["-m", "celery", "-A", "config", "worker", "-B", "-Q", ",".join(QUEUES), "--concurrency", str(concurrency)]
    args += ["--without-gossip", "--without-mingle", "--without-heartbeat", "-l", "INFO", "-n", "bench-webhooks@%h"]
    with log.open("ab") as out:
        process = subprocess.Popen([sys.executable, *args], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    wait_for(lambda: b" ready." in log.read_bytes(), timeout=60, what="the Celery worker", log=log.read_text)
    return process


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class QueueWatch:
    """The most messages waiting in the broker's `webhooks` queue at once, looked at every half second."""

    def __init__(self, url):
        import redis

        self.client, self.most, self.running = redis.Redis.from_url(url), 0, True
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self):
        while self.running:
            try:
                self.most = max(self.most, self.client.llen(QUEUED))
            except Exception:  # noqa: BLE001, S110 - the broker stopped: nothing more to look at
                return
            time.sleep(0.5)

    def stop(self):
        self.running = False
        self.thread.join()


def percentile(values, share):
    ordered = sorted(values)
    return ordered[max(math.ceil(share * len(ordered)) - 1, 0)]


def publish_revisions(count, interval):
    from tests import scenario
    from tracker.models import Commitment

    promise = scenario.published_commitment(title="Clean water for Quetta", summary="Add the promise")
    for n in range(1, count):
        time.sleep(interval)
        promise = Commitment.objects.get(pk=promise.pk)
        promise.summary = f"Progress report {n}"
        scenario.publish(promise, summary=f"Progress report {n}")
    return time.time()


def measure(options, directory):
    import django

    django.setup()
    from django.db import connection
    from django.db.models import Sum

    from tests.tracker.following.conftest import DeadReceiver, Receiver
    from tracker.models import Webhook, WebhookDelivery

    live = [Receiver("bench-secret") for _ in range(options.live)]
    dead = [DeadReceiver("silent" if n % 2 else "blackhole") for n in range(options.dead)]
    receivers = []  # dead and live in turn, so that neither kind comes first in the order deliveries are made
    for n in range(max(len(live), len(dead))):
        receivers += [kind[n] for kind in (dead, live) if n < len(kind)]
    hooks = {}
    for n, receiver in enumerate(receivers):
        hooks[Webhook.objects.create(name=f"receiver-{n:02d}", url=receiver.url, secret="bench-secret").pk] = receiver
    worker = start_worker(dict(os.environ), directory, options.concurrency)
    watch = QueueWatch(os.environ["CELERY_BROKER_URL"])
    try:
        started = time.time()
        last = publish_revisions(options.revisions, options.interval)
        expected = options.live * options.revisions
        wait_for(
            lambda: sum(len(r.arrived) for r in live) >= expected or time.time() > last + options.wait,
            timeout=options.wait + 60,
            interval=0.5,
        )
        ended = time.time()
    finally:
        watch.stop()
        stop(worker)
    latencies, missing = [], 0
    live_hooks = [pk for pk, receiver in hooks.items() if receiver in live]
    for delivery in WebhookDelivery.objects.filter(webhook__in=live_hooks).select_related("revision"):
        arrived = hooks[delivery.webhook_id].arrived.get(str(delivery.pk))
        published = delivery.revision.published_at.timestamp()
        if arrived is None:
            missing += 1
        latencies.append((arrived or ended) - published)
    never_queued = max(expected - len(latencies), 0)
    missing += never_queued
    latencies += [ended - last] * never_queued
    dead_hooks = [pk for pk in hooks if pk not in live_hooks]
    dead_tries = WebhookDelivery.objects.filter(webhook__in=dead_hooks).aggregate(n=Sum("attempts"))["n"] or 0
    for receiver in receivers:
        receiver.stop()
    connection.close()
    return {
        "latencies": latencies,
        "missing": missing,
        "expected": expected,
        "dead_tries": dead_tries,
        "most_queued": watch.most,
        "seconds": ended - started,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="bench_webhooks", help="made afresh and dropped after the run")
    parser.add_argument("--dead", type=int, default=10)
    parser.add_argument("--live", type=int, default=10)
    parser.add_argument("--revisions", type=int, default=30)
    parser.add_argument("--interval", type=float, default=2.0, help="seconds between publishes")
    parser.add_argument("--wait", type=float, default=180.0, help="seconds to wait after the last publish")
    parser.add_argument("--concurrency", type=int, default=2, help="the worker's processes (production: 2)")
    options = parser.parse_args()
    fresh_database(options.database)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            broker = Broker(Path(tmp))
            broker.start()
            try:
                os.environ.update(
                    DJANGO_SETTINGS_MODULE="webhook_settings",
                    PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "bench")]),
                    DATABASE_URL=f"{POSTGRES}/{options.database}",
                    CELERY_BROKER_URL=broker.url,
                )
                sys.path.insert(0, str(ROOT / "bench"))
                manage = [sys.executable, "manage.py", "migrate", "-v", "0"]
                subprocess.run(manage, cwd=ROOT, env=dict(os.environ), check=True)
                found = measure(options, Path(tmp))
            finally:
                broker.stop()
    finally:
        drop_database(options.database)
    latencies, lower = found["latencies"], "≥ " if found["missing"] else ""  # what did not arrive was waited for
    print(
        f"{options.dead} dead and {options.live} live receivers, {options.revisions} revisions one every "
        f"{options.interval:g} s, worker concurrency {options.concurrency}; run of {found['seconds']:.0f} s"
    )
    columns = ["live deliveries arrived", "p50", "p95", "longest", "tries to the dead", "most messages queued"]
    print("| " + " | ".join(columns) + " |")
    print("|" + "---|" * len(columns))
    arrived = found["expected"] - found["missing"]
    print(
        f"| {arrived} of {found['expected']} | {lower}{percentile(latencies, 0.5):.1f} s | "
        f"{lower}{percentile(latencies, 0.95):.1f} s | {lower}{max(latencies):.1f} s | {found['dead_tries']} | "
        f"{found['most_queued']} |"
    )


if __name__ == "__main__":
    main()

"""Fan-out of at-once alerts at scale: 100,000 confirmed follows, one publish that 10,000 of them follow
(`--followers`, `--matching`). Measures the run of `tracker.following.fanout.send_new_alerts` after the
publish: wall time, peak Python memory (tracemalloc, a second run), SQL queries, SMTP connections and the
e-mails a real SMTP server process (aiosmtpd, tests/tracker/following/smtp_server.py) received.

    DATABASE_URL=postgres://... .venv/bin/python bench/alerts.py

Everything it writes is rolled back at the end; the database needs only `migrate`. Prints a Markdown row.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from tests import scenario  # noqa: E402
from tests.search.conftest import free_port, wait_for  # noqa: E402
from tracker.following import fanout  # noqa: E402
from tracker.models import Commitment, Follow, Follower, PublicRevision, SendCursor  # noqa: E402

SERVER = ROOT / "tests" / "tracker" / "following" / "smtp_server.py"


def smtp_server(directory):
    port = free_port()
    process = subprocess.Popen([sys.executable, str(SERVER), str(port), str(directory)])  # noqa: S603
    wait_for(lambda: (directory / "ready").exists(), timeout=15, what="the SMTP server")
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    return process


def world(followers, matching):
    """A published commitment, `followers` confirmed addresses, `matching` of them following it."""
    promise = scenario.published_commitment(title="Clean water for Quetta", summary="Add the promise")
    now = timezone.now()
    Follower.objects.bulk_create([Follower(email=f"reader{n}@example.org") for n in range(followers)], batch_size=5000)
    ids = list(Follower.objects.order_by("pk").values_list("pk", flat=True)[:followers])
    Follow.objects.bulk_create(
        [
            Follow(
                follower_id=pk,
                kind="commitments",
                object_id=promise.pk if n < matching else 10**12 + n,
                confirmed_at=now,
            )
            for n, pk in enumerate(ids)
        ],
        batch_size=5000,
    )
    return promise


def publish_a_change(promise):
    promise = Commitment.objects.get(pk=promise.pk)
    source = {"url": "https://example.org/stalled", "title": "Stalls", "quote": "No funds have been released."}
    before = PublicRevision.objects.order_by("-sequence").values_list("sequence", flat=True).first()
    scenario.record_status_change(promise, "stalled", on=scenario.D(2024, 3, 15), summary="Stalled", **source)
    SendCursor.objects.update_or_create(name="alerts", defaults={"sequence": before})


def run(promise, measure_memory):
    with transaction.atomic():
        publish_a_change(promise)
        if measure_memory:
            tracemalloc.start()
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            sent = fanout.send_new_alerts()
            seconds = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1] if measure_memory else None
        if measure_memory:
            tracemalloc.stop()
        transaction.set_rollback(True)
    return sent, seconds, len(queries), peak


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--followers", type=int, default=100_000)
    parser.add_argument("--matching", type=int, default=10_000)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        server = smtp_server(directory)
        try:
            with transaction.atomic():
                setup = time.perf_counter()
                promise = world(options.followers, options.matching)
                setup = time.perf_counter() - setup
                sent, seconds, queries, _ = run(promise, measure_memory=False)
                received = len(list(directory.glob("*.eml")))
                sessions = len((directory / "sessions.log").read_text().splitlines())
                _sent, _seconds, _queries, peak = run(promise, measure_memory=True)
                transaction.set_rollback(True)
        finally:
            server.terminate()
            server.wait()
    print(f"database: {connection.vendor}; world made in {setup:.0f} s")
    columns = ["follows", "matching", "e-mails sent", "received by the SMTP server", "SMTP connections"]
    columns += ["time", "e-mails/s", "peak Python memory", "SQL queries"]
    print("| " + " | ".join(columns) + " |")
    print("|---|---|---|---|---|---|---|---|---|")
    print(
        f"| {options.followers:,} | {options.matching:,} | {sent:,} | {received:,} | {sessions} | {seconds:.1f} s | "
        f"{sent / seconds:.0f} | {peak / 2**20:.1f} MiB | {queries} |"
    )


if __name__ == "__main__":
    main()

"""Fixtures of the following tests: a real SMTP server process (aiosmtpd) that keeps what it receives,
a real HTTP receiver of webhooks in a thread, receivers that never answer, and a small world to follow."""

import contextlib
import email
import email.policy
import hashlib
import hmac
import json
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.db import transaction

from tests import scenario
from tests.search.conftest import broker, dispatch_to, free_port, wait_for  # noqa: F401  (broker fixtures)

SERVER = Path(__file__).with_name("smtp_server.py")


class Mailbox:
    """The SMTP server process and what it received."""

    def __init__(self, directory):
        self.directory = directory
        self.port = free_port()
        self.process = subprocess.Popen(  # noqa: S603
            [sys.executable, str(SERVER), str(self.port), str(directory)],
            stdout=subprocess.DEVNULL,
            stderr=(directory / "server.log").open("w"),
        )
        wait_for(lambda: (directory / "ready").exists(), timeout=15, what="the SMTP server to start")

    def messages(self):
        return [
            email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            for path in sorted(self.directory.glob("*.eml"))
        ]

    def to(self, address):
        return [m for m in self.messages() if m["To"] == address]

    def sessions(self):
        log = self.directory / "sessions.log"
        return len(log.read_text().splitlines()) if log.exists() else 0

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def mailbox(tmp_path, settings):
    """Mail goes over SMTP to a real server process, which keeps it for the test to read."""
    directory = tmp_path / "mail"
    directory.mkdir()
    box = Mailbox(directory)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", box.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.ALERTS_FROM_EMAIL = "Tracker alerts <alerts@tracker.example>"
    settings.SITE_URL = "https://tracker.example"
    yield box
    box.stop()


def text_of(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def html_of(message):
    return message.get_body(preferencelist=("html",)).get_content()


def link_in(message, start):
    """The first address in the plain text starting with `start`."""
    for word in text_of(message).split():
        if word.startswith(start):
            return word
    raise AssertionError(f"No link starting with {start} in:\n{text_of(message)}")


class Receiver:
    """A webhook receiver: answers each POST with the next status of `answers` (then 200), keeps what it got."""

    def __init__(self, secret, answers=()):
        self.secret, self.answers, self.received, self.requests = secret, list(answers), [], []
        self.arrived = {}  # delivery id: when it first arrived (Unix time)
        self.location = "/elsewhere"  # where a 3xx answer points
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                body = self.rfile.read(int(self.headers["Content-Length"]))
                status = receiver.answers.pop(0) if receiver.answers else 200
                receiver.received.append((dict(self.headers), body, status))
                receiver.arrived.setdefault(self.headers["X-Tracker-Delivery"], time.time())
                self.send_response(status)
                if 300 <= status < 400:
                    self.send_header("Location", receiver.location)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def do_GET(self):  # noqa: N802 - kept, so that a redirect followed as a GET would show
                receiver.requests.append(("GET", self.path, dict(self.headers)))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def signature_valid(self, headers, body):
        expected = hmac.new(
            self.secret.encode(), headers["X-Tracker-Timestamp"].encode() + b"." + body, hashlib.sha256
        ).hexdigest()
        return hmac.compare_digest(headers["X-Tracker-Signature"], "sha256=" + expected)

    def payloads(self):
        return [json.loads(body) for _headers, body, _status in self.received]

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


class DeadReceiver:
    """A receiver that never answers. `silent`: connections are accepted and nothing is ever read or
    answered, so a POST waits its whole timeout for the answer. `blackhole`: the listening socket's backlog
    is full and nothing is accepted, so connecting waits its whole timeout, as to a host that drops packets."""

    def __init__(self, kind="silent"):
        self.kind, self.held = kind, []
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        if kind == "blackhole":
            self.socket.listen(0)
            self.held.append(socket.create_connection(self.socket.getsockname()))  # the backlog's one place
        else:
            self.socket.listen(64)
            threading.Thread(target=self._hold, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}/hook"

    def _hold(self):
        while True:
            try:
                self.held.append(self.socket.accept()[0])
            except OSError:  # stopped
                return

    def stop(self):
        with contextlib.suppress(OSError):
            self.socket.shutdown(socket.SHUT_RDWR)  # wakes the thread waiting in accept()
        self.socket.close()
        for held in self.held:
            held.close()


@pytest.fixture
def receiver(settings):
    """A receiver on this machine: deliveries over http:// and to a private address are allowed for it."""
    settings.WEBHOOK_ALLOW_HTTP = settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = True
    box = Receiver("s3cret-shared-with-the-newsroom", answers=[500])
    yield box
    box.stop()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed():` runs what the block asked to run after its commit, as a commit would, and
    forgets it: a callback left waiting would stand in for every later one (on_commit_once)."""

    @contextlib.contextmanager
    def run():
        connection = transaction.get_connection()
        start = len(connection.run_on_commit)
        with django_capture_on_commit_callbacks(execute=True):
            yield
        del connection.run_on_commit[start:]

    return run


@pytest.fixture
def promise(db, committed):
    """A published commitment (revision 1) owned by one office."""
    with committed():
        return scenario.published_commitment(title="Clean water for Quetta", summary="Add the promise")


@pytest.fixture(autouse=True)
def fresh_limits():
    """Each test counts requests to follow from zero (the limits live in the shared cache)."""
    from django.core.cache import cache

    cache.clear()

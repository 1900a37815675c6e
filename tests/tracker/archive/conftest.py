"""A real HTTP server on 127.0.0.1, in a thread, serving the pages the archive's tests cite: a page, a PDF, a
page that never ends, one that says it is 5 GB, one that dribbles a byte at a time (slow-loris), a redirect
loop, redirects to addresses the archiver must refuse, a 404, a 500 and an image."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

PAGE = (
    b"<!doctype html><html><head><title>Clean water for Satellite Town</title></head><body>"
    b"<h1>Clean water for Satellite Town</h1><p>Every family will have clean water this summer.</p>"
    b"<script>document.title = 'scripts ran'</script></body></html>"
)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def _answer(self, status, body=b"", content_type="text/html; charset=utf-8", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802 (http.server's name)
        self.server.requests.append(self.path)
        port = self.server.server_address[1]
        path = self.path.split("?")[0]
        try:
            if path in self.server.gone:
                self._answer(404, b"<p>Gone</p>")
            elif path == "/page" or path.startswith("/pages/"):
                self._answer(200, PAGE)
            elif path == "/changing":
                self.server.changes += 1
                self._answer(200, PAGE + f"<!-- version {self.server.changes} -->".encode())
            elif path == "/report.pdf":
                self._answer(200, PDF, "application/pdf")
            elif path == "/notice.txt":
                self._answer(200, b"Notification No. 7 <b>not bold</b>", "text/plain; charset=utf-8")
            elif path == "/moved":
                self._answer(302, headers=[("Location", "/page")])
            elif path == "/loop":
                self._answer(302, headers=[("Location", f"/loop?{time.monotonic_ns()}")])
            elif path == "/to-metadata":
                self._answer(302, headers=[("Location", "http://169.254.169.254/latest/meta-data/")])
            elif path == "/to-loopback":
                self._answer(302, headers=[("Location", f"http://127.0.0.2:{port}/page")])
            elif path == "/missing":
                self._answer(404, b"<p>Not here</p>")
            elif path == "/broken":
                self._answer(500, b"<p>Server error</p>")
            elif path == "/photo.png":
                self._answer(200, b"\x89PNG\r\n\x1a\n" + b"0" * 100, "image/png")
            elif path == "/endless":
                self._endless(declared=None)
            elif path == "/five-gigabytes":
                self._endless(declared=5 * 1024**3)
            elif path == "/slow":
                self._dribble()
            elif path == "/slow-headers":
                self._dribble_headers()
            else:
                self._answer(404)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _endless(self, declared):
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        if declared:
            self.send_header("Content-Length", str(declared))
        else:
            self.send_header("Connection", "close")
        self.end_headers()
        chunk = b"<p>" + b"x" * 65536 + b"</p>"
        while not self.server.stopping.is_set():
            self.wfile.write(chunk)

    def _dribble(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "1000000")
        self.end_headers()
        while not self.server.stopping.is_set():
            self.wfile.write(b"x")
            self.wfile.flush()
            time.sleep(0.05)

    def _dribble_headers(self):
        for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"y" * 10000:
            if self.server.stopping.is_set():
                return
            self.wfile.write(bytes([byte]))
            self.wfile.flush()
            time.sleep(0.05)

    def log_message(self, *args):
        pass


class Server:
    def __init__(self):
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.requests = []
        self.server.gone = set()  # paths that answer 404 from now on
        self.server.changes = 0
        self.server.stopping = threading.Event()
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path):
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    @property
    def requests(self):
        return self.server.requests

    def stop(self):
        self.server.stopping.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def server():
    running = Server()
    yield running
    running.stop()


@pytest.fixture
def archiving(settings):
    """Archiving switched on, the local server's one address allowed, and short limits."""
    settings.ARCHIVE_SOURCES = True
    settings.ARCHIVE_ALLOW_PRIVATE_ADDRESSES = ["127.0.0.1/32"]
    settings.ARCHIVE_TOTAL_SECONDS = 2
    settings.ARCHIVE_READ_TIMEOUT = 1
    settings.ARCHIVE_CONNECT_TIMEOUT = 1
    settings.ARCHIVE_MAX_BYTES = 1024 * 1024
    settings.ARCHIVE_MAX_REDIRECTS = 5
    # A storage of this test's own: Django makes the default storage again when STORAGES changes.
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}
    return settings

"""What the caching proxy is told, for the tests of tracker/public/frontend_cache.py and purges.py:

- `RecordingBackend`, a frontend-cache backend that records what would be purged and banned instead of
  telling a proxy (tests/deploy/test_purges.py; the real proxy is in test_production_smoke.py);
- `RecordingProxy`, a real HTTP server standing for the proxy, which records every PURGE and BAN it is sent
  and can be stopped and started again at the same address, as a proxy that restarts."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from tests.processes import free_port
from tracker.public.frontend_cache import VarnishBackend

PURGED: list[str] = []
BANNED: list[str] = []


class RecordingBackend(VarnishBackend):
    def send_purge(self, url):
        PURGED.append(urlsplit(url).path)

    def ban(self, pattern):
        BANNED.append(pattern)


def clear():
    PURGED.clear()
    BANNED.clear()


class RecordingProxy:
    """Answers PURGE and BAN with 200, as Varnish does, and keeps them: `purged` paths, `banned` patterns."""

    def __init__(self):
        self.port, self.purged, self.banned, self.server = free_port(), [], [], None
        self.start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def backend_settings(self):
        return {"proxy": {"BACKEND": "tracker.public.frontend_cache.VarnishBackend", "LOCATION": self.url}}

    def start(self):
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def do_PURGE(self):  # noqa: N802
                proxy.purged.append(self.path)
                self.answer()

            def do_BAN(self):  # noqa: N802
                proxy.banned.append(self.headers["X-Ban-Path"])
                self.answer()

            def answer(self):
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None

"""One GET of a cited page, made so that a citation can never turn the site on its own network or hold a
worker for long.

- Only http:// and https:// addresses, with no user name or password in them.
- Every hop is resolved and every address it resolves to must be public (tracker/models/webhook_addresses.py
  says which are not: loopback, private, shared, link-local such as a cloud's metadata service, multicast,
  reserved); the connection is then made to the very address that was checked, so a name that resolves
  elsewhere the second time leads nowhere inside. `ARCHIVE_ALLOW_PRIVATE_ADDRESSES` allows them (True) or
  some networks of them (a list, e.g. ["127.0.0.1/32"]): only the tests' local servers.
- Redirects are followed by hand, each new address checked as the first was, at most `ARCHIVE_MAX_REDIRECTS`.
- Connect and read timeouts bound every wait, and a deadline (`ARCHIVE_TOTAL_SECONDS`) bounds the whole
  fetch: a watchdog shuts the socket at the deadline, so a server that dribbles a byte a second (slow-loris),
  in its headers or its body, is cut off too.
- The body is streamed and given up past `ARCHIVE_MAX_BYTES` (or at once when Content-Length says so).
- Only web pages (HTML, XHTML), PDFs and plain text are kept: the kinds of document a source is, and ones the
  archive view can show without running anything (tracker/public/views/archives.py). Images, video, archives
  and office files are refused with a reason, not kept.

Every failure is a `FetchFailed` whose message a moderator can read and act on.
"""

import contextlib
import ipaddress
import socket
import threading
import time
import urllib.parse
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.exceptions import HTTPError

from tracker.models.webhook_addresses import Unresolved, is_public, resolve

KEPT_TYPES = ("text/html", "application/xhtml+xml", "application/pdf", "text/plain")
USER_AGENT = "AccountabilityTracker-Archiver/1.0 (keeps a copy of pages cited as evidence)"


class FetchFailed(Exception):
    """The page could not be archived; str() is the reason, in words. `status` is the HTTP status when the
    server answered."""

    def __init__(self, reason, status=None):
        super().__init__(reason)
        self.status = status


@dataclass
class Fetched:
    url: str  # the address that answered, after any redirects
    status: int
    reason: str
    headers: list = field(default_factory=list)  # [(name, value)] as the server sent them
    body: bytes = b""
    content_type: str = ""
    fetched_at: object = None
    protocol: str = "HTTP/1.1"


def _hop(url):
    """(scheme, host, port, path) of an address that may be fetched; FetchFailed otherwise."""
    try:
        parts = urllib.parse.urlsplit(url.strip())
        port = parts.port
    except ValueError:
        raise FetchFailed("The address is not a valid web address.") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchFailed(f"Only http:// and https:// addresses are archived, not {scheme or 'this'}:.")
    if parts.username is not None or parts.password is not None:
        raise FetchFailed("The address holds a user name or password; such pages are not archived.")
    if not parts.hostname:
        raise FetchFailed("The address has no host name.")
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return scheme, parts.hostname, port or (443 if scheme == "https" else 80), path


def _permitted(address):
    """Public, or allowed by ARCHIVE_ALLOW_PRIVATE_ADDRESSES: True (any) or a list of networks ("127.0.0.1/32")."""
    allowed = settings.ARCHIVE_ALLOW_PRIVATE_ADDRESSES
    if is_public(address) or allowed is True:
        return True
    return any(address in ipaddress.ip_network(network) for network in allowed or ())


def _checked_addresses(host, port):
    try:
        addresses = resolve(host, port)
    except Unresolved:
        raise FetchFailed(f"The name {host} does not resolve to any address.") from None
    if not all(_permitted(address) for address in addresses):
        raise FetchFailed(f"{host} is not a public address: the archiver does not fetch from private networks.")
    return addresses


class _Deadline:
    def __init__(self, seconds):
        self.seconds = seconds
        self.ends = time.monotonic() + seconds

    def left(self):
        left = self.ends - time.monotonic()
        if left <= 0:
            raise self.passed()
        return left

    def passed(self):
        return FetchFailed(f"The server took longer than {self.seconds:g} seconds to send the page.")


def _connect(scheme, host, port, addresses, deadline):
    error = None
    for address in addresses:
        timeout = min(settings.ARCHIVE_CONNECT_TIMEOUT, deadline.left())
        if scheme == "https":
            # Connect to the checked address; TLS still verifies the certificate of the name.
            connection = HTTPSConnection(str(address), port, timeout=timeout, server_hostname=host)
        else:
            connection = HTTPConnection(str(address), port, timeout=timeout)
        try:
            connection.connect()
            return connection
        except (OSError, HTTPError) as failed:
            connection.close()
            error = failed
    raise FetchFailed(f"Could not connect to {host}.") from error


def _watch(connection, deadline):
    """Shut the connection's socket when the deadline passes, whatever it is waiting for."""
    sock = connection.sock

    def cut():
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)

    watchdog = threading.Timer(max(deadline.ends - time.monotonic(), 0), cut)
    watchdog.daemon = True
    watchdog.start()
    return watchdog


def _media_type(headers):
    return (headers.get("Content-Type") or "").split(";")[0].strip().lower()


def _read_body(response, deadline, limit):
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise FetchFailed(f"The page is larger than the archive's limit of {limit:,} bytes.")
    chunks, size = [], 0
    while True:
        deadline.left()
        chunk = response.read1(64 * 1024, decode_content=False)
        if not chunk:
            break
        size += len(chunk)
        if size > limit:
            raise FetchFailed(f"The page is larger than the archive's limit of {limit:,} bytes.")
        chunks.append(chunk)
    deadline.left()  # a socket cut by the watchdog reads as the end of the body
    return b"".join(chunks)


def _get(url, deadline):
    """One request; the Fetched answer (any status) or the next address to go to (a redirect)."""
    scheme, host, port, path = _hop(url)
    addresses = _checked_addresses(host, port)
    connection = _connect(scheme, host, port, addresses, deadline)
    watchdog = _watch(connection, deadline)
    try:
        default_port = 443 if scheme == "https" else 80
        name = f"[{host}]" if ":" in host else host  # an IPv6 address is bracketed in a Host header
        headers = {
            "Host": name if port == default_port else f"{name}:{port}",
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,application/pdf,text/plain;q=0.9,*/*;q=0.1",
            "Accept-Encoding": "identity",
        }
        connection.request("GET", path, headers=headers, preload_content=False, decode_content=False)
        connection.timeout = min(settings.ARCHIVE_READ_TIMEOUT, deadline.left())
        response = connection.getresponse()
        deadline.left()  # headers cut short by the watchdog read as complete ones
        if response.status in (301, 302, 303, 307, 308) and response.headers.get("Location"):
            return urllib.parse.urljoin(url, response.headers["Location"])
        if response.status >= 400:
            raise FetchFailed(f"The server answered HTTP {response.status} {response.reason}.", response.status)
        media_type = _media_type(response.headers)
        if media_type not in KEPT_TYPES:
            raise FetchFailed(
                f"The page is {media_type or 'of no stated type'}; only web pages, PDFs and plain text are kept.",
                response.status,
            )
        body = _read_body(response, deadline, settings.ARCHIVE_MAX_BYTES)
        return Fetched(
            url=url,
            status=response.status,
            reason=response.reason or "",
            headers=list(response.headers.items()),
            body=body,
            content_type=response.headers.get("Content-Type", ""),
            fetched_at=timezone.now(),
            protocol="HTTP/1.0" if response.version == 10 else "HTTP/1.1",
        )
    except (OSError, HTTPError) as error:
        if time.monotonic() >= deadline.ends:
            raise deadline.passed() from error
        if isinstance(error, TimeoutError | socket.timeout) or "timed out" in str(error):
            raise FetchFailed(f"{host} stopped answering (no data for {settings.ARCHIVE_READ_TIMEOUT:g} s).") from error
        raise FetchFailed(f"The connection to {host} failed before the page was read.") from error
    finally:
        watchdog.cancel()
        connection.close()


def fetch(url):
    """The page at `url` (following redirects safely), or FetchFailed with the reason."""
    deadline = _Deadline(settings.ARCHIVE_TOTAL_SECONDS)
    for _hop_number in range(settings.ARCHIVE_MAX_REDIRECTS + 1):
        answer = _get(url, deadline)
        if isinstance(answer, Fetched):
            return answer
        url = answer
    raise FetchFailed(f"The page redirects more than {settings.ARCHIVE_MAX_REDIRECTS} times (a redirect loop?).")

"""The archived copy as a WARC file (ISO 28500, written and read with warcio): one `response` record holding
the HTTP status, headers and body as the server sent them, and a `request` record of what was asked. The
payload's SHA-256 is written into the record (`WARC-Payload-Digest: sha256:<base32>`, as WARC 1.1 allows)
and kept beside it, so anyone can check a copy with any WARC tool.

    data, sha256 = warc_of(fetched)
    page = read_page(data, sha256)     # Page(url, fetched_at, status, content_type, body); Damaged if not
"""

import base64
import gzip
import hashlib
import io
import zlib
from dataclasses import dataclass

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

# Hop-by-hop framing the stored body no longer has (it is kept de-chunked).
_FRAMING = {"transfer-encoding", "connection", "keep-alive"}


class Damaged(Exception):
    """The stored file is not a readable archived copy; str() says why, in words."""


@dataclass(frozen=True)
class Page:
    url: str
    status: int
    content_type: str
    body: bytes


def sha256_of(body):
    return hashlib.sha256(body).hexdigest()


def warc_of(fetched):
    """(the WARC file's bytes, the payload's SHA-256 in hex) of a Fetched page."""
    digest = hashlib.sha256(fetched.body)
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    headers = [(name, value) for name, value in fetched.headers if name.lower() not in _FRAMING]
    http_headers = StatusAndHeaders(f"{fetched.status} {fetched.reason}".strip(), headers, protocol=fetched.protocol)
    date = fetched.fetched_at.strftime("%Y-%m-%dT%H:%M:%SZ")
    response = writer.create_warc_record(
        fetched.url,
        "response",
        payload=io.BytesIO(fetched.body),
        length=len(fetched.body),
        http_headers=http_headers,
        warc_headers_dict={
            "WARC-Date": date,
            "WARC-Payload-Digest": "sha256:" + base64.b32encode(digest.digest()).decode(),
        },
    )
    writer.write_record(response)
    return buffer.getvalue(), digest.hexdigest()


def read_page(data, expected_sha256):
    """The archived response in a WARC file's bytes, its payload checked against `expected_sha256`."""
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if record.rec_type != "response":
                continue
            status = int(record.http_headers.get_statuscode())
            content_type = record.http_headers.get_header("Content-Type") or ""
            body = record.raw_stream.read()
            encoding = (record.http_headers.get_header("Content-Encoding") or "").lower()
            url = record.rec_headers.get_header("WARC-Target-URI")
            break
        else:
            raise Damaged("The stored file holds no archived page.")
    except (ArchiveLoadFailed, ValueError, OSError, EOFError) as error:
        raise Damaged(f"The stored file is not a readable WARC file ({type(error).__name__}).") from None
    if expected_sha256 and sha256_of(body) != expected_sha256:
        raise Damaged("The stored file does not hold the page that was archived: its SHA-256 differs.")
    return Page(url, status, content_type, _decoded(body, encoding))


def _decoded(body, encoding):
    """The body as a reader sees it: the payload is kept as sent (its hash is of those bytes), and a server
    may compress it though the archiver asked it not to."""
    try:
        if encoding in ("gzip", "x-gzip"):
            return gzip.decompress(body)
        if encoding == "deflate":
            return zlib.decompress(body)
    except (OSError, EOFError, zlib.error):
        raise Damaged("The archived page is compressed and its compression is broken.") from None
    return body

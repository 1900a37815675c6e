"""The HTTP node the Elasticsearch client uses: plain JSON on the wire.

elasticsearch-py 8 sends `application/vnd.elasticsearch+json; compatible-with=8` (and the x-ndjson
variant for bulk requests). Elasticsearch 8 accepts plain `application/json` just as well, while
OpenSearch-compatible servers (such as osmem-server, which the tests run against) refuse the
vendor type with 406. This node rewrites those two headers and changes nothing else.
"""

from elastic_transport import HttpHeaders, Urllib3HttpNode

PLAIN = {"json": "application/json", "x-ndjson": "application/x-ndjson"}


def plain_mimetype(value):
    """`application/vnd.elasticsearch+json; compatible-with=8` -> `application/json`."""
    if not value or "vnd.elasticsearch+" not in value:
        return value
    subtype = value.split("vnd.elasticsearch+", 1)[1].split(";", 1)[0].strip()
    return PLAIN.get(subtype, value)


def _plain(headers):
    headers = HttpHeaders(headers)
    for name in ("content-type", "accept"):
        if name in headers:
            headers[name] = plain_mimetype(headers[name])
    return headers


class PlainJsonNode(Urllib3HttpNode):
    def __init__(self, config):
        super().__init__(config)
        self._headers = _plain(self._headers)

    def perform_request(self, method, target, body=None, headers=None, **kwargs):
        return super().perform_request(method, target, body=body, headers=_plain(headers or {}), **kwargs)

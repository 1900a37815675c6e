"""One webhook POST, made so that it cannot be turned on the site's own network: the URL is checked, its host
resolved and every address checked (tracker/models/webhook_addresses.py), and the connection made to an
address that was checked (TLS still verifies the certificate of the name). A redirect is an answer like any
other non-2xx, never followed, so the signed body is never sent, nor the signature carried, anywhere else.

What is kept of a failure says no more than an administrator needs: "Could not connect." for every failure
to resolve, connect, speak TLS or read an answer, whatever the socket said, so the delivery log cannot be
read as a scan of hosts and ports."""

import http.client
import socket
import ssl

from tracker.models.webhook_addresses import Refused, Unresolved, check, resolve, target

COULD_NOT_CONNECT = "Could not connect."


def _connect(found, addresses, timeout):
    error = None
    for address in addresses:
        try:
            sock = socket.create_connection((str(address), found.port), timeout=timeout)
            break
        except OSError as failed:
            error = failed
    else:
        raise error or OSError("no address")
    if found.scheme == "https":
        context = ssl.create_default_context()
        try:
            sock = context.wrap_socket(sock, server_hostname=found.host)
        except BaseException:
            sock.close()
            raise
        connection = http.client.HTTPSConnection(found.host, found.port, timeout=timeout, context=context)
    else:
        connection = http.client.HTTPConnection(found.host, found.port, timeout=timeout)
    connection.sock = sock  # already connected to the checked address: http.client does not connect again
    return connection


def post(url, body, headers, timeout):
    """(HTTP status, error text) of one POST; the status is None when there was no answer."""
    try:
        found = target(url)
        addresses = resolve(found.host, found.port)
        check(addresses)
    except Unresolved:
        return None, COULD_NOT_CONNECT
    except Refused as refused:
        return None, f"Not sent: {refused}"[:500]
    try:
        connection = _connect(found, addresses, timeout)
        try:
            connection.request("POST", found.path, body=body, headers=headers)
            status = connection.getresponse().status
        finally:
            connection.close()
    except (OSError, http.client.HTTPException, ValueError):
        return None, COULD_NOT_CONNECT
    if 200 <= status < 300:
        return status, ""
    if 300 <= status < 400:
        return status, f"HTTP {status}: redirects are not followed; give the address that answers."
    return status, f"HTTP {status}"

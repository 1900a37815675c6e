"""Where a webhook may deliver: an https:// URL (http:// only with DEBUG or the WEBHOOK_ALLOW_HTTP setting)
whose host is, and resolves only to, public addresses. Loopback, private, shared (100.64/10), link-local
(169.254.169.254, a cloud's metadata service), multicast, reserved and unspecified addresses are refused,
IPv4 written inside IPv6 (::ffff:127.0.0.1, 6to4, NAT64) as that IPv4 address, unless the
WEBHOOK_ALLOW_PRIVATE_ADDRESSES setting allows them (the tests' receivers on this machine; never production).

`Webhook.clean()` checks a URL when an administrator registers it (a name that does not resolve yet is
accepted); tracker/following/webhook_http.py checks again at each delivery after resolving the name, and then
connects to the very addresses it checked, so a name that resolves elsewhere the second time leads nowhere
inside."""

import ipaddress
import socket
import urllib.parse
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

NAT64 = ipaddress.ip_network("64:ff9b::/96")


class Refused(ValueError):
    """The URL may not be delivered to; the message says why, in words an administrator can act on."""


class Unresolved(OSError):
    """The host name does not resolve (now)."""


@dataclass(frozen=True)
class Target:
    scheme: str
    host: str
    port: int
    path: str


def allows_http():
    return bool(settings.DEBUG or settings.WEBHOOK_ALLOW_HTTP)


def allows_private():
    return bool(settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES)


def is_public(address):
    """Is this address one of the public internet's?"""
    if address.version == 6:
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is None and address in NAT64:
            embedded = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if embedded is not None:
            return is_public(embedded)
        if address.is_site_local:
            return False
    refused = (
        address.is_private,
        address.is_loopback,
        address.is_link_local,
        address.is_multicast,
        address.is_reserved,
        address.is_unspecified,
    )
    return address.is_global and not any(refused)


def target(url):
    """The scheme, host, port and path of a webhook URL; Refused when it is not one to deliver to."""
    parts = urllib.parse.urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme != "https" and not (scheme == "http" and allows_http()):
        raise Refused(_("Give an https:// address."))
    if parts.username is not None or parts.password is not None:
        raise Refused(_("Leave the user name and password out of the address: the secret signs each delivery."))
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError:
        raise Refused(_("The port of this address is not a number from 1 to 65535.")) from None
    if not parts.hostname:
        raise Refused(_("The address has no host name."))
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return Target(scheme, parts.hostname, port, path)


def resolve(host, port):
    """Every address the host name resolves to (an address given as the host is itself); Unresolved if none."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError, ValueError):
        raise Unresolved(host) from None
    addresses = []
    for _family, _type, _proto, _name, sockaddr in found:
        address = ipaddress.ip_address(sockaddr[0].split("%")[0])
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise Unresolved(host)
    return addresses


def check(addresses):
    """Refused unless every address is public (or the setting allows private ones)."""
    if not allows_private() and not all(is_public(address) for address in addresses):
        raise Refused(
            _("This is not a public address: a webhook may not reach the site's own network. Give a public one.")
        )


def problem(url):
    """What is wrong with a URL an administrator registers, or "". A name that does not resolve now is
    accepted: every delivery resolves and checks it again."""
    try:
        found = target(url)
        try:
            check(resolve(found.host, found.port))
        except Unresolved:
            return ""
    except Refused as refused:
        return str(refused)
    return ""

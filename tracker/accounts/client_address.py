"""The address a request came from, for the sign-in limit (django-axes), the tips limit, the follow limit
and the API's rate.

The direct peer (REMOTE_ADDR) is the client, unless it is one of the trusted proxies of the
`TRUSTED_PROXIES` setting: then the client is the rightmost address of X-Forwarded-For that is not
itself a trusted proxy. Everything left of it was written by the client and is ignored, so a made-up
X-Forwarded-For cannot dodge a limit nor put someone else's address on it; and behind the proxy every
visitor is counted apart rather than all as the proxy.

The limits count `client_network()`: an IPv4 address whole, but an IPv6 client by its /64, the network
every subscriber line is given (and a host picks new addresses in at will); an IPv4 address seen through
IPv6 (::ffff:a.b.c.d) as that IPv4 address.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def _networks(proxies):
    return tuple(ipaddress.ip_network(proxy.strip(), strict=False) for proxy in proxies if proxy.strip())


def _address(value):
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


def _trusted(address, networks):
    if address.version == 6 and address.ipv4_mapped:
        address = address.ipv4_mapped
    return any(address in network for network in networks)


def client_address(request):
    """The client's address as a string ("" when the peer's address is unknown)."""
    peer = request.META.get("REMOTE_ADDR", "")
    networks = _networks(tuple(settings.TRUSTED_PROXIES))
    address = _address(peer)
    if address is None or not networks or not _trusted(address, networks):
        return peer
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    for hop in reversed(hops):
        forwarded = _address(hop)
        if forwarded is None:
            break  # not written by a proxy we trust: stop at the last address we do
        address = forwarded
        if not _trusted(address, networks):
            break
    return str(address)


def client_network(request):
    """The client as the limits count it: an IPv4 address, or the first address of an IPv6 client's /64
    (a valid address, as django-axes stores it); the peer as given when it is not an address."""
    value = client_address(request)
    address = _address(value)
    if address is None:
        return value
    if address.version == 6:
        if address.ipv4_mapped:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False).network_address)
    return str(address)

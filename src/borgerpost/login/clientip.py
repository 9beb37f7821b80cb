"""The address a request really came from, for the log-in lock-out (django-axes).

Behind the TLS-terminating proxy the README recommends, every request comes from the
proxy's address: five wrong passwords from anyone would lock the mayor out for everyone.
Only a proxy the installation names (BORGERPOST_TRUSTED_PROXIES) is believed about the
client's address, and only through X-Forwarded-For read from the right: each hop a
trusted proxy appended is skipped, and the first address no trusted proxy vouches for is
the client. Anything a client writes into the header itself is to the left of that and
never believed. Written here with the standard library because django-ipware, the usual
choice, matches trusted proxies against the header rather than the connection's own
address, which a client that reaches the server directly could forge.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _networks(trusted: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(value, strict=False) for value in trusted)


def _address(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


def _trusted(address: ipaddress.IPv4Address | ipaddress.IPv6Address | None) -> bool:
    networks = _networks(tuple(settings.TRUSTED_PROXIES))
    return address is not None and any(address in network for network in networks)


def client_ip(request: HttpRequest) -> str:
    remote = request.META.get("REMOTE_ADDR", "") or ""
    if not _trusted(_address(remote)):
        return remote
    hops = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    for hop in reversed(hops):
        address = _address(hop)
        if address is None:
            return remote  # a header the proxy would not write: believe only the proxy
        if not _trusted(address):
            return str(address)
    return remote

"""The client's address behind trusted reverse proxies (plain Python, no Django).

A proxy passes the address it received a request from in a header such as
``X-Forwarded-For``, appending it to what the request already carried: the list reads from the
client (left) to the last proxy (right), and everything left of what a trusted proxy wrote may
have been typed by the client. So the list is believed only when the connection itself comes
from a trusted proxy, and it is read from the right, past the addresses of trusted proxies:
the first address that is not one is the client's. If every address is a trusted proxy's, the
leftmost one is the client's (a machine inside the proxies' network). An entry that is not an
address (garbage written by the client, or ``unknown``) ends the walk at the last trusted hop
before it: a name the client chose is never used.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(text: str) -> tuple[Network, ...]:
    """The addresses and networks listed in ``text`` (separated by commas or spaces), each
    address as a network of one; raises ValueError naming the first item that is neither an
    IPv4 or IPv6 address nor a network written with its network address (``10.0.0.0/8``,
    not ``10.0.0.1/8``)."""
    networks = []
    for item in text.replace(",", " ").split():
        try:
            networks.append(ipaddress.ip_network(item, strict=True))
        except ValueError as error:
            raise ValueError(f"{item!r} is not an IP address or network ({error})") from None
    return tuple(networks)


def parse_address(text: str) -> Address | None:
    """The address in ``text`` (as proxies write it: ``203.0.113.7``, ``2001:db8::1``, with a
    port as ``203.0.113.7:4711`` or ``[2001:db8::1]:4711``), IPv4-mapped IPv6 addresses as
    IPv4; None if it is not one."""
    text = text.strip()
    port = None
    if text.startswith("["):
        text, bracket, rest = text[1:].partition("]")
        if not bracket or (rest and not rest.startswith(":")):
            return None
        port = rest[1:] if rest else None
    elif text.count(":") == 1:
        text, _colon, port = text.partition(":")
    if port is not None and not port.isdigit():
        return None
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _trusted(address: Address, proxies: Iterable[Network]) -> bool:
    return any(address.version == network.version and address in network for network in proxies)


def client_address(remote: str, forwarded: str, proxies: Iterable[Network]) -> str:
    """The client's address, given the connection's (``remote``), the forwarding header's
    value (``forwarded``, comma-separated, empty if absent) and the trusted ``proxies``: see
    the module's docstring. Addresses come back in their canonical text (``2001:db8::1``), so
    that one client is one address however it is written; ``remote`` comes back as it is
    when it is not an address (a Unix socket's empty name)."""
    proxies = tuple(proxies)
    peer = parse_address(remote)
    if peer is None:
        return remote
    client = peer
    if not _trusted(peer, proxies):
        return str(client)
    for entry in reversed(forwarded.split(",") if forwarded.strip() else []):
        hop = parse_address(entry)
        if hop is None:
            break
        client = hop
        if not _trusted(hop, proxies):
            break
    return str(client)

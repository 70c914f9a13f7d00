"""The client's address behind trusted proxies, and the list of trusted proxies."""

from __future__ import annotations

import pytest

from comitia.web.access.addresses import client_address, parse_address, parse_networks

PROXIES = parse_networks("10.0.0.0/8, 192.0.2.1, 2001:db8:a::/48")

# (connection's address, X-Forwarded-For, client's address)
CASES = [
    # Not from a trusted proxy: the header is the client's own words, ignored.
    ("203.0.113.7", "198.51.100.1", "203.0.113.7"),
    ("203.0.113.7", "", "203.0.113.7"),
    # From a trusted proxy: the address it wrote, the last one.
    ("10.1.2.3", "203.0.113.7", "203.0.113.7"),
    ("10.1.2.3", "1.1.1.1, 203.0.113.7", "203.0.113.7"),
    # Past every trusted proxy, from the right.
    ("10.1.2.3", "1.1.1.1, 203.0.113.7, 192.0.2.1, 10.9.9.9", "203.0.113.7"),
    ("10.1.2.3", "203.0.113.7,10.0.0.5", "203.0.113.7"),
    # Only trusted addresses: a machine in the proxies' network, the leftmost.
    ("10.1.2.3", "10.0.0.8, 192.0.2.1", "10.0.0.8"),
    # No header from a trusted proxy: the proxy is the client.
    ("10.1.2.3", "", "10.1.2.3"),
    # Garbage ends the walk at the last trusted hop: no name the client chose is used.
    ("10.1.2.3", "unknown", "10.1.2.3"),
    ("10.1.2.3", "203.0.113.7, not-an-address, 10.0.0.5", "10.0.0.5"),
    ("10.1.2.3", "evil\x00name", "10.1.2.3"),
    # IPv6, ports and IPv4-mapped connections, in canonical form.
    ("2001:db8:a::1", "2001:DB8:b:0::7", "2001:db8:b::7"),
    ("2001:db8:a::1", "[2001:db8:b::7]:4711", "2001:db8:b::7"),
    ("::ffff:10.1.2.3", "203.0.113.7:4711", "203.0.113.7"),
    ("2001:db8:b::1", "203.0.113.7", "2001:db8:b::1"),
    # A connection that is not from an address (a Unix socket) is left as it is.
    ("", "203.0.113.7", ""),
]


@pytest.mark.parametrize(("remote", "forwarded", "expected"), CASES)
def test_the_client_is_found_past_the_trusted_proxies(
    remote: str, forwarded: str, expected: str
) -> None:
    assert client_address(remote, forwarded, PROXIES) == expected


def test_without_trusted_proxies_the_header_is_never_believed() -> None:
    assert client_address("10.1.2.3", "203.0.113.7", ()) == "10.1.2.3"


def test_proxies_are_listed_by_commas_or_spaces_addresses_as_networks_of_one() -> None:
    assert [str(n) for n in parse_networks(" 10.0.0.0/8,192.0.2.1  ::1 ")] == [
        "10.0.0.0/8",
        "192.0.2.1/32",
        "::1/128",
    ]
    assert parse_networks("") == ()


@pytest.mark.parametrize("bad", ["10.0.0.1/8", "proxy.example.org", "10.0.0.0/33", "300.1.1.1"])
def test_a_bad_proxy_is_refused_by_name(bad: str) -> None:
    with pytest.raises(ValueError, match=f"^{bad!r} is not an IP address or network"):
        parse_networks(f"192.0.2.1, {bad}")


@pytest.mark.parametrize("text", ["", "abc", "1.2.3", "[::1", "[::1]x", "1.2.3.4:http", "1.2.3.4:"])
def test_what_is_not_an_address_reads_as_none(text: str) -> None:
    assert parse_address(text) is None

"""Sign-in throttling: after ``COMITIA_LOGIN_FAILURES`` failed attempts for one user name from
one address within ``COMITIA_LOGIN_WINDOW`` seconds, further attempts are refused until the
window has passed. Counts live in the cache (shared by every worker when the cache is).

The address is the connection's (``REMOTE_ADDR``). Behind a reverse proxy every request comes
from the proxy's address, so ``COMITIA_CLIENT_ADDRESS_HEADER`` (off by default) names the
header in which the trusted proxy passes the client's address, such as ``X-Forwarded-For`` or
``X-Real-IP``; only the last address of it is used, the one the proxy itself wrote (earlier
ones come from the client and can be forged). Set it only behind a proxy that always sets
that header, or anyone could choose their address."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The address failures are counted for (see the module's docstring)."""
    header = getattr(settings, "COMITIA_CLIENT_ADDRESS_HEADER", "")
    if header:
        passed = request.headers.get(header, "").split(",")[-1].strip()
        if passed:
            return passed
    return str(request.META.get("REMOTE_ADDR", ""))


def _key(username: str, address: str) -> str:
    digest = hashlib.sha256(f"{username.strip().lower()}\0{address}".encode()).hexdigest()
    return f"comitia:login-failures:{digest}"


def _limit() -> int:
    return int(getattr(settings, "COMITIA_LOGIN_FAILURES", 5))


def _window() -> int:
    return int(getattr(settings, "COMITIA_LOGIN_WINDOW", 900))


def blocked(username: str, address: str) -> bool:
    return int(cache.get(_key(username, address), 0)) >= _limit()


def failed(username: str, address: str) -> None:
    key = _key(username, address)
    if cache.add(key, 1, _window()):
        return
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, _window())


def succeeded(username: str, address: str) -> None:
    cache.delete(_key(username, address))

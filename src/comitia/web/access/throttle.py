"""Sign-in throttling: after ``COMITIA_LOGIN_FAILURES`` failed attempts for one user name from
one address within ``COMITIA_LOGIN_WINDOW`` seconds, further attempts are refused until the
window has passed. Counts live in the cache (shared by every worker when the cache is)."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache


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

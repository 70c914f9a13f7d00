"""Sign-in throttling: after ``COMITIA_LOGIN_FAILURES`` failed attempts for one user name from
one address within ``COMITIA_LOGIN_WINDOW`` seconds, that user name is locked for that address
for ``COMITIA_LOGIN_WINDOW`` seconds: further attempts are refused, right password or not.

Failures are counted in the cache (shared by every worker when the cache is). A lock is a row
of ``SignInLock``, so that every process refuses the same user names whatever the cache, and
administrators list locks and lift them in the admin (``lift_lock``, audited) without a scan
of the cache's keys, which not every cache backend allows. A lock starts a new count: after
it ends or is lifted the user has ``COMITIA_LOGIN_FAILURES`` attempts again.

The address is the connection's (``REMOTE_ADDR``). Behind a reverse proxy every request comes
from the proxy's address, so ``COMITIA_CLIENT_ADDRESS_HEADER`` names the header in which the
proxy passes the client's address (such as ``X-Forwarded-For``); it is believed only on a
connection from one of ``COMITIA_TRUSTED_PROXIES``, and read from the right past the trusted
proxies (``addresses.client_address``), since what lies further left the client may have
written itself."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from . import audit
from .addresses import client_address as forwarded_client
from .models import SignInLock


def client_address(request: HttpRequest) -> str:
    """The address failures are counted for (see the module's docstring)."""
    remote = str(request.META.get("REMOTE_ADDR", ""))
    header = getattr(settings, "COMITIA_CLIENT_ADDRESS_HEADER", "")
    proxies = getattr(settings, "COMITIA_TRUSTED_PROXIES", ())
    forwarded = request.headers.get(header, "") if header and proxies else ""
    return forwarded_client(remote, forwarded, proxies)


def _normal(username: str) -> str:
    return username.strip().lower()


def _digest(username: str, address: str) -> str:
    return hashlib.sha256(f"{_normal(username)}\0{address}".encode()).hexdigest()


def _key(digest: str) -> str:
    return f"comitia:login-failures:{digest}"


def _limit() -> int:
    return int(getattr(settings, "COMITIA_LOGIN_FAILURES", 5))


def _window() -> int:
    return int(getattr(settings, "COMITIA_LOGIN_WINDOW", 900))


def _counted(key: str, window: int) -> int:
    if cache.add(key, 1, window):
        return 1
    try:
        return int(cache.incr(key))
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        return 1


def blocked(username: str, address: str) -> bool:
    """Whether ``username`` is locked for ``address`` now."""
    now = timezone.now()
    return SignInLock.objects.filter(digest=_digest(username, address), until__gt=now).exists()


def failed(username: str, address: str) -> None:
    """Count a failed attempt; the one that reaches the limit locks the user name."""
    digest = _digest(username, address)
    if _counted(_key(digest), _window()) < _limit():
        return
    now = timezone.now()
    with transaction.atomic():
        SignInLock.objects.filter(until__lte=now).delete()  # ended locks, kept no longer
        SignInLock.objects.update_or_create(
            digest=digest,
            defaults={
                "username": _normal(username)[:150],
                "address": address[:64],
                "locked_at": now,
                "until": now + dt.timedelta(seconds=_window()),
            },
        )
    cache.delete(_key(digest))


def succeeded(username: str, address: str) -> None:
    cache.delete(_key(_digest(username, address)))


def current_locks() -> QuerySet[SignInLock]:
    """The locks in force now, newest first."""
    return SignInLock.objects.filter(until__gt=timezone.now())


def lift_lock(lock: SignInLock, by: Any) -> None:
    """End ``lock`` now, with its count of failures, and record who did (a lock already
    lifted is left as it is)."""
    with transaction.atomic():
        current = SignInLock.objects.select_for_update().filter(pk=lock.pk).first()
        if current is None:
            return
        audit.record(by, "lift_sign_in_lock", current, before=audit.snapshot(current), after=None)
        cache.delete(_key(current.digest))
        current.delete()


# -- password-reset e-mails -----------------------------------------------------------------
# A reset form sends mail to whoever's address is typed in: without a limit it is a way to
# flood a user's mailbox (or the outgoing mail server) from one page. At most
# ``COMITIA_RESET_MAILS`` reset e-mails per address typed in, and ``COMITIA_RESET_MAILS_FROM``
# asked from one client address, within ``COMITIA_RESET_WINDOW`` seconds; past them the form
# answers as usual (it never says whether an address is known) and sends nothing.


def _reset_window() -> int:
    return int(getattr(settings, "COMITIA_RESET_WINDOW", 3600))


def reset_mail_allowed(email: str, address: str) -> bool:
    """Count one reset asked for ``email`` from ``address``; whether its mail may go."""
    window = _reset_window()
    to = hashlib.sha256(_normal(email).encode()).hexdigest()
    per_email = _counted(f"comitia:reset-to:{to}", window)
    per_address = _counted(f"comitia:reset-from:{address}", window)
    return per_email <= int(getattr(settings, "COMITIA_RESET_MAILS", 3)) and per_address <= int(
        getattr(settings, "COMITIA_RESET_MAILS_FROM", 10)
    )

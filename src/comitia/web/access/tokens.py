"""Keys for scripts calling the JSON API: made, revoked, and recognised on each request.

A script sends ``Authorization: Bearer KEY``. ``TokenMiddleware`` runs before the access
middleware, so that the route's declared policy is asked about the token's user exactly as
about a signed-in one: a token never grants more than its user's roles. A request with a token
needs no CSRF token (``BearerToken``, the API's authentication, accepts it without one); a
session never authenticates a request that carries a token, even a wrong one, so a script
with a mistyped key is told so rather than served as whoever is signed in in the browser.

Keys are 256 random bits; only their SHA-256 digest is stored (a slow password hash would add
nothing against guessing such a key and would cost each request).
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja.security import HttpBearer

from . import audit
from .models import ApiToken
from .routes import is_api_request

KEY_PREFIX = "comitia_"
# last_used_at is written at most this often per token, not on every request.
_USE_RECORDED_EVERY = timedelta(minutes=5)


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def issue_token(token: ApiToken, by: Any) -> str:
    """Store ``token`` (new, with its user and name) with a new key, and return the key: it is
    not stored and cannot be shown again."""
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    token.name = token.name.strip()
    token.prefix = key[: len(KEY_PREFIX) + 6]
    token.digest = _digest(key)
    with transaction.atomic():
        token.save(force_insert=True)
        audit.record(by, "issue_token", token, before=None, after=audit.snapshot(token))
    return key


def revoke_token(token: ApiToken, by: Any) -> ApiToken:
    """Make ``token`` refused from now on (a token already revoked is left as it is)."""
    with transaction.atomic():
        token = ApiToken.objects.select_for_update().get(pk=token.pk)
        if token.revoked_at is None:
            before = audit.snapshot(token)
            token.revoked_at = timezone.now()
            token.save(update_fields=["revoked_at"])
            audit.record(by, "revoke_token", token, before=before, after=audit.snapshot(token))
    return token


def token_for(key: str) -> ApiToken | None:
    """The token whose key is ``key``, if it is neither revoked nor its user inactive."""
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=_digest(key), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > _USE_RECORDED_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token


def _bearer_key(request: HttpRequest) -> str | None:
    scheme, _space, key = request.headers.get("Authorization", "").partition(" ")
    return key.strip() if scheme.lower() == "bearer" else None


class TokenMiddleware:
    """On the API's routes, a request with ``Authorization: Bearer KEY`` acts as the key's
    user; an unknown, revoked or inactive user's key is refused with 401."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Any, view_args: Any, view_kwargs: Any
    ) -> HttpResponse | None:
        key = _bearer_key(request)
        if key is None or not is_api_request(request):
            return None
        token = token_for(key)
        if token is None:
            from .middleware import sign_in_first  # the middleware reads the user this sets

            return sign_in_first(_("This API token is unknown or revoked."))
        request.user = token.user
        request.comitia_token = token  # type: ignore[attr-defined]
        return None


class BearerToken(HttpBearer):
    """The API's authentication for a request whose token TokenMiddleware accepted."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        accepted = getattr(request, "comitia_token", None)
        return request.user if accepted is not None else None

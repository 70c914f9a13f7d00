"""Every request passes the route's declared policy before its view runs; every response gets
the content security policy."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from comitia.web.plans.models import Term

from .policy import may
from .routes import allowed_methods, is_api_request, policy_for


class AccessMiddleware:
    """Ask ``policy.may`` with the route's declared action and the term named in the URL.

    The kept answers are sent around it: the public's by ``responses.PublicAnswerMiddleware``
    before the term is read, a reader's API read by ``responses.ReaderAnswerMiddleware``
    once this one has let the reader through.

    A route without a declared policy is refused (fail closed). A term the user may not see
    has already been answered as missing (404) by the publication app's ``TermMiddleware``,
    which comes before this one and leaves the term it read in ``request.comitia_term``.
    Otherwise the public is sent to the login page (the API: 401) and a signed-in user without
    the right gets 403.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> HttpResponse | None:
        match = request.resolver_match
        action = policy_for(match.view_name, request.method or "GET") if match else None
        if action is None:
            if match is not None and is_api_request(request):
                return method_not_allowed(match.view_name)
            raise PermissionDenied("this page has no declared access policy")
        term = None
        if "slug" in view_kwargs:
            if not hasattr(request, "comitia_term"):
                # Fail closed: without it, a hidden term would be answered as any other.
                raise ImproperlyConfigured(
                    "comitia.web.publication.middleware.TermMiddleware must come before "
                    "AccessMiddleware"
                )
            term = request.comitia_term
        if may(request.user, action, term):
            return None
        if is_api_request(request):
            if not request.user.is_authenticated:
                return sign_in_first()
            return api_refusal(403, _("You may not do this."))
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), str(settings.LOGIN_URL))
        raise PermissionDenied


def not_found(request: HttpRequest) -> HttpResponse:
    """The answer for what does not exist or may not be seen: the API's JSON 404, or the
    site's 404 page (by raising Http404, as a view does)."""
    if is_api_request(request):
        return api_refusal(404, _("Not found."))
    raise Http404


def requested_term(request: HttpRequest, slug: str) -> Term:
    """The term named ``slug`` in the URL, as the access middleware read it (to check who may
    see it), or read now; Http404 if there is none."""
    term = getattr(request, "comitia_term", None)
    if term is None or term.slug != slug:
        term = Term.objects.select_related("committee").filter(slug=slug).first()
    if term is None:
        raise Http404(_("No term has that name."))
    return term


def api_refusal(status: int, detail: str) -> HttpResponse:
    """A refusal of the API, ``{"detail": ...}`` in JSON: the one shape of every answer
    that is not a result, so that a refusal by the access rules and one by a view (a name
    that does not exist) cannot be told apart by their bytes."""
    return HttpResponse(
        json.dumps({"detail": detail}, ensure_ascii=False),
        status=status,
        content_type="application/json; charset=utf-8",
    )


def sign_in_first(detail: str | None = None) -> HttpResponse:
    """The API's 401, with the ``WWW-Authenticate`` challenge HTTP requires of it."""
    response = api_refusal(401, detail or _("Sign in first."))
    response["WWW-Authenticate"] = 'Bearer realm="comitia"'
    return response


def method_not_allowed(view_name: str) -> HttpResponse:
    """The API's 405 for a method the route does not declare, with the ``Allow`` header that
    HTTP requires of it."""
    response = api_refusal(405, _("Not allowed on this address."))
    response["Allow"] = ", ".join(allowed_methods(view_name))
    return response


def _policy_header() -> str:
    return getattr(
        settings,
        "COMITIA_CONTENT_SECURITY_POLICY",
        "default-src 'self'",
    )


class ContentSecurityPolicyMiddleware:
    """Adds ``Content-Security-Policy`` (from ``COMITIA_CONTENT_SECURITY_POLICY``) to every
    response that has none."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", _policy_header())
        return response

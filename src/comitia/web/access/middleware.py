"""Every request passes the route's declared policy before its view runs; every response gets
the content security policy."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from comitia.web.plans.models import Term

from .policy import Action, may
from .routes import is_api_request, policy_for
from .visibility import may_see_term, with_visibility

# The actions whose audience a term's level decides (everyone else's are roles only).
_SEEN_BY_LEVEL = {Action.VIEW, Action.PROPOSE, Action.VIEW_PROPOSALS}


class AccessMiddleware:
    """Ask ``policy.may`` with the route's declared action and the term named in the URL.

    A route without a declared policy is refused (fail closed). A term the user may not see
    answers 404 on the routes that show it; otherwise the public is sent to the login page and
    a signed-in user without the right gets 403.
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
            if is_api_request(request):
                return JsonResponse({"detail": _("Not allowed on this address.")}, status=405)
            raise PermissionDenied("this page has no declared access policy")
        if "slug" not in view_kwargs and may(request.user, action):
            return None
        term = None
        if "slug" in view_kwargs:
            terms = Term.objects.select_related("committee").filter(slug=view_kwargs["slug"])
            term = with_visibility(terms).first()
        request.comitia_term = term  # type: ignore[attr-defined]
        if may(request.user, action, term):
            return None
        if is_api_request(request):
            return _api_refusal(request, term)
        if term is not None and action in _SEEN_BY_LEVEL and not may_see_term(request.user, term):
            # A term hidden from this user answers as a term that does not exist would: a
            # redirect to sign in would tell that it exists.
            raise Http404
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        raise PermissionDenied


def requested_term(request: HttpRequest, slug: str) -> Term:
    """The term named ``slug`` in the URL, as the access middleware read it (to check who may
    see it), or read now; Http404 if there is none."""
    term = getattr(request, "comitia_term", None)
    if term is None or term.slug != slug:
        term = Term.objects.select_related("committee").filter(slug=slug).first()
    if term is None:
        raise Http404(_("No term has that name."))
    return term


def _api_refusal(request: HttpRequest, term: Term | None) -> HttpResponse:
    """The API's refusal, in JSON: 404 for a term the caller may not see (as if it did not
    exist), 401 to sign in first, 403 otherwise."""
    if term is not None and not may_see_term(request.user, term):
        return JsonResponse({"detail": _("Not found.")}, status=404)
    if not request.user.is_authenticated:
        return JsonResponse({"detail": _("Sign in first.")}, status=401)
    return JsonResponse({"detail": _("You may not do this.")}, status=403)


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

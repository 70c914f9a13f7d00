"""A term the user may not see answers exactly as a term that does not exist."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse

from comitia.web.access.middleware import not_found
from comitia.web.access.policy import TRANSLATION_ACTIONS, Action, is_administrator, may
from comitia.web.access.routes import policy_for
from comitia.web.plans.models import Term

from .visibility import may_see_term, with_visibility


class TermMiddleware:
    """Read the term named in the URL (``slug``) for the routes that declare a policy, keep it
    in ``request.comitia_term`` (None if there is none) for the access middleware and the
    views, and answer 404 if it is hidden from the user or missing, whatever the route and
    whoever asks, before any other refusal: neither a redirect to sign in nor a 401 or 403
    tells that it exists. Comes before ``access.middleware.AccessMiddleware``, which refuses
    the routes without a declared policy.
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
        if "slug" not in view_kwargs or match is None:
            return None
        action = policy_for(match.view_name, request.method or "GET")
        if action is None:
            return None  # refused by the access middleware, whatever the term
        terms = Term.objects.select_related("committee").filter(slug=view_kwargs["slug"])
        term = with_visibility(terms).first()
        request.comitia_term = term  # type: ignore[attr-defined]
        if _hidden(request, term, action):
            return not_found(request)
        return None


def _hidden(request: HttpRequest, term: Term | None, action: Action | None = None) -> bool:
    """Whether the term named in the URL is to be answered as missing: it is hidden from the
    user, or it is missing. The answer is given before the view, so that it is the same
    for both whatever the route and method (a view would answer a method it does not take
    with 405). Administrators see every term, so nothing is hidden from them: for them the
    view decides (they still read the history of a deleted term)."""
    if term is None:
        return not is_administrator(request.user)
    if action in TRANSLATION_ACTIONS and may(request.user, action, term):
        return False  # a translator translates the drafts of the terms it translates
    return not may_see_term(request.user, term)

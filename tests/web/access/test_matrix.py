"""Every route has a declared policy, and every role gets what that policy says on every route.

The expected outcomes are written here, by hand, apart from ``comitia.web.access.policy``: the
test compares the running site against this table, not the policy against itself.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from comitia.web.access.operations import set_publication
from comitia.web.access.policy import Action
from comitia.web.access.routes import ROUTE_POLICIES, policy_for
from comitia.web.plans import models as m
from comitia.web.suggestions.models import Proposal

from .conftest import ROLES, make_user

# Which roles each declared action lets through, for the term under test.
ALLOWED: dict[Action, set[str]] = {
    Action.VIEW: set(ROLES),
    Action.SIGN_IN: set(ROLES),
    Action.ADMIN_SITE: {"administrator"},  # the admin's own rule: is_staff
    Action.EDIT_CALENDAR: {"secretariat", "administrator"},
    Action.VIEW_CHECKS: {"secretariat", "bureau", "administrator"},
    Action.VIEW_HISTORY: {"secretariat", "bureau", "administrator"},
    Action.APPROVE_REVISION: {"bureau", "administrator"},
    Action.PUBLISH: {"secretariat", "administrator"},
    Action.VIEW_DRAFT: {"secretariat", "bureau", "administrator"},
    Action.PROPOSE: {"delegation", "administrator"},
    Action.VIEW_PROPOSALS: {"delegation", "secretariat", "bureau", "administrator"},
}


def _allowed(action: Action, state: str, arguments: tuple[str, ...]) -> set[str]:
    """Who gets through: a draft term's pages are for those who may view drafts."""
    if state == "draft" and action is Action.VIEW and "slug" in arguments:
        return ALLOWED[Action.VIEW_DRAFT]
    if state == "draft" and action in {Action.PROPOSE, Action.VIEW_PROPOSALS}:
        return ALLOWED[action] - {"delegation"}
    return ALLOWED[action]


def _named_routes(
    patterns: list[Any] | None = None, namespace: str = "", outer: tuple[str, ...] = ()
) -> list[tuple[str, tuple[str, ...]]]:
    """Every route as (view name, names of its URL's arguments); an unnamed route is called
    ``namespace:<unnamed>`` so that only a namespace's declared policy can cover it."""
    found: list[tuple[str, tuple[str, ...]]] = []
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        arguments = outer + tuple(entry.pattern.converters)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            found += _named_routes(entry.url_patterns, inner, arguments)
        elif isinstance(entry, URLPattern):
            found.append((f"{namespace}{entry.name or '<unnamed>'}", arguments))
    return found


def test_every_route_of_the_url_configuration_declares_a_policy() -> None:
    routes = _named_routes()
    assert len(routes) > 30
    missing = sorted(name for name, _ in routes if policy_for(name) is None)
    assert missing == []


def test_a_route_without_a_declared_policy_is_refused(client: Client, admin_user: Any) -> None:
    assert policy_for("calendar:no_such_route") is None
    assert policy_for("admin:auth_user_changelist") is Action.ADMIN_SITE
    client.force_login(admin_user)
    with override_settings(ROOT_URLCONF="tests.web.access.undeclared_urls"):
        response = client.get("/undeclared/")
    assert response.status_code == 403
    assert b"secret" not in response.content


def test_every_declared_policy_names_a_route() -> None:
    names = {name for name, _ in _named_routes()}
    stale = [n for n in ROUTE_POLICIES if not n.endswith(":*") and n not in names]
    assert stale == []


def _sample_kwargs(term: m.Term) -> dict[str, Any]:
    meeting = m.Meeting.objects.filter(term=term).order_by("date").first()
    assert meeting is not None
    node = m.AgendaNode.objects.filter(meeting=meeting).first()
    activity = m.Activity.objects.filter(term=term).first()
    assert node is not None and activity is not None
    proposal, _ = Proposal.objects.get_or_create(
        meeting=meeting,
        member_state="BR",
        kind="topic",
        defaults={"topic": "Citizen security", "token": uuid.uuid4()},
    )
    return {
        "proposal_id": proposal.pk,
        "uidb64": "MQ",
        "token": "set-password",
        "slug": term.slug,
        "key": meeting.key,
        "node_id": node.pk,
        "number": 1,
        "fmt": "html",
        "lang": "en",
        "month": f"{meeting.date:%Y-%m}",
        "object_type": "meeting",
        "object_id": meeting.key,
        "activity_key": activity.key,
    }


def _url(name: str, arguments: tuple[str, ...], sample: dict[str, Any]) -> str | None:
    if name.startswith("admin:"):
        return reverse(name) if name == "admin:index" else None
    kwargs = {k: sample[k] for k in arguments}
    if name == "calendar:activity_edit":
        kwargs["key"] = sample["activity_key"]
    return reverse(name, kwargs=kwargs)


def _refused(response: Any) -> bool:
    if response.status_code == 403:
        return True
    return response.status_code == 302 and "login/" in response["Location"]


@pytest.mark.parametrize("state", ["published", "draft"])
def test_every_role_meets_the_declared_policy_on_every_route(
    terms: tuple[m.Term, m.Term], capsys: pytest.CaptureFixture[str], state: str
) -> None:
    here, elsewhere = terms
    if state == "draft":
        set_publication(here, False, None)
    sample = _sample_kwargs(here)
    users = {role: make_user(role, here, elsewhere) for role in ROLES}
    wrong: list[str] = []
    cases = 0
    for name, arguments in _named_routes():
        url = _url(name, arguments, sample)
        if url is None or name == "calendar:logout":
            continue
        action = policy_for(name)
        assert action is not None
        for role, user in users.items():
            client = Client()
            if user is not None:
                client.force_login(user)
            allowed = role in _allowed(action, state, arguments)
            methods = ["get"] if allowed else ["get", "post"]
            for method in methods:
                cases += 1
                response = getattr(client, method)(url)
                if _refused(response) == allowed:
                    wrong.append(f"{role} {method.upper()} {url}: {response.status_code}")
    with capsys.disabled():
        print(f"\npermission matrix, {state} term: {cases} cases")
    assert wrong == []
    assert cases > 300

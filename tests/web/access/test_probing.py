"""A term hidden from a reader answers exactly as a term that does not exist, on every route
that names a term (pages, feeds, documents, the API), so that probing tells nothing.

For each route of the permission matrix that takes a term, each method it is tried with, and
each reader who may not see the term, the answer for the hidden term and the answer for a name
no term has are compared: status, headers, cookies set and body, byte for byte once the two
names and the per-response CSRF tokens are replaced by placeholders.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from comitia.web.levels import Visibility
from comitia.web.plans import models as m
from tests.web.module_data import kept_for_module

from .conftest import make_user, store_terms
from .test_matrix import (
    _methods,
    _named_routes,
    _request,
    _sample_kwargs,
    _set_state,
    _tried,
    _url,
)

MISSING = "csh-1900-1901"  # no term has this name
# Readers who may not see a draft term: the public, a user without a role, a delegation,
# and the secretariat and bureau of another committee's term.
OUTSIDERS = ("anonymous", "no_role", "delegation", "secretariat_elsewhere", "bureau_elsewhere")
# A term shared with member states is hidden from the public and users without a role only.
HIDDEN_FROM = {
    Visibility.DRAFT: OUTSIDERS,
    Visibility.MEMBER_STATES: ("anonymous", "no_role", "bureau_elsewhere"),
}
_CSRF = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')


@pytest.fixture(scope="module")
def cast(django_db_setup: None, django_db_blocker: Any) -> Iterator[tuple[m.Term, dict[str, Any]]]:
    def build() -> tuple[m.Term, dict[str, Any]]:
        here, elsewhere = store_terms()
        roles = ("bureau", *OUTSIDERS)
        return here, {role: make_user(role, here, elsewhere) for role in roles}

    yield from kept_for_module(django_db_blocker, build)


def _comparable(response: Any, slug: str) -> dict[str, Any]:
    """What a reader gets, with the term's name and the per-response CSRF tokens replaced by
    placeholders; the length goes with the body, a cookie's expiry date with the clock (its
    max-age is compared)."""
    body = _CSRF.sub(rb"\1CSRF\2", response.content).replace(slug.encode(), b"{slug}")
    headers = {
        name: value.replace(slug, "{slug}")
        for name, value in response.headers.items()
        if name != "Content-Length"
    }
    cookies = {
        name: {k: v for k, v in morsel.items() if v and k != "expires"}
        for name, morsel in response.cookies.items()
    }
    return {"status": response.status_code, "headers": headers, "cookies": cookies, "body": body}


def _client(user: User | None, sessions: dict[int, str] | None = None) -> Client:
    """A client of its own for each request (a CSRF cookie set by the first answer would
    change the second), signed in as ``user``: with the session ``sessions`` keeps for the
    user, made by the first sign-in (signing in anew for each of a thousand requests is most
    of this test's time, and no page these requests reach writes to the session)."""
    client = Client()
    if user is None:
        return client
    if sessions is None or user.pk not in sessions:
        client.force_login(user)
        if sessions is not None:
            sessions[user.pk] = client.cookies[settings.SESSION_COOKIE_NAME].value
        return client
    client.cookies[settings.SESSION_COOKIE_NAME] = sessions[user.pk]
    assert client.session.get("_auth_user_id") == str(user.pk)  # still signed in
    return client


def _routes_taking_a_term(sample: dict[str, Any]) -> Iterator[tuple[str, str, str]]:
    """(route name, method, URL for the sample term) for every route that names a term."""
    for name, arguments in dict(_named_routes()).items():
        if "slug" not in arguments:
            continue
        url = _url(name, arguments, sample)
        assert url is not None, name
        for declared in _methods(name):
            for method in _tried(name, declared, allowed=False):
                yield name, method, url


@pytest.mark.parametrize("level", list(HIDDEN_FROM), ids=str)
def test_a_hidden_term_answers_as_a_term_that_does_not_exist(
    cast: tuple[m.Term, dict[str, Any]], db: None, level: Visibility
) -> None:
    stored, users = cast
    here = m.Term.objects.get(pk=stored.pk)
    number = _set_state(here, level, Visibility.PUBLIC, users["bureau"])
    sample = _sample_kwargs(here, number)
    differences: list[str] = []
    compared = 0
    sessions: dict[int, str] = {}
    for name, method, url in _routes_taking_a_term(sample):
        missing_url = url.replace(f"/{here.slug}/", f"/{MISSING}/")
        assert missing_url != url
        for role in HIDDEN_FROM[level]:
            user = users[role]
            hidden = _comparable(_request(_client(user, sessions), method, url), here.slug)
            missing = _comparable(_request(_client(user, sessions), method, missing_url), MISSING)
            compared += 1
            if hidden != missing:
                differing = sorted(k for k in hidden if hidden[k] != missing[k])
                detail = f"{hidden['status']} vs {missing['status']}"
                differences.append(f"{role} {method} {name}: {differing} ({detail})")
            elif hidden["status"] != 404:
                differences.append(f"{role} {method} {name}: {hidden['status']}, not 404")
    assert differences == []
    assert compared > 100


def test_the_not_found_page_offers_the_public_to_sign_in(
    cast: tuple[m.Term, dict[str, Any]], db: None
) -> None:
    stored, users = cast
    url = reverse("calendar:list", args=[stored.slug])
    response = Client().get(url)
    assert response.status_code == 404
    login = reverse("calendar:login")
    assert f'href="{login}?next=' in response.content.decode()
    signed_in = _client(users["no_role"]).get(url)
    assert signed_in.status_code == 404
    assert "Sign in to see" not in signed_in.content.decode()

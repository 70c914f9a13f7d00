"""Fixtures of the access tests: one user per role, attached to the term or to another one.

The term under test and the other term are stored as drafts (no publication), as any plan
loaded without ``--publish``; tests set the levels they need."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.contrib.auth.models import User
from django.test import Client

from comitia.web.access.models import Membership, Role
from comitia.web.plans import models as m
from comitia.web.plans.convert import save_plan
from tests.factories import build_plan, with_resolutions

ROLES = (
    "anonymous",
    "no_role",
    "delegation",
    "delegation_elsewhere",
    "secretariat",
    "secretariat_elsewhere",
    "bureau",
    "bureau_elsewhere",
    "administrator",
)


@pytest.fixture(autouse=True)
def _empty_cache() -> Iterator[None]:
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def store_terms(*, resolutions: bool = False) -> tuple[m.Term, m.Term]:
    """The term under test (with the factory's resolutions, an adopted one and a draft, if
    ``resolutions``) and another body's term, stored as drafts."""
    here = save_plan(with_resolutions(build_plan(3)) if resolutions else build_plan(3))
    other_plan = build_plan(2, label="2020-2021")
    elsewhere = save_plan(other_plan)
    return here, elsewhere


@pytest.fixture
def terms(db: None) -> tuple[m.Term, m.Term]:
    """The term under test and another body's term."""
    return store_terms()


def signed_in(user: User | None) -> Client:
    """A client of its own for ``user``, signed in (the public's when None)."""
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def make_user(role: str, here: m.Term, elsewhere: m.Term) -> User | None:
    """A user holding ``role`` (one of ``ROLES``); None for the anonymous public."""
    if role == "anonymous":
        return None
    user = User.objects.create_user(role, password="x", is_superuser=role == "administrator")
    if role == "administrator":
        user.is_staff = True
        user.save()
    memberships = {
        "delegation": {"role": Role.DELEGATION, "member_state": "BR"},
        "delegation_elsewhere": {"role": Role.DELEGATION, "member_state": "MX"},
        "secretariat": {"role": Role.SECRETARIAT, "committee": here.committee},
        "secretariat_elsewhere": {"role": Role.SECRETARIAT, "committee": elsewhere.committee},
        "bureau": {"role": Role.BUREAU, "term": here},
        "bureau_elsewhere": {"role": Role.BUREAU, "term": elsewhere},
    }
    if role in memberships:
        Membership.objects.create(user=user, **memberships[role])
    return user


def publish_with_hidden_meetings(term: m.Term, draft_title: str, shared_title: str) -> None:
    """Publish ``term``, then make its first meeting a draft titled ``draft_title`` and its
    second one shared with member states only, titled ``shared_title``: markers to look for
    in what each reader gets."""
    from comitia.web.levels import Visibility
    from comitia.web.publication.operations import publish_plan, set_meeting_visibility

    publish_plan(term, None)
    first, second, _ = m.Meeting.objects.select_related("term").filter(term=term)
    m.Meeting.objects.filter(pk=first.pk).update(title={"en": draft_title})
    m.Meeting.objects.filter(pk=second.pk).update(title={"en": shared_title})
    set_meeting_visibility(first, Visibility.DRAFT, None)
    set_meeting_visibility(second, Visibility.MEMBER_STATES, None)

"""Fixtures of the calendar's tests: the model plan stored, a staff user and a client for it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client

from comitia.plan.files import read_plan
from comitia.web.plans import models as m
from tests.web.publishing import committed, store_published

__all__ = ["committed"]


@pytest.fixture(autouse=True)
def _no_kept_feeds() -> Iterator[None]:
    """Each test starts with no feed kept, as a server just started on an empty cache."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


MODEL_PLAN = Path(__file__).parents[3] / "examples" / "oas-csh-2019-2020.yaml"
SLUG = "csh-2019-2020"


@pytest.fixture
def model_term(db: None) -> m.Term:
    term = store_published(read_plan(MODEL_PLAN))
    committed()
    return term


@pytest.fixture
def staff(db: None) -> User:
    from comitia.web.access.models import Membership, Role

    user = User.objects.create_user("secretariat", password="s3cret-pass", is_staff=True)
    Membership.objects.create(user=user, role=Role.SECRETARIAT)
    return user


@pytest.fixture
def staff_client(staff: User) -> Client:
    client = Client()
    client.force_login(staff)
    return client

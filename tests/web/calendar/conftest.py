"""Fixtures of the calendar's tests: the model plan stored, a staff user and a client for it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client

from comitia.plan.files import read_plan
from comitia.web.plans import models as m
from tests.web.publishing import store_published


@pytest.fixture(autouse=True)
def _no_kept_feeds() -> Iterator[None]:
    """Each test starts with no feed kept in the process, as a server just started."""
    from comitia.web.calendar.feeds import FEEDS

    FEEDS.clear()
    yield
    FEEDS.clear()


MODEL_PLAN = Path(__file__).parents[3] / "examples" / "oas-csh-2019-2020.yaml"
SLUG = "csh-2019-2020"


@pytest.fixture
def model_term(db: None) -> m.Term:
    term = store_published(read_plan(MODEL_PLAN))
    committed()
    return term


def committed() -> None:
    """Forget that the test's transaction raised output versions, as if what it wrote so far
    were committed: outputs are not kept while their term's raise is pending, and a test runs
    inside one transaction."""
    from django.db import connection

    from comitia.web.plans.output_version import _Raised

    connection.run_on_commit = [
        c for c in connection.run_on_commit if not isinstance(c[1], _Raised)
    ]


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

"""Fixtures of the report pages: the model plan shared with member states, and users of the
secretariat and of two delegations (Brazil's and Mexico's)."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client

from comitia.plan.files import read_plan
from comitia.web.access.models import Membership, Role
from comitia.web.levels import Visibility
from comitia.web.plans import models as m
from comitia.web.plans.convert import save_plan
from comitia.web.publication.operations import set_term_visibility

MODEL_PLAN = Path(__file__).resolve().parents[3] / "examples" / "oas-csh-2019-2020.yaml"


@pytest.fixture
def model_term(db: None) -> m.Term:
    term = save_plan(read_plan(MODEL_PLAN))
    set_term_visibility(term, Visibility.MEMBER_STATES, None)
    return m.Term.objects.get(pk=term.pk)


def user_with(name: str, **membership: object) -> User:
    user = User.objects.create_user(name, password="x")
    if membership:
        Membership.objects.create(user=user, **membership)
    return user


def client_of(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def secretariat(model_term: m.Term) -> Client:
    return client_of(user_with("sec", role=Role.SECRETARIAT, committee=model_term.committee))


@pytest.fixture
def brazil(model_term: m.Term) -> Client:
    return client_of(user_with("br", role=Role.DELEGATION, member_state="BR"))


@pytest.fixture
def mexico(model_term: m.Term) -> Client:
    return client_of(user_with("mx", role=Role.DELEGATION, member_state="MX"))

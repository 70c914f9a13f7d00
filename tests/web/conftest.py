"""Fixtures for the web layer's tests: ready plans and a stored term."""

from __future__ import annotations

import pytest

from comitia.plan import Plan
from comitia.web.plans import models as m
from comitia.web.plans.convert import save_plan
from tests.factories import build_plan

__all__ = ["build_plan"]


@pytest.fixture
def plan() -> Plan:
    return build_plan(3)


@pytest.fixture
def term(db: None, plan: Plan) -> m.Term:
    return save_plan(plan)

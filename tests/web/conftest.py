"""Fixtures for the web layer's tests: ready plans and a stored term."""

from __future__ import annotations

import pytest

from comitia.plan import Plan
from comitia.web.plans import models as m
from tests.factories import build_plan
from tests.web.publishing import store_published

__all__ = ["build_plan"]


@pytest.fixture
def plan() -> Plan:
    return build_plan(3)


@pytest.fixture
def term(db: None, plan: Plan) -> m.Term:
    """The plan stored and published (a stored plan is a draft until published)."""
    return store_published(plan)

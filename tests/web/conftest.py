"""Fixtures for the web layer's tests: ready plans and a stored term."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.test import override_settings

from comitia.plan import Plan
from comitia.web.plans import models as m
from tests.factories import build_plan
from tests.web.publishing import store_published

__all__ = ["build_plan"]


@pytest.fixture(autouse=True, scope="session")
def _media_in_tmp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Uploaded files (reports' documents) go to a folder of the tests' own, for the whole
    session: module-scoped scenes store files too."""
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        yield


@pytest.fixture
def plan() -> Plan:
    return build_plan(3)


@pytest.fixture
def term(db: None, plan: Plan) -> m.Term:
    """The plan stored and published (a stored plan is a draft until published)."""
    return store_published(plan)

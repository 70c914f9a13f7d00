"""Any small valid plan goes through the database unchanged (hypothesis)."""

from __future__ import annotations

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings

from comitia.plan import Plan
from comitia.web.plans.convert import load_plan, save_plan
from tests.strategies import plans


@pytest.mark.django_db
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_any_small_plan_reads_back_from_the_database_identical(plan: Plan) -> None:
    with transaction.atomic():
        loaded = load_plan(save_plan(plan))
        transaction.set_rollback(True)
    assert loaded.model_dump_json() == plan.model_dump_json()

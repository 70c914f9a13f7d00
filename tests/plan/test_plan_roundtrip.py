"""Any valid plan written as YAML or JSON reads back to an equal plan (hypothesis)."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings

from comitia.plan import Plan
from comitia.plan.files import dump_plan_json, dump_plan_yaml, parse_plan_text
from tests.strategies import plans


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_any_plan_written_as_yaml_reads_back_equal(plan: Plan) -> None:
    assert parse_plan_text(dump_plan_yaml(plan)) == plan


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_any_plan_written_as_json_reads_back_equal(plan: Plan) -> None:
    text = dump_plan_json(plan)
    assert Plan.model_validate(json.loads(text)) == plan
    assert parse_plan_text(text) == plan

"""Any valid plan written as YAML or JSON reads back to an equal plan (hypothesis)."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings

from comitia.plan import Plan, Text
from comitia.plan.files import dump_plan_json, dump_plan_yaml, parse_plan_text
from tests.render.model import model_plan
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


@pytest.mark.parametrize("character", ["\ufffe", "\uffff", "\u2028", "\u2029"])
def test_characters_yaml_does_not_read_raw_are_written_escaped_in_json(character: str) -> None:
    # Text may hold them (the model refuses only control characters), and the plan reader is
    # a YAML parser: it refuses the first two unescaped and reads the others as line breaks.
    plan = model_plan()
    first = plan.meetings[0]
    noted = first.model_copy(update={"notes": [Text({"fr": f"avant {character} après"})]})
    plan = plan.model_copy(update={"meetings": [noted, *plan.meetings[1:]]})
    text = dump_plan_json(plan)
    assert parse_plan_text(text) == plan
    assert Plan.model_validate(json.loads(text)) == plan
    assert parse_plan_text(dump_plan_yaml(plan)) == plan

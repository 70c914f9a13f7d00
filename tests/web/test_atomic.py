"""A plan that the database refuses part-way leaves the database as it was."""

from __future__ import annotations

import datetime as dt

import pytest

from comitia.plan import Meeting, Plan
from comitia.web.plans import models as m
from comitia.web.plans.convert import PlanLoadError, load_plan, save_plan

from .conftest import build_plan


def _with_a_broken_last_meeting(plan: Plan) -> Plan:
    """``plan`` with a last meeting that ends before it starts, which only the database sees
    (the meeting skips validation), so the failure comes after many rows were inserted."""
    broken = Meeting.model_construct(
        **{**plan.meetings[-1].__dict__, "id": "broken", "end": dt.time(8)}
    )
    return Plan.model_construct(**{**plan.__dict__, "meetings": [*plan.meetings, broken]})


def _row_counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in m.Term._meta.apps.get_app_config("plans").get_models()
    }


@pytest.mark.django_db
def test_a_plan_refused_part_way_writes_nothing() -> None:
    with pytest.raises(PlanLoadError, match="breaks a rule of the database"):
        save_plan(_with_a_broken_last_meeting(build_plan(3)))
    assert set(_row_counts().values()) == {0}


@pytest.mark.django_db
def test_a_replacement_refused_part_way_keeps_the_stored_term(term: m.Term, plan: Plan) -> None:
    before = _row_counts()
    with pytest.raises(PlanLoadError):
        save_plan(_with_a_broken_last_meeting(build_plan(5)), replace=True)
    assert _row_counts() == before
    assert load_plan(m.Term.objects.get()) == plan

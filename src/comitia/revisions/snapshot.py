"""A revision's snapshot: the plan as approved, as canonical JSON text."""

from __future__ import annotations

import datetime as dt
import json

from comitia.plan import Plan
from comitia.plan.entities import PlanDocument
from comitia.plan.fields import Text


def approved_plan(
    plan: Plan, *, symbol: str, revision: int, approved_on: dt.date, approved_by: str | None
) -> Plan:
    """``plan`` with its document carrying the revision's symbol, number and date."""
    title = plan.document.title if plan.document else Text.of(plan.language, plan.term.label)
    document = PlanDocument(
        title=title,
        symbol=symbol,
        revision=revision,
        approved_on=approved_on,
        approved_by=approved_by if approved_by in {b.id for b in plan.bodies} else None,
    )
    return plan.model_copy(update={"document": document})


def snapshot(plan: Plan) -> str:
    """The plan as JSON with sorted keys, so that the same plan always gives the same text."""
    return json.dumps(plan.model_dump(mode="json"), ensure_ascii=False, sort_keys=True)


def plan_from_snapshot(text: str) -> Plan:
    """The plan a snapshot holds; ``pydantic.ValidationError`` if the text is not a plan."""
    return Plan.model_validate(json.loads(text))

"""The planned cost of the meetings against the appropriations (BUD), from ``comitia.budget``.

BUD001: a period whose planned cost exceeds its appropriation, with the amount over.
BUD002: a meeting that would cost the committee something but falls in no period with an
amount, or whose day no rate holds (in the currency of its period).
"""

from __future__ import annotations

from collections.abc import Iterator

from comitia.budget import Budget, plan_budget
from comitia.checks.engine import Context, Hit, ObjectKind, ObjectRef, Severity, rule
from comitia.checks.messages import Money


def _budget(context: Context) -> Budget:
    return context.shared("budget", lambda c: plan_budget(c.plan))


@rule("BUD001", Severity.ERROR)
def planned_over_appropriation(context: Context) -> Iterator[Hit]:
    for period in _budget(context).periods:
        if period.appropriation is None or not period.over:
            continue
        yield Hit(
            {
                "period": period.period,
                "basis": period.basis,
                "appropriation": Money(period.appropriation, period.currency),
                "planned": Money(period.planned, period.currency),
                "over": Money(period.over, period.currency),
            },
            (period.start, period.end),
            (ObjectRef(ObjectKind.APPROPRIATION, period.id),),
        )


@rule("BUD002", Severity.WARNING)
def meeting_without_period_or_rate(context: Context) -> Iterator[Hit]:
    budget = _budget(context)
    for cost, variant in [
        *((cost, "period") for cost in budget.unplaced),
        *((cost, "rate") for cost in budget.unrated),
    ]:
        params: dict[str, object] = {"date": cost.meeting.date, "variant": variant}
        if variant == "rate":
            params["period"] = budget.period(budget.placed[cost.meeting.id]).period
        yield Hit(
            params,
            (cost.meeting.date,),
            (ObjectRef(ObjectKind.MEETING, cost.meeting.id),),
        )

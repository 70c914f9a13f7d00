"""What the committee's meetings cost against the money appropriated for them.

``plan_budget`` derives, from a plan, each budget period's appropriation, the planned cost of
the meetings in it and the balance; ``meeting_cost`` is one meeting's estimated cost under the
plan's rates; ``budget_changes`` says what a change to the plan does to each period. Nothing
here is stored: every figure is derived from the plan each time.

Plain Python: never imports Django.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from comitia.budget.costs import CostBasis, MeetingCost, meeting_cost, rates_for
from comitia.budget.money import format_amount, format_money
from comitia.budget.periods import Budget, PeriodBudget, plan_budget


@dataclass(frozen=True)
class PeriodChange:
    """What a change to the plan does to one period: planned cost before and after."""

    period: PeriodBudget  # as it is after the change
    before: Decimal

    @property
    def change(self) -> Decimal:
        return self.period.planned - self.before


def budget_changes(before: Budget, after: Budget) -> list[PeriodChange]:
    """The periods of ``after`` whose planned cost differs from ``before``'s, in order."""
    planned = {period.id: period.planned for period in before.periods}
    return [
        PeriodChange(period, planned.get(period.id, Decimal(0)))
        for period in after.periods
        if period.planned != planned.get(period.id, Decimal(0))
    ]


__all__ = [
    "Budget",
    "CostBasis",
    "MeetingCost",
    "PeriodBudget",
    "PeriodChange",
    "budget_changes",
    "format_amount",
    "format_money",
    "meeting_cost",
    "plan_budget",
    "rates_for",
]

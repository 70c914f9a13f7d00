"""What a change to a meeting would cost, before it is saved: the preview of the edit forms.

The stored plan is read, the change applied to a copy in memory (the meeting's day, hours,
status and venue, the figures its cost depends on) and both budgets compared
(``comitia.budget.budget_changes``). Nothing is written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from comitia.budget import budget_changes, format_money, plan_budget
from comitia.plan import Meeting, MeetingStatus, Plan, Text
from comitia.web.plans.convert import load_plan
from comitia.web.plans.models import Term

NEW_MEETING = "new-meeting"


@dataclass(frozen=True)
class PeriodEffect:
    label: str
    change: str
    planned: str
    balance: str
    over: bool


@dataclass(frozen=True)
class CostPreview:
    before: str  # the meeting's cost now ("—" for a new one)
    after: str
    periods: list[PeriodEffect]


def _changed(plan: Plan, key: str | None, changes: dict[str, Any], lang: str) -> Plan:
    current = next((m for m in plan.meetings if m.id == key), None)
    update: dict[str, Any] = {
        name: changes[name] for name in ("date", "start", "end") if changes.get(name) is not None
    }
    if changes.get("status"):
        update["status"] = MeetingStatus(changes["status"])
    if changes.get("venue"):
        update["venue"] = Text.of(lang, changes["venue"])
    elif current is None:
        update["venue"] = None
    # An empty venue field on an edit keeps the stored venue: the form leaves it empty when the
    # venue is written in another language only.
    if current is None:
        fields = {name: update.pop(name) for name in ("date", "start", "end")}
        meeting = Meeting(id=NEW_MEETING, **fields).model_copy(update=update)
        return plan.model_copy(update={"meetings": [*plan.meetings, meeting]})
    meetings = [m.model_copy(update=update) if m.id == key else m for m in plan.meetings]
    return plan.model_copy(update={"meetings": meetings})


def cost_preview(term: Term, key: str | None, changes: dict[str, Any], lang: str) -> CostPreview:
    """The effect on the budget of ``changes`` (form data: date, start, end, status, venue) to
    the meeting ``key`` of ``term``, or of adding a meeting when ``key`` is None."""
    before = load_plan(term)
    after = _changed(before, key, changes, lang)
    old, new = plan_budget(before), plan_budget(after)
    target = key or NEW_MEETING

    def cost(budget: Any) -> str:
        found = next((c for c in budget.costs if c.meeting.id == target), None)
        if found is None or found.amount is None:
            return "—"
        return format_money(found.amount, found.currency or "USD", lang)

    periods = []
    for effect in budget_changes(old, new):
        period = effect.period
        balance = period.balance
        periods.append(
            PeriodEffect(
                label=period.period.format(lang),
                change=("+" if effect.change > 0 else "")
                + format_money(effect.change, period.currency, lang),
                planned=format_money(period.planned, period.currency, lang),
                balance="—" if balance is None else format_money(balance, period.currency, lang),
                over=balance is not None and balance < Decimal(0),
            )
        )
    return CostPreview(cost(old), cost(new), periods)


def form_changes(data: dict[str, Any], *, moved_to: dt.date | None = None) -> dict[str, Any]:
    """The fields of an edit form's cleaned data that a meeting's cost depends on."""
    changes = {name: data.get(name) for name in ("date", "start", "end", "status", "venue")}
    if moved_to is not None:
        changes["date"] = moved_to
    return changes

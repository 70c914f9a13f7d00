"""The budget as JSON and as text, for ``comitia budget``.

JSON amounts are strings of the exact Decimal ("126200", "1500.50"), as plan files write
them, never floats. The text is worded in the reader's language by the core's catalog.

Plain Python: never imports Django.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from comitia import catalog
from comitia.budget.costs import MeetingCost
from comitia.budget.money import format_amount, format_money
from comitia.budget.periods import Budget, PeriodBudget
from comitia.catalog import N_
from comitia.plan import Plan

# The words of the text report in English, the msgids of the core's catalog (comitia.catalog).
LABELS: dict[str, str] = {
    "title": N_("Budget {term}: planned cost of the meetings against the appropriations"),
    "illustrative": N_("The cost rates are illustrative, not the Organization's."),
    "period": N_("{period} ({basis})"),
    "part": N_("{period}, part of {parent}"),
    "figures": N_("appropriation {appropriation}, planned {planned}, balance {balance}"),
    "share": N_("; {share} % used"),
    "planned_only": N_("planned {planned} (no appropriation of its own)"),
    "information": N_("for information: its meetings count against its sub-periods"),
    "month": N_("{month}: {planned}"),
    "meetings": N_("{count} meeting(s) counted"),
    "unplaced": N_("Meetings in no budget period: {dates}"),
    "unrated": N_("Meetings with no cost rate: {dates}"),
}


def _amount(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _meeting(cost: MeetingCost, period: PeriodBudget) -> dict[str, Any]:
    meeting = cost.meeting
    return {
        "id": meeting.id,
        "date": meeting.date.isoformat(),
        "start": f"{meeting.start:%H:%M}",
        "end": f"{meeting.end:%H:%M}",
        "length": cost.length.value,
        "venue": "headquarters" if meeting.venue is None else "elsewhere",
        "basis": cost.basis.value,
        "cost": _amount(cost.amount),
        "room": _amount(cost.room),
        "interpretation": _amount(cost.interpretation),
        "translation": _amount(cost.translation),
        "rates": cost.rates,
        "counted_here": meeting.id in period.counted,
    }


def budget_data(plan: Plan, budget: Budget, lang: str = "en") -> dict[str, Any]:
    """The budget as plain JSON data; ``lang`` words each period's ``label``."""
    return {
        "term": {
            "label": plan.term.label,
            "start": plan.term.start.isoformat(),
            "end": plan.term.end.isoformat(),
        },
        "illustrative_rates": any(rates.illustrative for rates in plan.cost_rates),
        "periods": [
            {
                "id": period.id,
                "period": str(period.period),
                "label": period.period.format(lang),
                "start": period.start.isoformat(),
                "end": period.end.isoformat(),
                "planned_from": period.planned_from.isoformat(),
                "planned_to": period.planned_to.isoformat(),
                "within": period.within,
                "basis": period.basis,
                "currency": period.currency,
                "appropriation": _amount(period.appropriation),
                "planned": _amount(period.planned),
                "balance": _amount(period.balance),
                "share_used": _amount(period.share_used),
                "meetings": [_meeting(cost, period) for cost in period.meetings],
                "months": [
                    {"month": month, "planned": _amount(planned)}
                    for month, planned in period.months()
                ],
            }
            for period in budget.periods
        ],
        "unplaced": [cost.meeting.id for cost in budget.unplaced],
        "unrated": [cost.meeting.id for cost in budget.unrated],
    }


def as_json(plan: Plan, budget: Budget, lang: str = "en") -> str:
    return json.dumps(budget_data(plan, budget, lang), ensure_ascii=False, indent=2) + "\n"


def as_text(plan: Plan, budget: Budget, lang: str = "en") -> str:
    gettext = catalog.translations(lang).gettext
    words = {key: gettext(message) for key, message in LABELS.items()}
    lines = [words["title"].format(term=plan.term.label)]
    if any(rates.illustrative for rates in plan.cost_rates):
        lines.append(words["illustrative"])
    by_id = {period.id: period for period in budget.periods}
    for period in budget.periods:
        depth, parent = 0, period.within
        while parent is not None:
            depth, parent = depth + 1, by_id[parent].within
        indent = "  " * depth
        currency = period.currency

        def money(value: Decimal, currency: str = currency) -> str:
            return format_money(value, currency, lang)

        name = period.period.format(lang)
        if period.appropriation is None and period.within is not None:
            heading = words["part"].format(
                period=name, parent=by_id[period.within].period.format(lang)
            )
        else:
            heading = words["period"].format(period=name, basis=period.basis)
        lines.append("")
        lines.append(indent + heading)
        if period.appropriation is None:
            lines.append(
                indent + "  " + words["planned_only"].format(planned=money(period.planned))
            )
        else:
            balance = period.balance
            assert balance is not None
            figures = words["figures"].format(
                appropriation=money(period.appropriation),
                planned=money(period.planned),
                balance=money(balance),
            )
            if period.share_used is not None:
                share = format_amount(period.share_used * 100, lang)
                figures += words["share"].format(share=share)
            lines.append(indent + "  " + figures)
        if period.meetings and not period.counted:
            lines.append(indent + "  " + words["information"])
        elif period.counted:
            lines.append(indent + "  " + words["meetings"].format(count=len(period.counted)))
        for month, planned in period.months():
            lines.append(
                indent + "    " + words["month"].format(month=month, planned=money(planned))
            )
    for key, costs in (("unplaced", budget.unplaced), ("unrated", budget.unrated)):
        if costs:
            dates = ", ".join(cost.meeting.date.isoformat() for cost in costs)
            lines.extend(["", words[key].format(dates=dates)])
    return "\n".join(lines) + "\n"

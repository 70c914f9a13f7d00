"""Small plans for the budget tests: the model plan's rates, and meetings as each test needs."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from comitia.plan import Appropriation, CostRates, Meeting, Plan
from comitia.plan.files import read_plan
from tests.checks.plans import plan

MODEL_PLAN = Path(__file__).resolve().parents[2] / "examples" / "oas-csh-2019-2020.yaml"

# Illustrative rates (as the model plan's): a half-day at the headquarters with four
# languages costs 600 + 4 x 750 = 3,600; a full day 1,100 + 4 x 1,400 = 6,700.
RATES = CostRates.model_validate(
    {
        "id": "rates",
        "period": "2019-10/2020-09",
        "room": {
            "headquarters": {"half_day": "600", "full_day": "1100"},
            "elsewhere": {"half_day": "1200", "full_day": "2200"},
        },
        "interpretation": {"unit": "team", "half_day": "750", "full_day": "1400"},
        "translation_per_page": "40",
        "illustrative": True,
    }
)


def model_plan() -> Plan:
    return read_plan(MODEL_PLAN)


def appropriation(ident: str, period: str, amount: str, **values: Any) -> Appropriation:
    return Appropriation.model_validate(
        {"id": ident, "period": period, "amount": amount, "basis": "CP/RES. 1138/19", **values}
    )


def meeting(
    ident: str, day: dt.date, start: str = "10:00", end: str = "13:00", **values: Any
) -> Meeting:
    return Meeting.model_validate({"id": ident, "date": day, "start": start, "end": end, **values})


def budget_plan(meetings: list[Meeting], *appropriations: Appropriation, **values: Any) -> Plan:
    return plan(
        meetings=meetings,
        appropriations=list(appropriations) or [appropriation("year-2020", "2020", "105000")],
        cost_rates=[RATES],
        **values,
    )


def full_days(count: int, first: dt.date = dt.date(2020, 6, 1)) -> list[Meeting]:
    """``count`` full-day meetings on weekdays from ``first``, one a day."""
    days, day = [], first
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day += dt.timedelta(days=1)
    return [meeting(f"extra-{d:%Y-%m-%d}", d, "10:00", "17:30") for d in days]


HALF_DAY = Decimal(3600)
FULL_DAY = Decimal(6700)

"""Benchmark: the budget (planned cost against appropriations) of the model plan and of a
plan of 2,000 meetings.

Run on demand (``.venv/bin/python benchmarks/bench_budget.py``); it prints figures and never
fails on a slow machine. Target (issue 19): the budget of a 2,000-meeting plan under 50 ms.

The generated plan spans ten years of 200 meetings each (morning, afternoon and full-day
sessions, some away from the headquarters, some cancelled, some paid by another body or with
a stated cost, some with their own languages and pages), with an appropriation per year, a
sub-period with its own amount (October to December), two semesters named without amounts,
and cost rates per year: every branch of the calculation has work.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from timing import median_ms, print_reference  # noqa: E402

from comitia.budget import plan_budget  # noqa: E402
from comitia.plan import Plan  # noqa: E402
from comitia.plan.files import read_plan  # noqa: E402

MODEL_PLAN = ROOT / "examples" / "oas-csh-2019-2020.yaml"
FIRST_YEAR = 2019
HOURS = (("10:00", "13:00"), ("14:30", "17:30"), ("10:00", "17:30"))


def _weekdays(year: int, count: int) -> list[dt.date]:
    days, day = [], dt.date(year, 1, 2)
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def generated(meetings: int = 2000, years: int = 10) -> Plan:
    model = read_plan(MODEL_PLAN)
    data = model.model_dump(mode="python", exclude={"negotiation", "requested_events"})
    per_year = meetings // years
    rows = []
    for year in range(FIRST_YEAR, FIRST_YEAR + years):
        for index, day in enumerate(_weekdays(year, per_year)):
            start, end = HOURS[index % 3]
            costing = None
            if index % 11 == 3:
                costing = {"paid_by": "cp"}
            elif index % 13 == 5:
                costing = {"override": {"amount": "2150.75", "reason": {"fr": "Accord de siège"}}}
            elif index % 7 == 2:
                costing = {"languages": ["es", "en"], "pages": index % 40}
            rows.append(
                {
                    "id": f"m-{year}-{index}",
                    "date": day,
                    "start": start,
                    "end": end,
                    "status": "cancelled" if index % 17 == 0 else "scheduled",
                    "venue": {"fr": "Quito"} if index % 9 == 4 else None,
                    "costing": costing,
                }
            )
    rates = model.cost_rates[0].model_dump(mode="python")
    data.update(
        term={
            **data["term"],
            "start": dt.date(FIRST_YEAR, 1, 1),
            "end": dt.date(FIRST_YEAR + years - 1, 12, 31),
        },
        meetings=rows,
        activities=[],
        non_meeting_days=[],
        appropriations=[
            item
            for year in range(FIRST_YEAR, FIRST_YEAR + years)
            for item in (
                {
                    "id": f"y{year}",
                    "period": str(year),
                    "amount": 700000,
                    "basis": "CP/RES. 1138/19",
                    "parts": [f"{year}-40", f"{year}-41"],
                },
                {
                    "id": f"q{year}",
                    "period": f"{year}-10/{year}-12",
                    "amount": 170000,
                    "basis": "CP/RES. 1138/19",
                },
            )
        ],
        cost_rates=[
            {**rates, "id": f"r{year}", "period": str(year)}
            for year in range(FIRST_YEAR, FIRST_YEAR + years)
        ],
    )
    return Plan.model_validate(data)


def main() -> None:
    print_reference()
    model = read_plan(MODEL_PLAN)
    model_ms, budget = median_ms(lambda: plan_budget(model), 50)
    print(f"model plan ({len(model.meetings)} meetings, {len(budget.periods)} periods): "
          f"{model_ms:.2f} ms")  # fmt: skip
    plan = generated()
    ms, budget = median_ms(lambda: plan_budget(plan), 15)
    # What a reader of the budget asks for too: every period's figures and months.
    figures_ms, _ = median_ms(
        lambda: [(p.planned, p.balance, p.months()) for p in plan_budget(plan).periods], 15
    )
    print(f"generated plan ({len(plan.meetings)} meetings, {len(budget.periods)} periods): "
          f"{ms:.1f} ms; with every period's planned, balance and months: {figures_ms:.1f} ms "
          "(target < 50 ms)")  # fmt: skip


if __name__ == "__main__":
    main()

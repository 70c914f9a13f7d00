"""The calendar benchmark's large plan: the model plan repeated over years (1,044 events for 18).

Plain Python (no Django, no script-style imports), so the tests import it as
``benchmarks.large_plan`` to keep reference feeds of the very plan the benchmark times.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from comitia.plan import Plan

MODEL_PLAN = Path(__file__).resolve().parents[1] / "examples" / "oas-csh-2019-2020.yaml"
YEARS = 18


def over_years(plan: Plan, years: int = YEARS) -> Plan:
    """``plan`` repeated ``years`` times, each copy a year later, in one long term: as many
    meetings and activities a month as the model plan, and ``years`` times as many in all."""

    def later(day: dt.date, n: int) -> dt.date:
        return day.replace(year=day.year + n)

    def later_edtf(text: str, n: int) -> str:
        return re.sub(r"\b(\d{4})(?=-|\b)", lambda y: str(int(y[1]) + n), text)

    data = plan.model_dump(mode="python")
    meetings, activities, days = [], [], []
    for n in range(years):
        for meeting in plan.meetings:
            meetings.append(
                meeting.model_copy(
                    update={
                        "id": f"{meeting.id}-{n}",
                        "date": later(meeting.date, n),
                        "previous_dates": [later(d, n) for d in meeting.previous_dates],
                        "moves": [
                            move.model_copy(update={"date": later(move.date, n)})
                            for move in meeting.moves
                        ],
                    }
                )
            )
        for activity in plan.activities:
            activities.append(
                activity.model_copy(
                    update={"id": f"{activity.id}-{n}", "when": later_edtf(str(activity.when), n)}
                ).model_dump(mode="python")
            )
        days += [
            day.model_copy(update={"date": later(day.date, n)}) for day in plan.non_meeting_days
        ]
    data.update(
        meetings=[meeting.model_dump(mode="python") for meeting in meetings],
        activities=activities,
        non_meeting_days=[day.model_dump(mode="python") for day in days],
        requested_events=[],
        negotiation=None,
        term={**data["term"], "label": f"{years}-years", "end": later(plan.term.end, years - 1)},
    )
    data_any: Any = data
    return Plan.model_validate(data_any)

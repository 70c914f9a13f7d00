"""A larger plan made from a real one: the model plan repeated year after year in one term.

Plain Python (no Django). The same construction as ``benchmarks/bench_calendar.over_years``,
which builds the 1,044-event plan of the benchmarks (18 years); the tests use 10.
"""

from __future__ import annotations

import datetime as dt
import re

from comitia.plan import Plan


def over_years(plan: Plan, years: int) -> Plan:
    """``plan`` repeated ``years`` times, each copy a year later, in one long term: as many
    meetings and activities a month as ``plan``, and ``years`` times as many in all. Requested
    events and the negotiation, which name meetings of the first year, are left out."""

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
                ).model_dump(mode="python")
            )
        for activity in plan.activities:
            activities.append(
                activity.model_copy(
                    update={"id": f"{activity.id}-{n}", "when": later_edtf(str(activity.when), n)}
                ).model_dump(mode="python")
            )
        days += [
            day.model_copy(update={"date": later(day.date, n)}).model_dump(mode="python")
            for day in plan.non_meeting_days
        ]
    data.update(
        meetings=meetings,
        activities=activities,
        non_meeting_days=days,
        requested_events=[],
        negotiation=None,
        term={**data["term"], "label": f"{years}-years", "end": later(plan.term.end, years - 1)},
    )
    return Plan.model_validate(data)

"""Find another date for one meeting: the best few, each with why.

Every other meeting stays where it is; the meeting is placed by the same model as a whole
calendar (``solve``), once per proposal, each time with the days already proposed taken away,
so that the dates come best first and each is free of every hard constraint. For each date the
reasons say what was checked: the room and team it would use, that no meeting of the committee
is within the minimum gap, how the soft constraints change, and what it does to the budget.

Plain Python: never imports Django.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

from comitia.budget import PeriodChange, budget_changes, plan_budget
from comitia.plan import Plan
from comitia.schedule.evaluate import soft_cost
from comitia.schedule.problem import Half, Problem, build_problem
from comitia.schedule.proposal import hours_for
from comitia.schedule.solve import ALONE, Organization, Placement, SoftCost, solve

# Each proposal is one small solve: the meeting alone, the rest fixed.
PROPOSAL_TIME_LIMIT = 2.0


@dataclass(frozen=True)
class OtherDate:
    day: dt.date
    half: Half
    start: dt.time
    end: dt.time
    room: str | None
    team: str | None
    soft: SoftCost  # the whole calendar's soft cost with the meeting on this date
    soft_change: int  # against the calendar as it is (``now``)
    budget: tuple[PeriodChange, ...]
    now: SoftCost | None = None  # the calendar's soft cost as it is, the meeting where it is now


def other_dates(
    plan: Plan,
    meeting_id: str,
    *,
    today: dt.date | None = None,
    organization: Organization = ALONE,
    share: Callable[[Problem], Organization] | None = None,
    count: int = 5,
) -> list[OtherDate]:
    """Up to ``count`` days for ``meeting_id`` other than its own, best first.

    ``share``, when given, is called with the problem once it is built and gives the
    organization in place of ``organization``: ``shared.shared_with`` gives the demands the
    rooms and teams they may use, which it must do on the problem placed.

    Raises ``KeyError`` when the plan has no such meeting, and ``ValueError`` when it is held or
    cancelled.
    """
    meeting = next((m for m in plan.meetings if m.id == meeting_id), None)
    if meeting is None:
        raise KeyError(meeting_id)
    problem = build_problem(plan, today=today, place=[meeting_id])
    if meeting_id in problem.kept or all(d.id != meeting_id for d in problem.demands):
        raise ValueError(f"the meeting {meeting_id} is held, cancelled or before today")
    if share is not None:
        organization = share(problem)
    # The soft costs are counted on the calendar as it is, every meeting on its day and half,
    # and as each date would make it: a solve pinned to the meeting's day could give it
    # another half, and the difference would not be the move's.
    current = {
        d.id: Placement(d.id, problem.committee, d.current, d.current_half, d.full_day, None, None)
        for d in problem.demands
    }
    now = soft_cost([problem], current)
    before = plan_budget(plan)
    found: list[OtherDate] = []
    taken = {meeting.date}
    while len(found) < count:
        candidate = _without(problem, meeting_id, taken)
        if not candidate.demand(meeting_id).days:
            break
        outcome = solve([candidate], organization, time_limit=PROPOSAL_TIME_LIMIT)
        if not outcome.feasible:
            break
        placement = outcome.placements[meeting_id]
        soft = soft_cost([problem], current | {meeting_id: placement})
        start, end = hours_for(problem, meeting, placement)
        moved = meeting.model_copy(update={"date": placement.day, "start": start, "end": end})
        after = plan_budget(
            plan.model_copy(
                update={"meetings": [moved if m.id == meeting_id else m for m in plan.meetings]}
            )
        )
        found.append(
            OtherDate(
                placement.day,
                placement.half,
                start,
                end,
                placement.room,
                placement.team,
                soft,
                soft.total - now.total,
                tuple(budget_changes(before, after)),
                now,
            )
        )
        taken.add(placement.day)
    return found


def _without(problem: Problem, meeting_id: str, taken: set[dt.date]) -> Problem:
    demands = [
        replace(d, days=[day for day in d.days if day not in taken]) if d.id == meeting_id else d
        for d in problem.demands
    ]
    return replace(problem, demands=demands)

"""Count what a calendar breaks, apart from the solver that made it.

``violations`` lists every hard constraint a set of placements breaks, and ``soft_cost`` what
its soft constraints cost, by the same weights the solver minimises. Written straight from the
rules rather than from the model, they check the solver's proposals in the tests and measure
the benchmark's greedy baseline by the same yardstick.

Plain Python: never imports Django.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from comitia.plan import MeetingKind
from comitia.schedule.problem import Family, Half, Problem
from comitia.schedule.solve import (
    MOST_WEEKS_AWAY,
    Organization,
    Placement,
    SoftCost,
)


@dataclass(frozen=True)
class Violation:
    family: Family
    meetings: tuple[str, ...]
    day: dt.date | None = None


def _halves(placement: Placement) -> tuple[Half, ...]:
    return (Half.MORNING, Half.AFTERNOON) if placement.full_day else (placement.half,)


def violations(
    problems: Sequence[Problem],
    organization: Organization,
    placements: Mapping[str, Placement],
) -> Iterator[Violation]:
    """Every hard constraint ``placements`` break; a demand not placed is a TERM violation."""
    for problem in problems:
        for demand in problem.demands:
            placement = placements.get(demand.id)
            if placement is None:
                yield Violation(Family.TERM, (demand.id,))
                continue
            day = placement.day
            if day not in demand.days:
                yield Violation(Family.TERM, (demand.id,), day)
            elif day in demand.excluded:
                yield Violation(demand.excluded[day], (demand.id,), day)
            if demand.fixed is not None and day != demand.fixed:
                assert demand.fixed_family is not None
                yield Violation(demand.fixed_family, (demand.id,), day)
            if demand.window is not None and demand.movable and not demand.window.holds(day):
                yield Violation(Family.REVIEW, (demand.id,), day)
        yield from _order(problem, placements)
        yield from _follows(problem, placements)
        yield from _gap(problem, placements)
        yield from _budget(problem, placements)
    yield from _resources(organization, placements)


def _follows(problem: Problem, placements: Mapping[str, Placement]) -> Iterator[Violation]:
    for earlier, later, _item in problem.follows:
        first, second = placements.get(earlier), placements.get(later)
        if first and second and not first.day < second.day:
            yield Violation(Family.AGENDA, (earlier, later), second.day)


def _order(problem: Problem, placements: Mapping[str, Placement]) -> Iterator[Violation]:
    for earlier, later, _step in problem.order:
        first, second = placements.get(earlier), placements.get(later)
        if first and second and not first.day < second.day:
            yield Violation(Family.ORDER, (earlier, later), second.day)
    opening = placements.get(problem.first_of_review or "")
    if opening is None:
        return
    for demand in problem.demands:
        other = placements.get(demand.id)
        if demand.window is None or other is None or demand.id == opening.meeting:
            continue
        if (other.day, other.half) <= (opening.day, opening.half):
            yield Violation(Family.ORDER, (opening.meeting, demand.id), other.day)


def _gap(problem: Problem, placements: Mapping[str, Placement]) -> Iterator[Violation]:
    placed = sorted(
        (p for d in problem.demands if (p := placements.get(d.id)) is not None),
        key=lambda p: p.day,
    )
    for first, second in itertools.pairwise(placed):
        if (second.day - first.day).days < problem.min_gap_days:
            yield Violation(Family.GAP, (first.meeting, second.meeting), second.day)


def _budget(problem: Problem, placements: Mapping[str, Placement]) -> Iterator[Violation]:
    for ceiling in problem.ceilings:
        inside = [
            d
            for d in problem.demands
            if (p := placements.get(d.id)) is not None and ceiling.first <= p.day <= ceiling.last
        ]
        if sum(d.costs.get(ceiling.id, 0) for d in inside) > ceiling.available:
            yield Violation(Family.BUDGET, tuple(d.id for d in inside))


def _resources(
    organization: Organization, placements: Mapping[str, Placement]
) -> Iterator[Violation]:
    for family, resources, attribute in (
        (Family.ROOMS, organization.rooms, "room"),
        (Family.TEAMS, organization.teams, "team"),
    ):
        taken: dict[tuple[str, dt.date, Half], list[str]] = defaultdict(list)
        per_day: Counter[tuple[str, dt.date]] = Counter()
        for busy in organization.busy:
            resource = busy.room if attribute == "room" else busy.team
            if resource is not None:
                for half in busy.halves:
                    taken[resource, busy.day, half].append(busy.meeting)
                per_day[resource, busy.day] += 1
        for placement in placements.values():
            resource = getattr(placement, attribute)
            if resource is None:
                continue
            for half in _halves(placement):
                taken[resource, placement.day, half].append(placement.meeting)
            per_day[resource, placement.day] += 1
        limits = {r.id: r for r in resources}
        for (resource, day, _half), meetings in taken.items():
            if len(meetings) > 1 or day in limits[resource].unavailable:
                yield Violation(family, tuple(meetings), day)
        for (resource, day), count in per_day.items():
            cap = limits[resource].per_day
            if cap is not None and count > cap:
                yield Violation(family, (resource,), day)


def soft_cost(problems: Sequence[Problem], placements: Mapping[str, Placement]) -> SoftCost:
    """What the soft constraints cost for ``placements``, as the solver counts them."""
    off_weekday = moved = off_hours = crowded = away = 0
    for problem in problems:
        weeks: Counter[tuple[int, int]] = Counter()
        for demand in problem.demands:
            placement = placements.get(demand.id)
            if placement is None:
                continue
            weeks[placement.day.isocalendar()[:2]] += 1
            if not demand.movable:
                continue
            if (
                demand.kind is MeetingKind.REGULAR
                and problem.usual_weekdays
                and placement.day.isoweekday() not in problem.usual_weekdays
            ):
                off_weekday += 1
            if demand.published and placement.day != demand.current:
                moved += 1
            distance = abs((placement.day - demand.current).days)
            if distance >= 7:
                away += min(distance // 7, MOST_WEEKS_AWAY)
            if not demand.full_day and placement.half is not problem.usual_half:
                off_hours += 1
        crowded += sum(count - 1 for count in weeks.values() if count > 1)
    return SoftCost(off_weekday, moved, off_hours, crowded, away)

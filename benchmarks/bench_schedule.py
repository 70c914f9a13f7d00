"""Benchmark: the scheduler against a greedy first-fit baseline, in the same run.

Run on demand (``.venv/bin/python benchmarks/bench_schedule.py``); it prints figures and never
fails on a slow machine. Targets (issue 25): the model plan's 20 meetings re-planned from
scratch, feasible in under 1 s; six committees with 120 meetings sharing three rooms and two
interpretation teams over a year, a proposal within 10 s; for both, the hard and soft
violations of the proposal and of the baseline.

The six committees are the model plan six times over, an illustrative organization and not
real data: the first keeps the model's requested events, the others drop theirs (the same
stated dates six times over would leave no calendar); three meet in the four languages, three
in English and Spanish; the rooms hold four, four and two languages' booths; one team covers
the four languages, the other English and Spanish, two meetings a day each.

The baseline places each meeting, in the order of its current date, on the first day and half
(its own day first, then the nearest others) where every hard constraint still holds against
what it has already placed, or on its own day when none does.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from timing import print_reference  # noqa: E402

from comitia.plan import Plan  # noqa: E402
from comitia.plan.files import read_plan  # noqa: E402
from comitia.schedule.evaluate import soft_cost, violations  # noqa: E402
from comitia.schedule.problem import (  # noqa: E402
    Demand,
    Half,
    Problem,
    Resource,
    build_problem,
    give_resources,
)
from comitia.schedule.solve import Organization, Placement, solve  # noqa: E402

MODEL_PLAN = ROOT / "examples" / "oas-csh-2019-2020.yaml"
FOUR = frozenset({"en", "es", "fr", "pt"})
TWO = frozenset({"en", "es"})
ROOMS = (
    Resource("room-a", "Room A", FOUR),
    Resource("room-b", "Room B", FOUR),
    Resource("room-c", "Room C", TWO),
)
TEAMS = (
    Resource("team-four", "Team of four languages", FOUR, per_day=2),
    Resource("team-two", "English-Spanish team", TWO, per_day=2),
)


def committees(model: Plan, count: int = 6) -> list[Problem]:
    problems = []
    for index in range(count):
        name = model.term.committee if index == 0 else f"committee-{index}"
        plan = model.model_copy(
            update={
                "term": model.term.model_copy(update={"committee": name}),
                "requested_events": model.requested_events if index == 0 else [],
            }
        )
        problem = build_problem(plan)
        for demand in problem.demands:
            demand.id = f"{name}/{demand.id}"
        problem.order = [(f"{name}/{a}", f"{name}/{b}", step) for a, b, step in problem.order]
        if problem.first_of_review:
            problem.first_of_review = f"{name}/{problem.first_of_review}"
        languages = FOUR if index < count // 2 else TWO
        give_resources(problem, ROOMS, TEAMS, {d.id: languages for d in problem.demands})
        problems.append(problem)
    return problems


def _fits(
    demand: Demand,
    problem: Problem,
    day: dt.date,
    half: Half,
    room: str | None,
    team: str | None,
    placed: dict[str, Placement],
    taken: dict[tuple[str, dt.date, Half], str],
    per_day: dict[tuple[str, dt.date], int],
    spent: dict[str, int],
) -> bool:
    if day in demand.excluded or (demand.fixed is not None and day != demand.fixed):
        return False
    if demand.window is not None and not demand.window.holds(day):
        return False
    own = [placed[d.id] for d in problem.demands if d.id in placed]
    if any(abs((p.day - day).days) < problem.min_gap_days for p in own):
        return False
    for earlier, later, _step in problem.order:
        if later == demand.id and earlier in placed and not placed[earlier].day < day:
            return False
        if earlier == demand.id and later in placed and not day < placed[later].day:
            return False
    halves = (Half.MORNING, Half.AFTERNOON) if demand.full_day else (half,)
    limits = {r.id: r for r in (*ROOMS, *TEAMS)}
    for resource in (room, team):
        if resource is None:
            continue
        if any((resource, day, h) in taken for h in halves):
            return False
        cap = limits[resource].per_day
        if cap is not None and per_day[resource, day] >= cap:
            return False
    for ceiling in problem.ceilings:
        cost = spent[ceiling.id] + demand.costs.get(ceiling.id, 0)
        if ceiling.first <= day <= ceiling.last and cost > ceiling.available:
            return False
    return True


def greedy(problems: Sequence[Problem]) -> dict[str, Placement]:
    placed: dict[str, Placement] = {}
    taken: dict[tuple[str, dt.date, Half], str] = {}
    per_day: dict[tuple[str, dt.date], int] = defaultdict(int)
    spent: dict[str, int] = defaultdict(int)
    queue = sorted(
        ((problem, d) for problem in problems for d in problem.demands),
        key=lambda item: (item[1].movable, item[1].fixed is None, item[1].current, item[1].id),
    )
    for problem, demand in queue:
        days = sorted(demand.days, key=lambda day: (abs((day - demand.current).days), day))
        halves = (problem.usual_half, Half(1 - problem.usual_half))
        choice = None
        for day in days:
            for half in (Half.MORNING,) if demand.full_day else halves:
                for room in demand.rooms or [None]:
                    for team in demand.teams or [None]:
                        if _fits(
                            demand, problem, day, half, room, team, placed, taken, per_day, spent
                        ):
                            choice = (day, half, room, team)
                            break
                    if choice:
                        break
                if choice:
                    break
            if choice:
                break
        if choice is None:  # nothing fits: it stays on its own day, breaking what it breaks
            room = demand.rooms[0] if demand.rooms else None
            team = demand.teams[0] if demand.teams else None
            choice = (demand.current, demand.current_half, room, team)
        day, half, room, team = choice
        placement = Placement(demand.id, demand.committee, day, half, demand.full_day, room, team)
        placed[demand.id] = placement
        for h in (Half.MORNING, Half.AFTERNOON) if demand.full_day else (half,):
            for resource in (room, team):
                if resource is not None:
                    taken[resource, day, h] = demand.id
        for resource in (room, team):
            if resource is not None:
                per_day[resource, day] += 1
        for ceiling in problem.ceilings:
            if ceiling.first <= day <= ceiling.last:
                spent[ceiling.id] += demand.costs.get(ceiling.id, 0)
    return placed


def report(label: str, problems: Sequence[Problem], organization: Organization) -> None:
    started, cpu_started = time.perf_counter(), time.process_time()
    outcome = solve(problems, organization, time_limit=10)
    seconds = time.perf_counter() - started
    # The solver runs one search worker in this process: its CPU time is what the proposal
    # costs, whatever else the machine runs; the wall time is what a user waits on this one.
    cpu_seconds = time.process_time() - cpu_started
    started = time.perf_counter()
    baseline = greedy(problems)
    greedy_ms = (time.perf_counter() - started) * 1000
    meetings = sum(len(p.demands) for p in problems)
    print(f"{label}: {meetings} meetings")
    for name, placements, timing in (
        (
            "CP-SAT",
            outcome.placements,
            f"{seconds:.2f} s ({cpu_seconds:.2f} s CPU), optimal: {outcome.optimal}",
        ),
        ("greedy", baseline, f"{greedy_ms:.0f} ms"),
    ):
        hard = list(violations(problems, organization, placements))
        soft = soft_cost(problems, placements)
        print(
            f"  {name:7} {timing}; hard violations {len(hard)}; soft cost {soft.total} "
            f"(off weekday {soft.off_weekday}, moved {soft.moved}, weeks away "
            f"{soft.weeks_away}, off hours {soft.off_hours}, crowded {soft.crowded_weeks})"
        )


def main() -> None:
    print_reference()
    model = read_plan(MODEL_PLAN)
    report("model plan, re-planned from scratch", [build_problem(model)], Organization())
    report(
        "six committees, three rooms, two interpretation teams",
        committees(model),
        Organization(rooms=ROOMS, teams=TEAMS),
    )


if __name__ == "__main__":
    main()

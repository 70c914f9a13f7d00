"""Benchmark: the checks across committees (ORG) over 10 committees of 100 meetings each.

Run on demand (``.venv/bin/python benchmarks/bench_committees.py``); it prints figures and
never fails on a slow machine. Target (issue 24): every committee checked against the nine
others, 10 × 100 meetings sharing three rooms and three interpretation teams, under 1 s in
all. Beside it, in the same run: the reference of ``timing.py`` and a naive comparison of
every pair of meetings, to show what the sweep saves.

The committees meet on working days of one year, mornings and afternoons, in rooms and with
teams drawn at random (fixed seed), so that some meetings clash: every rule has work.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from timing import median_ms, print_reference  # noqa: E402

from comitia.checks import OtherCommittee, run_checks  # noqa: E402
from comitia.plan import (  # noqa: E402
    Body,
    InterpretationTeam,
    Language,
    Meeting,
    Organization,
    Plan,
    Room,
    Text,
)
from comitia.plan.entities import Term  # noqa: E402

COMMITTEES, MEETINGS = 10, 100
ORG_CODES = ["ORG001", "ORG002", "ORG003", "ORG004", "ORG005", "ORG006", "ORG007"]
START = dt.date(2019, 10, 1)
ORGANIZATION = Organization(
    id="org",
    name=Text.of("en", "Organization"),
    rooms=[
        Room(id="r1", name=Text.of("en", "Room 1"), capacity=200, booths=list(Language)),
        Room(id="r2", name=Text.of("en", "Room 2"), capacity=80, booths=list(Language)),
        Room(
            id="r3",
            name=Text.of("en", "Room 3"),
            capacity=40,
            booths=[Language.EN, Language.ES],
            unavailable=[START + dt.timedelta(days=30)],
        ),
    ],
    teams=[
        InterpretationTeam(
            id="t1", name=Text.of("en", "Team 1"), languages=list(Language), meetings_per_day=2
        ),
        InterpretationTeam(
            id="t2", name=Text.of("en", "Team 2"), languages=list(Language), meetings_per_day=2
        ),
        InterpretationTeam(
            id="t3", name=Text.of("en", "Team 3"), languages=[Language.EN, Language.ES]
        ),
    ],
)


def working_days(count: int) -> list[dt.date]:
    days, day = [], START
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def committee_plan(index: int, rng: random.Random) -> Plan:
    committee = f"c{index}"
    days = working_days(240)
    meetings = []
    for number in range(MEETINGS):
        morning = rng.random() < 0.6
        meetings.append(
            Meeting(
                id=f"{committee}-{number}",
                date=rng.choice(days),
                start="10:00" if morning else "15:00",
                end="13:00" if morning else "18:00",
                room=rng.choice(["r1", "r2", "r3"]),
                team=rng.choice(["t1", "t2", "t3"]),
                languages=rng.choice([None, [Language.EN, Language.ES]]),
            )
        )
    return Plan(
        language=Language.EN,
        term=Term(committee=committee, label="2019-2020", start=START, end=dt.date(2020, 9, 30)),
        bodies=[
            Body(id=committee, acronym=Text.of("en", committee.upper()), name=Text.of("en", "C"))
        ],
        meetings=meetings,
    )


def check_all(plans: list[Plan], neighbours: list[OtherCommittee]) -> int:
    """Every committee's ORG findings against the nine others; how many findings in all."""
    found = 0
    for index, plan in enumerate(plans):
        others = neighbours[:index] + neighbours[index + 1 :]
        found += len(
            run_checks(plan, today=START, codes=ORG_CODES, organization=ORGANIZATION, others=others)
        )
    return found


def naive_pairs(plans: list[Plan]) -> int:
    """Room clashes by comparing every pair of meetings of the organization."""
    meetings = [meeting for plan in plans for meeting in plan.meetings]
    return sum(
        1
        for a, b in itertools.combinations(meetings, 2)
        if a.room == b.room and a.date == b.date and a.start < b.end and b.start < a.end
    )


def main() -> None:
    print_reference()
    rng = random.Random(24)
    started = time.perf_counter()
    plans = [committee_plan(index, rng) for index in range(COMMITTEES)]
    neighbours = [OtherCommittee.of_plan(plan) for plan in plans]
    built = (time.perf_counter() - started) * 1000
    print(f"built {COMMITTEES} committees × {MEETINGS} meetings in {built:.0f} ms")
    elapsed, found = median_ms(lambda: check_all(plans, neighbours), 5)
    verdict = "under" if elapsed < 1000 else "OVER"
    print(
        f"ORG checks of every committee against the others: {elapsed:.1f} ms "
        f"({found} findings), {verdict} the 1 s target"
    )
    room_findings = sum(
        len(
            run_checks(
                plan,
                today=START,
                codes=["ORG001"],
                organization=ORGANIZATION,
                others=neighbours[:i] + neighbours[i + 1 :],
            )
        )
        for i, plan in enumerate(plans)
    )
    naive, pairs = median_ms(lambda: naive_pairs(plans), 3)
    print(
        f"naive comparison of every pair of the {COMMITTEES * MEETINGS} meetings (rooms only): "
        f"{naive:.1f} ms, {pairs} clashing pairs (the sweep's ORG001 findings: {room_findings},"
        " each pair found once from each committee's side, or once within a committee)"
    )


if __name__ == "__main__":
    main()

"""Benchmark: all the consistency checks over the model plan and over generated plans.

Run on demand (``.venv/bin/python benchmarks/bench_checks.py``); it prints figures and never
fails on a slow machine. Targets (issue 6): the model plan under 50 ms, a plan of 5,000
meetings and activities under 1 s, and time that grows no worse than n log n, shown by the
time per item and per n·log2(n) across sizes 1k, 2k, 5k and 10k.

The generated plans are realistic rather than adversarial: meetings on working days, two a day
at most and sometimes clashing, activities of a few bodies with a few repeated titles, a
summary claim for every meeting and activity (some wrong), and counts; every rule has work.
"""

from __future__ import annotations

import datetime as dt
import gc
import math
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from timing import print_reference  # noqa: E402

from comitia.checks import run_checks  # noqa: E402
from comitia.plan import (  # noqa: E402
    Activity,
    AgendaKind,
    AgendaNode,
    Body,
    Citation,
    ClaimedCount,
    CountClaim,
    Language,
    Mandate,
    MandateGroup,
    Meeting,
    NonMeetingDay,
    Plan,
    SummaryClaim,
    Text,
)
from comitia.plan.entities import Term, ThematicArea  # noqa: E402
from comitia.plan.files import read_plan  # noqa: E402

MODEL_PLAN = ROOT / "examples" / "oas-csh-2019-2020.yaml"
START = dt.date(2019, 10, 1)
BODIES = ("ssm", "jid", "cicte", "cicad", "cid")
TITLES = (
    "Réunion ordinaire du Conseil des délégués",
    "Séminaire sur la cyberdéfense et la sécurité",
    "Conférence sur la situation mondiale",
    "Atelier de formation aux mesures de confiance",
    "Groupe d’experts sur le narcotrafic maritime",
)


def fr(value: str) -> Text:
    return Text.of("fr", value)


def working_days(count: int) -> list[dt.date]:
    days, day = [], START
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def generated(size: int) -> Plan:
    """A plan with ``size`` meetings and activities, half each."""
    meetings_count, activities_count = size // 2, size - size // 2
    days = working_days(meetings_count // 2 + 1)
    meetings = []
    for index in range(meetings_count):
        day = days[index // 2]
        afternoon = index % 2 == 1
        start = dt.time(15, 0) if afternoon else dt.time(10, 0)
        if afternoon and index % 50 == 1:
            start = dt.time(12, 0)  # a clash now and then
        agenda = [
            AgendaNode(
                kind=AgendaKind.AREA,
                area="securite" if index % 2 else "armes",
                items=[
                    AgendaNode(
                        title=fr(f"Exposé du SSM sur le point {index}"),
                        presenters=[BODIES[index % len(BODIES)]],
                        citations=[Citation(mandate="res", paragraphs=[str(index % 150 + 1)])],
                        documents=[f"CP/CSH-{1000 + index}/19"],
                    )
                ],
            )
        ]
        meetings.append(
            Meeting(
                id=f"m{index}",
                date=day,
                start=start,
                end=dt.time(17, 30) if afternoon else dt.time(13, 0),
                provisional=index % 7 == 0,
                previous_dates=[day + dt.timedelta(days=7)] if index % 11 == 0 else [],
                agenda=agenda,
            )
        )
    end = days[-1] + dt.timedelta(days=30)
    activities = []
    for index in range(activities_count):
        first = START + dt.timedelta(days=(index * (end - START).days) // max(activities_count, 1))
        length = index % 4
        when = first.isoformat()
        if length:
            when += "/" + (first + dt.timedelta(days=length)).isoformat()
        activities.append(
            Activity(
                id=f"a{index}",
                title=fr(f"{TITLES[index % len(TITLES)]} nº {index // 25}"),
                body=BODIES[index % len(BODIES)],
                when=when,
            )
        )
    claims = [
        SummaryClaim(when=m.date.isoformat(), title=fr("Réunion de la CSH"), committee=True)
        for m in meetings[::2]
    ] + [
        SummaryClaim(when=str(a.when), title=a.title, committee=False)
        for i, a in enumerate(activities)
        if i % 3
    ]
    return Plan(
        language=Language.FR,
        term=Term(committee="csh", label="bench", start=START, end=end),
        bodies=[
            Body(id="csh", acronym=fr("CSH"), name=fr("Commission")),
            *(Body(id=b, acronym=fr(b.upper()), name=fr(b)) for b in BODIES),
        ],
        thematic_areas=[
            ThematicArea(id="securite", number=1, title=fr("Sécurité")),
            ThematicArea(id="armes", number=2, title=fr("Armes")),
        ],
        mandates=[
            Mandate(
                id="res",
                group=MandateGroup.GENERAL_ASSEMBLY,
                title=fr("Résolution"),
                source="AG/RES. 2945 (XLIX-O/19)",
                excluded_paragraphs=["72", "81"],
            )
        ],
        meetings=meetings,
        activities=activities,
        non_meeting_days=[NonMeetingDay(date=days[3], name=fr("Jour férié"))],
        summary_claims=claims,
        count_claims=[
            CountClaim(counts=ClaimedCount.REGULAR_MEETINGS, number=13, text=fr("13 réunions"))
        ],
    )


def timed(action: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """The best wall time of ``repeat`` runs of ``action``, in milliseconds, and its result.

    The best, not the median: on a shared machine the other runs measure the neighbours. As
    ``timeit`` does, the cyclic garbage collector is off while timing: its full collections
    walk every live object, plan included, and would add a cost that grows with the size of
    the process rather than with the work of the checks.
    """
    times, result = [], None
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            started = time.perf_counter()
            result = action()
            times.append((time.perf_counter() - started) * 1000)
        finally:
            gc.enable()
    return min(times), result


def main() -> None:
    print_reference()
    today = dt.date(2019, 11, 7)
    model = read_plan(MODEL_PLAN)
    model_ms, found = timed(lambda: run_checks(model, today=today), 20)
    print(f"model plan ({len(model.meetings)} meetings, {len(model.activities)} activities): "
          f"{model_ms:.1f} ms, {len(found)} findings (target < 50 ms)")  # fmt: skip
    print(f"{'size':>7}{'meetings':>10}{'activities':>12}{'claims':>8}{'findings':>10}"
          f"{'ms':>9}{'µs/item':>9}{'ns/(n log2 n)':>15}")  # fmt: skip
    for size in (1000, 2000, 5000, 10000):
        plan = generated(size)
        ms, found = timed(lambda plan=plan: run_checks(plan, today=today), 3)
        per_item = ms * 1000 / size
        per_nlogn = ms * 1e6 / (size * math.log2(size))
        print(
            f"{size:>7}{len(plan.meetings):>10}{len(plan.activities):>12}"
            f"{len(plan.summary_claims):>8}{len(found):>10}{ms:>9.1f}{per_item:>9.1f}"
            f"{per_nlogn:>15.1f}"
        )
    print("target: 5,000 meetings and activities < 1,000 ms; µs/item roughly flat (n log n)")


if __name__ == "__main__":
    main()

"""Benchmark: reading, loading and dumping the model plan and a plan ten times its size.

Run on demand (``make bench`` or ``.venv/bin/python benchmarks/bench_plan.py``); it prints
figures and never fails on a slow machine. It uses a fresh SQLite file unless DATABASE_URL is
set, so it can be pointed at PostgreSQL too. Targets (issue 2): loading the model plan under one
second on SQLite, time growing linearly with size, and a query count that does not grow.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Any

from timing import median_ms, print_reference
from web_setup import migrated_database

ROOT = Path(__file__).resolve().parents[1]
MODEL_PLAN = ROOT / "examples" / "oas-csh-2019-2020.yaml"


def scaled(plan: Any, factor: int) -> Any:
    """``plan`` with its meetings and activities repeated ``factor`` times under new ids."""
    meetings = [
        meeting.model_copy(update={"id": f"{meeting.id}-{copy}"})
        for copy in range(factor)
        for meeting in plan.meetings
    ]
    activities = [
        activity.model_copy(update={"id": f"{activity.id}-{copy}"})
        for copy in range(factor)
        for activity in plan.activities
    ]
    # References to meetings and activities point at the first copy.
    events = [
        event.model_copy(
            update={
                "meeting": event.meeting and f"{event.meeting}-0",
                "activity": event.activity and f"{event.activity}-0",
            }
        )
        for event in plan.requested_events
    ]
    negotiation = plan.negotiation and plan.negotiation.model_copy(
        update={
            "milestones": [
                milestone.model_copy(
                    update={"meeting": milestone.meeting and f"{milestone.meeting}-0"}
                )
                for milestone in plan.negotiation.milestones
            ]
        }
    )
    return plan.model_copy(
        update={
            "meetings": meetings,
            "activities": activities,
            "requested_events": events,
            "negotiation": negotiation,
        }
    )


def main() -> None:
    print_reference()
    database = migrated_database()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from comitia.plan.files import read_plan
    from comitia.web.plans.convert import delete_term, load_plan, save_plan
    from comitia.web.plans.models import Term

    read_ms, model = median_ms(lambda: read_plan(MODEL_PLAN), 5)
    print(f"read and validate {MODEL_PLAN.name}: {read_ms:.1f} ms")
    print(
        f"{'plan':<12}{'meetings':>9}{'activities':>11}{'agenda':>8}"
        f"{'load ms':>10}{'queries':>9}{'replace ms':>12}{'queries':>9}"
        f"{'dump ms':>10}{'queries':>9}"
    )
    for label, factor in (("model", 1), ("model x10", 10)):
        plan = model if factor == 1 else scaled(model, factor)
        agenda = sum(len(meeting.agenda_nodes()) for meeting in plan.meetings)

        def load_fresh(plan: Any = plan) -> Any:
            for term in Term.objects.all():
                delete_term(term)
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                term = save_plan(plan)
                elapsed = (time.perf_counter() - started) * 1000
            return elapsed, len(queries), term

        runs = [load_fresh() for _ in range(3)]
        load_ms = statistics.median(run[0] for run in runs)
        load_queries, term = runs[-1][1], runs[-1][2]
        with CaptureQueriesContext(connection) as replace_queries:
            save_plan(plan, replace=True)
        replace_ms, term = median_ms(lambda plan=plan: save_plan(plan, replace=True), 3)
        with CaptureQueriesContext(connection) as dump_queries:
            dumped = load_plan(term)
        dump_ms, dumped = median_ms(lambda term=term: load_plan(term), 3)
        assert dumped == plan, "the dumped plan differs from the loaded one"
        print(
            f"{label:<12}{len(plan.meetings):>9}{len(plan.activities):>11}{agenda:>8}"
            f"{load_ms:>10.1f}{load_queries:>9}{replace_ms:>12.1f}{len(replace_queries):>9}"
            f"{dump_ms:>10.1f}{len(dump_queries):>9}"
        )
    if database is not None:
        print(f"(SQLite file {database})")


if __name__ == "__main__":
    main()

"""Benchmark: deleting a term from the database (``convert.delete_term``), as ``comitia load
--replace`` does before it writes the new plan, on the model plan and on the 1,044-event plan
of bench_calendar (the model plan over 18 years).

Run on demand (``.venv/bin/python benchmarks/bench_delete_term.py``); it prints figures and
never fails on a slow machine. It uses a fresh SQLite file unless DATABASE_URL is set. Each
run saves the plan afresh, then times its deletion alone and counts its queries; the whole
replacement (``save_plan(replace=True)``) is timed beside it.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path
from typing import Any

from timing import median_ms, print_reference
from web_setup import migrated_database

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from benchmarks.bench_calendar import over_years  # noqa: E402
from benchmarks.bench_plan import MODEL_PLAN  # noqa: E402

REPEAT = 5


def main() -> None:
    migrated_database()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from comitia.plan.files import read_plan
    from comitia.web.plans.convert import delete_term, save_plan
    from comitia.web.plans.models import Term

    print_reference()
    model = read_plan(MODEL_PLAN)
    print(f"{'plan':<14}{'events':>7}{'delete ms':>11}{'queries':>9}{'replace ms':>12}")
    for label, plan in (("model", model), ("model x18", over_years(model, 18))):
        events = len(plan.meetings) + len(plan.activities)

        def delete_fresh(plan: Any = plan) -> tuple[float, int]:
            for term in Term.objects.all():
                delete_term(term)
            term = save_plan(plan)
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                delete_term(term)
                elapsed = (time.perf_counter() - started) * 1000
            return elapsed, len(queries)

        runs = [delete_fresh() for _ in range(REPEAT)]
        delete_ms = statistics.median(run[0] for run in runs)
        save_plan(plan)
        replace_ms, _ = median_ms(lambda plan=plan: save_plan(plan, replace=True), REPEAT)
        print(f"{label:<14}{events:>7}{delete_ms:>11.1f}{runs[-1][1]:>9}{replace_ms:>12.1f}")
        for term in Term.objects.all():
            delete_term(term)


if __name__ == "__main__":
    main()

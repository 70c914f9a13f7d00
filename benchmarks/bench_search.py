"""Benchmark: search over the model plan and over a plan of some 1,000 meetings.

Run on demand (``.venv/bin/python benchmarks/bench_search.py``); it prints figures and never
fails on a slow machine. It uses a fresh SQLite file unless DATABASE_URL is set (PostgreSQL:
its full-text search). Target (issue 23): a search over a 1,000-meeting plan under 50 ms.

Rows: "index made whole" is ``comitia.web.search.index.current`` on a term with nothing
indexed (searched for the first time); "first search after ..." is ``index.search`` for
'securite' right after a write, which brings the term's index up to date first: after one
meeting's title is edited through the calendar's operation (as the web edits it), after ten
meetings' titles (ten edits), and after one meeting's date is made provisional (or no longer),
which no entry reads; "search" is ``index.search`` as the page calls it, for the public, with
the index current; "page" is ``GET /search/?q=`` through the whole Django stack (middleware,
template) with the test client. A first search is timed alone, its write before it untimed.
The first line gives the time of a fixed piece of Python work: on a machine shared with other
work, figures scale with it.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from timing import median_ms, print_reference
from web_setup import migrated_database

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from benchmarks.large_plan import MODEL_PLAN, over_years  # noqa: E402

REPEAT = 30
# Each first search follows a write of its own, which checks the whole plan (a second or more
# on the large one): fewer of them.
FIRST_REPEAT = 7


def after(write: Callable[[int], None], action: Callable[[], Any], repeat: int) -> float:
    """The median time of ``action`` right after ``write(n)``, for n = 0 .. repeat - 1, in
    milliseconds (the writes untimed)."""
    times = []
    for n in range(repeat):
        write(n)
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


QUERIES = ("securite", "sécurité publique", "MISPA", "delincuencia organizada", "zzz-nothing")


def main() -> None:
    migrated_database()
    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client

    from comitia.plan.files import read_plan
    from comitia.web.calendar.operations import update_meeting
    from comitia.web.plans import models as m
    from comitia.web.plans.convert import save_plan
    from comitia.web.publication.operations import publish_plan
    from comitia.web.search import index
    from comitia.web.search.models import IndexedRow, IndexedTerm, SearchEntry

    print_reference()
    client = Client(HTTP_HOST="localhost", HTTP_ACCEPT_LANGUAGE="fr")
    model = read_plan(MODEL_PLAN)
    editor, _ = User.objects.get_or_create(username="bench-search", defaults={"is_staff": True})
    print(f"{'plan':<8}{'meetings':>9}{'entries':>9}  {'what':<44}{'median ms':>10}{'found':>7}")
    for label, plan in (("model", model), ("large", over_years(model, 50))):
        m.Term.objects.all().delete()
        term = save_plan(plan, replace=True)
        publish_plan(term, None)
        if connection.vendor == "postgresql":
            # As autovacuum does a minute after a plan is loaded (this server may run without
            # it): the plan's tables planned on their statistics, not on those of empty ones.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        meetings = len(plan.meetings)

        def whole(_n: int, term: m.Term = term) -> None:
            IndexedRow.objects.filter(term=term).delete()
            IndexedTerm.objects.filter(term=term).delete()

        ms = after(whole, lambda term=term: index.current(term), 5)
        if connection.vendor == "postgresql":
            # The five remakes left the dead rows of four indexes, which autovacuum clears.
            with connection.cursor() as cursor:
                for table in ("search_searchentry", "search_indexedrow"):
                    cursor.execute(f"VACUUM ANALYZE {table}")
        entries = SearchEntry.objects.filter(term=term).count()
        row = f"{label:<8}{meetings:>9}{entries:>9}  "
        print(f"{row}{'index made whole':<44}{ms:>10.1f}")
        chosen = list(m.Meeting.objects.filter(term=term).order_by("date")[:: meetings // 10])
        chosen = chosen[:10]

        def retitle(n: int, count: int, chosen: list[m.Meeting] = chosen) -> None:
            for meeting in chosen[:count]:
                meeting.refresh_from_db()
                title = f"Réunion {n} révisée {meeting.pk}"
                update_meeting(meeting, {"title": title}, "fr", editor)

        def provisional(n: int, meeting: m.Meeting = chosen[0]) -> None:
            meeting.refresh_from_db()
            update_meeting(meeting, {"provisional": n % 2 == 0}, "fr", editor)

        first = {
            "first search after 1 meeting edited": lambda n: retitle(n, 1),
            "first search after 10 meetings": lambda n: retitle(n, 10),
            "first search after a date made provisional": provisional,
        }
        for what, write in first.items():
            ms = after(write, lambda: index.search(None, "securite", "fr"), FIRST_REPEAT)
            print(f"{row}{what:<44}{ms:>10.1f}")
        for query in QUERIES:
            ms, groups = median_ms(lambda q=query: index.search(None, q, "fr"), REPEAT)
            found = sum(len(hits) for hits in groups.values())
            print(f"{row}{'search ' + repr(query):<44}{ms:>10.1f}{found:>7}")
        ms, response = median_ms(lambda: client.get("/search/", {"q": "securite"}), REPEAT)
        assert response.status_code == 200
        print(f"{row}{'page /search/?q=securite':<44}{ms:>10.1f}")
        month = f"/calendar/{term.slug}/month/2020-05/"
        ms, response = median_ms(lambda month=month: client.get(month), REPEAT)
        print(f"{row}{'(beside: month page, kept)':<44}{ms:>10.1f}")


if __name__ == "__main__":
    main()

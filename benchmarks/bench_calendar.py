"""Benchmark: the calendar's pages and feeds on the model plan and on a plan ~50 times its size.

Run on demand (``.venv/bin/python benchmarks/bench_calendar.py``); it prints figures and never
fails on a slow machine. It uses a fresh SQLite file unless DATABASE_URL is set. Requests go
through the whole Django stack (middleware, templates) with the test client, one at a time.
Targets (issue 4): the month page under 30 ms median on SQLite with a constant number of
queries; a 1,000-event feed generated under 50 ms; unchanged feeds answered 304.

The feed rows: "cold" is the first feed ever written (the kept feeds forgotten before each
request); "1 meeting changed" saves one meeting with a new revision before each request, which
raises the term's output version, so the request reads the plan and writes the whole feed
again; "a body renamed" the same for a change that every event prints; "unchanged" is a
request without, then with, the ETag of the last response (the request reads the term's row,
with its output version, and serves the kept feed). "load_plan" and "build_feed only" are the
two halves of a feed written from scratch (target: build_feed under 50 ms for 1,044 events).
The first line gives the time of a fixed piece of Python work: on a machine shared with other
work, figures scale with it.
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
from benchmarks.large_plan import MODEL_PLAN, over_years  # noqa: E402

REPEAT = 30


def main() -> None:
    database = migrated_database()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from comitia.plan.files import read_plan
    from comitia.render.ics import build_feed
    from comitia.web.plans import models as m
    from comitia.web.plans.convert import load_plan, save_plan
    from comitia.web.publication.operations import publish_plan

    print_reference()
    client = Client(HTTP_HOST="localhost", HTTP_ACCEPT_LANGUAGE="fr")
    model = read_plan(MODEL_PLAN)
    large = over_years(model)
    print(f"{'plan':<10}{'events':>7}{'page':>26}{'median ms':>11}{'queries':>9}")

    from django.core import signals
    from django.db import close_old_connections

    def request(url: str, **headers: Any) -> tuple[float, int, Any]:
        # Count with one connection kept open (as the tests do); time as served, where SQLite
        # connects again for each request.
        signals.request_started.disconnect(close_old_connections)
        signals.request_finished.disconnect(close_old_connections)
        try:
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url, **headers)
            count = len(queries)
        finally:
            signals.request_started.connect(close_old_connections)
            signals.request_finished.connect(close_old_connections)
        assert response.status_code in (200, 304), (url, response.status_code)
        ms, response = median_ms(lambda: client.get(url, **headers), REPEAT)
        return ms, count, response

    def timed(url: str, change: Any, repeat: int, **headers: Any) -> tuple[float, int, Any]:
        """The median time of ``repeat`` requests of ``url``, each after ``change()`` (not
        timed), with the queries and response of the first."""
        times, count, first = [], 0, None
        for n in range(repeat):
            change()
            started = time.perf_counter()
            if n == 0:
                signals.request_started.disconnect(close_old_connections)
                signals.request_finished.disconnect(close_old_connections)
                try:
                    with CaptureQueriesContext(connection) as queries:
                        first = client.get(url, **headers)
                finally:
                    signals.request_started.connect(close_old_connections)
                    signals.request_finished.connect(close_old_connections)
                count = len(queries)
            else:
                response = client.get(url, **headers)
                assert response.status_code == first.status_code, (url, response.status_code)
            times.append((time.perf_counter() - started) * 1000)
        return statistics.median(times), count, first

    def change_one_meeting(term: Any) -> None:
        # A new revision of one meeting, as an edit gives: one event of the feed changes.
        meeting = m.Meeting.objects.filter(term=term).order_by("pk")[10]
        meeting.sequence += 1
        meeting.save(update_fields=["sequence"])

    def rename_a_body(term: Any) -> None:
        # A body's name is printed by many events.
        body = m.Body.objects.filter(term=term, key=term.committee.key).get()
        body.name = {**body.name, "fr": body.name.get("fr", "") + "*"}
        body.save(update_fields=["name"])

    for label, plan in (("model", model), ("large", large)):
        term = save_plan(plan, replace=True)
        publish_plan(term, None)  # the public's pages and feeds, as a delegation reads them
        events = len(plan.meetings) + len(plan.activities)
        base = f"/calendar/{term.slug}"
        busiest = "2020-05"  # the model plan's busiest month, the first copy's in the large
        meeting = plan.meetings[len(plan.meetings) // 2].id
        rows = [
            (f"month {busiest}", f"{base}/month/{busiest}/", {}),
            (
                "month, filtered",
                f"{base}/month/{busiest}/?kind=regular&area=criminalite-organisee",
                {},
            ),
            ("list by month", f"{base}/", {}),
            ("meeting page", f"{base}/meetings/{meeting}/", {}),
        ]
        for name, url, headers in rows:
            ms, count, response = request(url, **headers)
            print(f"{label:<10}{events:>7}{name:>26}{ms:>11.1f}{count:>9}")
        feed = f"{base}/feed.fr.ics"
        feed_rows = [
            ("feed, cold", cache.clear, 5),
            ("feed, 1 meeting changed", lambda term=term: change_one_meeting(term), REPEAT),
            ("feed, a body renamed", lambda term=term: rename_a_body(term), 5),
            ("feed, unchanged", lambda: None, REPEAT),
        ]
        for name, change, repeat in feed_rows:
            ms, count, response = timed(feed, change, repeat)
            print(
                f"{label:<10}{events:>7}{name:>26}{ms:>11.1f}{count:>9}   -> {response.status_code}"
            )
        etag = client.get(feed)["ETag"]
        ms, count, response = timed(feed, lambda: None, REPEAT, HTTP_IF_NONE_MATCH=etag)
        print(
            f"{label:<10}{events:>7}{'feed unchanged, ETag':>26}{ms:>11.1f}{count:>9}"
            f"   -> {response.status_code}"
        )
        loaded = load_plan(term)
        load_ms, _ = median_ms(lambda term=term: load_plan(term), 5)
        feed_ms, feed = median_ms(lambda loaded=loaded: build_feed(loaded, "fr", deadlines=True), 5)
        print(
            f"{label:<10}{events:>7}{'load_plan':>26}{load_ms:>11.1f}\n"
            f"{label:<10}{events:>7}{'build_feed only':>26}{feed_ms:>11.1f}"
            f"   ({len(feed) // 1024} KiB, {feed.count(b'BEGIN:VEVENT')} events)"
        )
    if database is not None:
        print(f"(SQLite file {database})")


if __name__ == "__main__":
    main()

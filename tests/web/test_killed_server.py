"""A server killed with SIGKILL under writes loses no write it acknowledged.

Writers change meetings through the JSON API with a secretariat token while ``comitia serve``
(a real process) is killed twice and started again. Afterwards every meeting is at least at the
version of its last acknowledged (2xx) write, with that write's text when no later attempt got
through; the plan dumps (``comitia dump``) and its checks run. On the database of the run:
SQLite (a file) in the SQLite run, a fresh PostgreSQL database in the PostgreSQL run.

Bounded: the writers stop after a fixed number of attempts or at a deadline, each request has a
timeout, and every process started is killed at the end.
"""

from __future__ import annotations

import http.client
import json
import signal
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from comitia.checks import run_checks
from comitia.plan.files import read_plan
from tests.web.installation import (
    SLUG,
    comitia,
    environment,
    free_port,
    own_database,
    serve,
    set_up,
)

# What a request to a server killed meanwhile ends in: a refused or reset connection, or an
# answer cut short (http.client.IncompleteRead, which is no OSError): the write may have landed.
UNANSWERED = (OSError, urllib.error.URLError, http.client.HTTPException)

ON_POSTGRESQL = connection.vendor == "postgresql"
# The PostgreSQL run repeats only the tests that use the database (tests/selection.py).
pytestmark = [pytest.mark.slow, *([pytest.mark.postgres] if ON_POSTGRESQL else [])]

WRITERS = 3
KILLS = 2
SECONDS_BETWEEN_KILLS = 1.0
DEADLINE_SECONDS = 120


@dataclass
class Writer:
    """One writer's meeting, what it sent and what the server acknowledged."""

    key: str
    acknowledged: list[tuple[int, str]] = field(default_factory=list)  # (version, venue)
    unanswered: list[str] = field(default_factory=list)  # sent, no answer: may have landed


@pytest.fixture
def database_url(tmp_path: Path) -> Iterator[str]:
    with own_database(tmp_path, "killed") as url:
        yield url


def _request(base: str, token: str, method: str, path: str, body: Any = None) -> Any:
    request = urllib.request.Request(
        f"{base}/api/v1/terms/{SLUG}/{path}",
        method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=20) as response:
        return json.loads(response.read())


def test_a_server_killed_twice_under_writes_keeps_every_write_it_acknowledged(
    tmp_path: Path, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    started = time.monotonic()
    env = environment(database_url, tmp_path)
    env["COMITIA_ALLOWED_HOSTS"] = "127.0.0.1"
    token = set_up(env)
    log = tmp_path / "serve.log"
    port = free_port()
    server = serve(env, port, log)
    base = [f"http://127.0.0.1:{port}"]  # changed on each restart
    stop = threading.Event()
    try:
        keys = [m["id"] for m in _request(base[0], token, "GET", "meetings")[:WRITERS]]
        writers = [Writer(key) for key in keys]

        def write(writer: Writer) -> None:
            attempt = 0
            while not stop.is_set() and attempt < 500:
                venue = f"{writer.key} {attempt}"
                attempt += 1
                try:
                    version = _request(base[0], token, "GET", f"meetings/{writer.key}")["version"]
                except UNANSWERED:
                    time.sleep(0.1)  # the server is down: wait for the next one
                    continue
                try:
                    answer = _request(
                        base[0],
                        token,
                        "PATCH",
                        f"meetings/{writer.key}",
                        {"version": version, "venue": venue, "lang": "en"},
                    )
                except urllib.error.HTTPError as refused:
                    assert refused.code < 500, f"{refused.code} for {venue}"
                    continue
                except UNANSWERED:
                    writer.unanswered.append(venue)
                    continue
                writer.acknowledged.append((answer["version"], venue))

        threads = [threading.Thread(target=write, args=(w,)) for w in writers]
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + DEADLINE_SECONDS

        def acknowledged() -> int:
            return sum(len(w.acknowledged) for w in writers)

        def await_writes() -> None:
            """Let each server life acknowledge some writes, then write on a while longer."""
            wanted = acknowledged() + WRITERS
            while acknowledged() < wanted and time.monotonic() < deadline:
                time.sleep(0.05)
            time.sleep(SECONDS_BETWEEN_KILLS)

        for _ in range(KILLS):
            await_writes()
            server.send_signal(signal.SIGKILL)
            server.wait(timeout=30)
            port = free_port()
            server = serve(env, port, log)
            base[0] = f"http://127.0.0.1:{port}"
        await_writes()
        stop.set()
        for thread in threads:
            thread.join(timeout=max(1.0, deadline - time.monotonic()))
        assert not any(t.is_alive() for t in threads), "a writer did not finish"

        for writer in writers:
            assert writer.acknowledged, f"no write to {writer.key} was acknowledged"
            last_version, last_venue = writer.acknowledged[-1]
            now = _request(base[0], token, "GET", f"meetings/{writer.key}")
            venue = dict(now["venue"]).get("en") if now["venue"] else None
            assert now["version"] >= last_version, f"{writer.key} lost {last_venue}"
            if now["version"] == last_version:
                assert venue == last_venue
            else:  # only attempts that got no answer may have landed after it
                assert venue in writer.unanswered
    finally:
        stop.set()
        server.kill()
        server.wait(timeout=30)

    dumped = comitia(env, "dump", SLUG, "-o", str(tmp_path / "plan.yaml"))
    assert dumped.returncode == 0, dumped.stderr
    plan = read_plan(tmp_path / "plan.yaml")
    venues = {m.id: m.venue for m in plan.meetings}
    for writer in writers:
        assert venues[writer.key] is not None
    run_checks(plan)
    with capsys.disabled():
        print(
            f"\nkilled twice on {connection.vendor}: "
            f"{sum(len(w.acknowledged) for w in writers)} writes acknowledged, "
            f"{sum(len(w.unanswered) for w in writers)} unanswered, none lost, "
            f"{time.monotonic() - started:.1f} s"
        )

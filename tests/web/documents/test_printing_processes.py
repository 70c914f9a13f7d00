"""One PDF is printed once across processes: two ``comitia serve`` processes and one
``comitia worker`` share a database; the same download asked of both is printed by the worker
once, and both then serve its bytes. On the database of the run: SQLite (a file) in the SQLite
run, a fresh PostgreSQL database in the PostgreSQL run.

Bounded: each request has a timeout, the wait for the print a deadline, and every process
started is stopped at the end.
"""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connection

from tests.web.installation import ROOT, SLUG, environment, free_port, own_database, serve, set_up

ON_POSTGRESQL = connection.vendor == "postgresql"
pytestmark = [pytest.mark.slow, *([pytest.mark.postgres] if ON_POSTGRESQL else [])]

DEADLINE_SECONDS = 120


@pytest.fixture
def database_url(tmp_path: Path) -> Iterator[str]:
    with own_database(tmp_path, "printing") as url:
        yield url


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_a_pdf_asked_of_two_app_processes_is_printed_once_by_the_worker(
    database_url: str, tmp_path: Path
) -> None:
    env = environment(database_url, tmp_path)
    # Only what readers ask for is printed: the print counted is the one they asked for.
    env["COMITIA_PRINT_AHEAD"] = "0"
    env["COMITIA_ALLOWED_HOSTS"] = "127.0.0.1"
    set_up(env)
    ports = [free_port(), free_port()]
    servers = [serve(env, port, tmp_path / f"serve-{port}.log") for port in ports]
    worker_log = tmp_path / "worker.log"
    worker: subprocess.Popen[bytes] | None = None
    try:
        urls = [
            f"http://127.0.0.1:{port}/terms/{SLUG}/document/download.pdf?lang=fr" for port in ports
        ]
        # Asked of both before any worker runs: both say it is being printed.
        first = [_get(url) for url in urls]
        assert [status for status, _ in first] == [202, 202]
        with worker_log.open("ab") as output:
            worker = subprocess.Popen(
                [sys.executable, "-m", "comitia", "worker", "--interval", "0.2"],
                env=env,
                cwd=ROOT,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + DEADLINE_SECONDS
        answers: list[tuple[int, bytes]] = []
        while time.monotonic() < deadline:
            answers = [_get(url) for url in urls]
            if all(status == 200 for status, _ in answers):
                break
            assert all(status in (200, 202) for status, _ in answers), answers
            time.sleep(0.3)
        assert [status for status, _ in answers] == [200, 200], worker_log.read_text()
        assert answers[0][1] == answers[1][1] and answers[0][1].startswith(b"%PDF")
        # And asked again of both, once printed: served, not printed again.
        assert [_get(url)[0] for url in urls] == [200, 200]
    finally:
        for process in [*servers, *([worker] if worker is not None else [])]:
            _stop(process)
    prints = [line for line in worker_log.read_text().splitlines() if "printed term=" in line]
    assert len(prints) == 1, worker_log.read_text()
    assert "format=pdf lang=fr level=public" in prints[0]

"""benchmarks/bench_serve.py keeps working: its servers start, every page it loads answers,
a change made by its writer shows in the next answer, and it reads wrk's report. No timing is
asserted (speed is the benchmark's to print, not the suite's to check)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from benchmarks import bench_serve

WRK_REPORT = """\
Running 1s test @ http://127.0.0.1:8080/
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     6.53ms    4.01ms  57.40ms   90.12%
    Req/Sec   456.00    120.00     1.10k    70.00%
  Latency Distribution
     50%  630.00us
     75%    7.10ms
     90%    9.00ms
     99%    1.20s
  910 requests in 2.00s, 150.00KB read
  Socket errors: connect 0, read 1, write 0, timeout 2
  Non-2xx or 3xx responses: 3
Requests/sec:    455.00
Transfer/sec:     75.00KB
"""


def test_wrk_report_gives_requests_per_second_percentiles_in_ms_and_errors() -> None:
    load = bench_serve.parse_wrk(WRK_REPORT)
    assert (load.requests, load.seconds, load.errors) == (910, 2.0, 6)
    assert load.per_second == 455.0
    assert (load.p50_ms, load.p99_ms) == (pytest.approx(0.63), 1200.0)


def test_wrk_report_without_any_answer_has_no_percentiles() -> None:
    report = WRK_REPORT.replace("910 requests", "0 requests").replace("1.20s", "0.00us")
    load = bench_serve.parse_wrk(report)
    assert load.per_second == 0.0
    assert math.isnan(load.p50_ms) and math.isnan(load.p99_ms)


@pytest.mark.slow
def test_benchmark_servers_answer_every_page_and_a_change_shows_at_once(tmp_path: Path) -> None:
    processes = bench_serve.Processes()
    try:
        served = bench_serve.start("sqlite", processes, tmp_path)
        cases = {bench_serve.HELLO: (served.hello_port, "/")} | {
            name: (served.port, path) for name, path in bench_serve.PAGES.items()
        }
        answered = {
            name: bench_serve.python_load(port, path, 1, seconds=60, max_requests=1)
            for name, (port, path) in cases.items()
        }
        counts = {name: (load.requests, load.errors) for name, load in answered.items()}
        assert counts == dict.fromkeys(cases, (1, 0))
        changed = bench_serve.cold(served, processes, changes=1)
        assert {name: stale for name, (_, stale) in changed.items()} == {"month": 0, "meeting": 0}
        started = list(processes.started)
    finally:
        processes.kill_all()
    assert len(started) == 3  # Comitia, hello-world and the writer
    assert all(process.poll() is not None for process in started)

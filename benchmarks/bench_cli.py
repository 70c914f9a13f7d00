"""Benchmark: how long the ``comitia`` command takes to start and finish on a plan file.

Run on demand (``.venv/bin/python benchmarks/bench_cli.py``); it prints figures and never
fails on a slow machine. Target (issue 14): ``comitia check`` and ``comitia export`` of the
model plan under 0.3 s, whole run from a fresh process. Each command runs as its own process,
the way a person or a script runs it, and the median of several runs is printed beside the
bare interpreter's start (``python -c pass``), which no change to Comitia can lower.

It also prints what each command imports, from ``python -X importtime``: the heaviest
top-level imports and whether a library a plan-file command has no use for (Django,
WeasyPrint, python-docx, icalendar, Jinja2) was imported. Which modules are imported is pinned
by ``tests/test_cli_imports.py``; this script only measures.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from timing import print_reference

ROOT = Path(__file__).resolve().parents[1]
MODEL_PLAN = ROOT / "examples" / "oas-csh-2019-2020.yaml"
REPEAT = 15
# The same start-up as the ``comitia`` console script, which imports main and calls it.
COMMAND = [sys.executable, "-c", "import sys; from comitia.cli import main; sys.exit(main())"]
COMMANDS = {
    "check": ["check", str(MODEL_PLAN)],
    "check --format json": ["check", str(MODEL_PLAN), "--format", "json"],
    "export --format json": ["export", str(MODEL_PLAN), "--format", "json"],
}
UNWANTED = ("django", "weasyprint", "docx", "icalendar", "jinja2", "lxml")


# An installed command runs from bytecode: the children write and read theirs in a folder of
# their own (the tree stays clean), after one run to fill it, rather than compile every module
# from source each time as they would under PYTHONDONTWRITEBYTECODE.
BYTECODE = tempfile.mkdtemp(prefix="comitia-bench-cli-")


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = BYTECODE
    return env


def _run(argv: list[str]) -> subprocess.CompletedProcess[bytes]:
    # check exits 1 when the plan has errors; only a crash (2 or more) is a failure here.
    done = subprocess.run(argv, env=_environment(), capture_output=True, check=False)
    if done.returncode > 1:
        raise SystemExit(f"{' '.join(argv)} failed: {done.stderr.decode()}")
    return done


def _process_ms(argv: list[str]) -> tuple[float, float]:
    """Medians over REPEAT processes of the wall time and of the processor time (user and
    system) in milliseconds. Processor time moves less than wall time when other work shares
    the machine."""
    _run(argv)  # fills the bytecode folder
    walls, cpus = [], []
    for _ in range(REPEAT):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        _run(argv)
        walls.append((time.perf_counter() - started) * 1000)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
        cpus.append(cpu * 1000)
    return statistics.median(walls), statistics.median(cpus)


def _imports(arguments: list[str]) -> list[tuple[int, str]]:
    """Top-level imports of one run as (cumulative microseconds, module), heaviest first."""
    done = _run([sys.executable, "-X", "importtime", *COMMAND[1:], *arguments])
    rows = []
    for line in done.stderr.decode().splitlines():
        parts = line.removeprefix("import time:").split("|")
        if len(parts) != 3 or not parts[1].strip().isdigit():
            continue
        name = parts[2]
        if name.startswith(" ") and not name.startswith("  "):  # one space: top level
            rows.append((int(parts[1]), name.strip()))
    return sorted(rows, reverse=True)


def _all_imported(arguments: list[str]) -> set[str]:
    done = _run([sys.executable, "-X", "importtime", *COMMAND[1:], *arguments])
    return {
        line.split("|")[2].strip()
        for line in done.stderr.decode().splitlines()
        if line.startswith("import time:") and line.count("|") == 2
    }


def main() -> None:
    print_reference()
    print(f"medians of {REPEAT} processes, wall time (processor time); target 300 ms wall")
    wall, cpu = _process_ms([sys.executable, "-c", "pass"])
    print(f"  python -c pass: {wall:.0f} ms ({cpu:.0f} ms)")
    for label, arguments in COMMANDS.items():
        wall, cpu = _process_ms([*COMMAND, *arguments])
        print(f"  comitia {label}, model plan: {wall:.0f} ms ({cpu:.0f} ms)")
    for label, arguments in COMMANDS.items():
        top_level = _imports(arguments)
        total = sum(micros for micros, _ in top_level)
        heaviest = top_level[:8]
        print(f"\ncomitia {label}: imports take {total / 1000:.0f} ms; heaviest at top level:")
        for micros, name in heaviest:
            print(f"  {micros / 1000:7.1f} ms  {name}")
        imported = _all_imported(arguments)
        unwanted = sorted({name.split(".")[0] for name in imported} & set(UNWANTED))
        print(f"  unwanted libraries imported: {', '.join(unwanted) or 'none'}")


if __name__ == "__main__":
    main()

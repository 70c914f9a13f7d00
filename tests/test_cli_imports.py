"""The commands that work on a plan file import only what they use.

``comitia check`` and ``comitia export`` read a plan and print text: they have no use for the
web application, the document writers or the calendar feed, whose libraries take longer to
import than the command takes to run. Each command runs here in a fresh interpreter, which then
reports every module it imported; the time it took is measured by benchmarks/bench_cli.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

MODEL_PLAN = Path(__file__).parents[1] / "examples" / "oas-csh-2019-2020.yaml"

# Libraries a plan-file command must not import: Django and the server, python-docx (and the
# lxml under it), WeasyPrint, icalendar, the HTML templates, spelled-out amounts of the
# document, and Babel's message catalogs (the checks' wording is Python data).
NOT_FOR_PLAN_FILES = (
    "django",
    "waitress",
    "docx",
    "lxml",
    "weasyprint",
    "icalendar",
    "jinja2",
    "num2words",
    "babel.messages",
    "comitia.web",
    "comitia.render.document",
)

_RUN_AND_LIST = """
import contextlib, io, json, sys
from comitia.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    status = main(sys.argv[1:])
print(json.dumps({"status": status, "modules": sorted(sys.modules)}))
"""


def imported_by(*arguments: str) -> tuple[int, set[str]]:
    """The exit status of ``comitia ARGUMENTS`` run in a fresh interpreter, and every module
    that was imported by the end of it."""
    done = subprocess.run(
        [sys.executable, "-c", _RUN_AND_LIST, *arguments],
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(done.stdout)
    return report["status"], set(report["modules"])


def unwanted(modules: set[str]) -> list[str]:
    return sorted(
        name
        for name in modules
        if any(name == lib or name.startswith(f"{lib}.") for lib in NOT_FOR_PLAN_FILES)
    )


@pytest.mark.parametrize(
    "arguments",
    [
        ("check", str(MODEL_PLAN)),
        ("check", str(MODEL_PLAN), "--format", "json", "--lang", "fr"),
        ("export", str(MODEL_PLAN), "--format", "json"),
    ],
    ids=["check", "check-json", "export"],
)
def test_a_plan_file_command_imports_no_web_document_or_feed_library(
    arguments: tuple[str, ...],
) -> None:
    status, modules = imported_by(*arguments)
    assert status in (0, 1)  # check says 1 when the plan has errors; it ran either way
    assert "comitia.plan.files" in modules
    assert unwanted(modules) == []


def test_export_imports_no_babel() -> None:
    # A plan file's dates are ISO and its states codes: reading and writing one names no
    # month, day or country, so Babel's locale data (some 30 ms) is left unread.
    status, modules = imported_by("export", str(MODEL_PLAN), "--format", "json")
    assert status == 0
    assert sorted(name for name in modules if name.split(".")[0] == "babel") == []


def test_the_list_of_unwanted_libraries_catches_a_command_that_uses_one(tmp_path: Path) -> None:
    # The same probe on a command that does use a document writer: it must see the imports.
    out = tmp_path / "plan.html"
    status, modules = imported_by(
        "render", str(MODEL_PLAN), "--format", "html", "--lang", "en", "-o", str(out)
    )
    assert status == 0
    assert {"jinja2", "comitia.render.document"} <= set(unwanted(modules))

"""End to end: ``comitia import`` the model document, ``comitia check`` the plan it writes.

The importer fills the document's claims about itself (its summary of meetings, the counts of
its introduction and methodology); the checks must find the document's real contradictions.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from comitia.cli import main

DOCUMENT = Path(__file__).resolve().parents[1] / "data" / "csh-workplan-2019-2020.fr.txt"


def run(plan: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict[str, object]]]:
    status = main(["check", str(plan), "--format", "json", "--today", "2019-11-07"])
    return status, json.loads(capsys.readouterr().out)


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    plan = tmp_path_factory.mktemp("imported") / "plan.yaml"
    assert main(["import", str(DOCUMENT), "-o", str(plan)]) == 0
    return plan


def found(findings: list[dict[str, object]], code: str) -> list[list[str]]:
    return [f["dates"] for f in findings if f["code"] == code]  # type: ignore[misc]


def test_the_imported_model_document_contradicts_itself_where_a_reader_sees_it(
    imported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, findings = run(imported, capsys)
    assert status == 1
    messages: dict[object, list[object]] = {f["code"]: [] for f in findings}
    for f in findings:
        messages[f["code"]].append(f["message"])
    # Introduction: 5 meetings requested by the General Assembly and 13 regular ones;
    # the calendar has 4 and 16.
    assert sorted(messages["CLM006"]) == [
        "The document states 13 regular meetings, the calendar has 16.",
        "The document states 5 meetings requested by the General Assembly, the calendar has 4.",
    ]
    # Summary: meetings of 21 November 2019 and 30 January 2020 (moved to 20 February).
    assert sorted(found(findings, "CLM001")) == [["2019-11-21"], ["2020-01-30"]]
    # Summary: the CID human-rights seminar in December, the calendar in November.
    assert found(findings, "CLM003") == [["2019-12-17", "2019-12-20", "2019-11-17", "2019-11-20"]]
    # Summary: provisional marks of 26 March and 14 April dropped.
    assert sorted(found(findings, "CLM005")) == [["2020-03-26"], ["2020-04-14"]]
    # Methodology: the Caribbean meeting proposed for 16 April, held on 30 April.
    assert found(findings, "REQ001") == [["2020-04-16", "2020-04-30"]]
    # Footnote 11: 12 March "initially 19 March", while 19 March still has a meeting.
    assert found(findings, "DAT009") == [["2020-03-12", "2020-03-19"]]
    # The CICAD session of November 2020 is after the term.
    assert found(findings, "DAT002") == [["2020-11-01", "2020-11-30"]]


def test_the_summary_and_the_calendar_agree_everywhere_else(
    imported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _status, findings = run(imported, capsys)
    assert found(findings, "CLM002") == []
    assert found(findings, "CLM004") == []
    errors = sorted(str(f["code"]) for f in findings if f["severity"] == "error")
    assert errors == ["CLM001", "CLM001", "CLM003", "CLM006", "CLM006", "REQ001"]

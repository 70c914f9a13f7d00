"""``comitia check PLAN.yaml [--format text|json] [--lang ...]``: findings and exit status."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from comitia.cli import main
from comitia.plan.files import write_plan
from tests.checks.conftest import MODEL_PLAN
from tests.factories import build_plan


def test_the_model_plan_exits_1_on_its_one_error_and_prints_json_findings(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status = main(["check", str(MODEL_PLAN), "--format", "json", "--today", "2019-11-07"])
    findings = json.loads(capsys.readouterr().out)
    assert status == 1
    assert [f["code"] for f in findings if f["severity"] == "error"] == ["REQ001"]
    first = findings[0]
    assert set(first) == {"code", "severity", "message", "dates", "objects", "hint"}
    assert first["dates"] == ["2020-04-16", "2020-04-30"]
    assert {"kind": "meeting", "id": "csh-2020-04-30"} in first["objects"]


def test_text_findings_are_worded_in_the_language_asked_for(
    capsys: pytest.CaptureFixture[str],
) -> None:
    main(["check", str(MODEL_PLAN), "--lang", "es", "--today", "2019-11-07"])
    out = capsys.readouterr().out
    assert "error REQ001 [2020-04-16 2020-04-30]" in out
    assert "fecha efectiva: 30 de abril de 2020" in out
    # 11 warnings, RES001, and COV004 twice: no list of CITAAC states parties in the model plan.
    assert out.rstrip().endswith("1 error(es), 14 advertencia(s), 0 información(es)")


def test_a_plan_without_errors_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "plan.yaml"
    plan = build_plan(0)
    write_plan(plan.model_copy(update={"summary_claims": [], "count_claims": []}), path)
    status = main(["check", str(path), "--format", "json", "--today", "2019-10-01"])
    findings = json.loads(capsys.readouterr().out)
    assert status == 0
    assert all(f["severity"] != "error" for f in findings)


def test_an_unreadable_plan_file_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("comitia: 1\nterm: [", encoding="utf-8")
    assert main(["check", str(path)]) == 2
    assert main(["check", str(tmp_path / "missing.yaml")]) == 2
    assert capsys.readouterr().out == ""


def test_a_bad_today_is_refused_by_the_argument_parser() -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["check", str(MODEL_PLAN), "--today", "7 November"])
    assert exit_info.value.code == 2


def test_the_text_report_gives_each_finding_its_hint_and_objects(
    capsys: pytest.CaptureFixture[str],
) -> None:
    main(["check", str(MODEL_PLAN), "--lang", "fr", "--today", "2019-11-07"])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "erreur REQ001 [2020-04-16 2020-04-30]"
    assert lines[2].startswith("  conseil : La réunion a été déplacée du 16 avril 2020")
    assert lines[3] == "  requested_event:petits-etats-insulaires meeting:csh-2020-04-30"


EXAMPLES = MODEL_PLAN.parent


def test_the_other_committees_plans_and_the_organization_file_find_clashes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from comitia.plan.files import read_plan

    second = EXAMPLES / "oas-cajp-2019-2020-illustrative.yaml"
    organization = EXAMPLES / "oas-organization-illustrative.yaml"
    # The model plan's meetings at the headquarters booked in the Simón Bolívar Room with
    # team A, as the demo books them.
    model = read_plan(MODEL_PLAN)
    booked = model.model_copy(
        update={
            "organization": "oas-cp",
            "meetings": [
                m.model_copy(update={"room": "simon-bolivar", "team": "team-a"})
                if m.venue is None
                else m
                for m in model.meetings
            ],
        }
    )
    write_plan(booked, tmp_path / "csh.yaml")
    arguments = ["--format", "json", "--today", "2019-10-01", "--organization", str(organization)]
    status = main(["check", str(second), *arguments, "--others", str(tmp_path / "csh.yaml")])
    found = json.loads(capsys.readouterr().out)
    assert status == 1
    codes = sorted(f["code"] for f in found if f["code"].startswith("ORG"))
    assert codes == ["ORG001", "ORG002", "ORG002", "ORG004", "ORG006"]
    room = next(f for f in found if f["code"] == "ORG001")
    assert room["dates"] == ["2019-11-07"]
    assert {"kind": "other_meeting", "id": "csh-2019-2020/csh-2019-11-07"} in room["objects"]
    # From the model plan's side: the same room booked twice, named with the other committee.
    main(["check", str(tmp_path / "csh.yaml"), *arguments, "--others", str(second)])
    found = json.loads(capsys.readouterr().out)
    room = next(f for f in found if f["code"] == "ORG001")
    assert "CAJP (example)" in room["message"]
    # Without the others, the plan alone has no clash across committees.
    main(["check", str(second), *arguments])
    alone = json.loads(capsys.readouterr().out)
    assert sorted(f["code"] for f in alone if f["code"].startswith("ORG")) == ["ORG004", "ORG006"]

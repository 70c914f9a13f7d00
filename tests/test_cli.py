"""The `comitia` command: exit statuses, messages and what reaches the database."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import comitia
from comitia.cli import main
from comitia.plan.files import read_plan

ROOT = Path(__file__).parents[1]
MODEL_PLAN = ROOT / "examples" / "oas-csh-2019-2020.yaml"


def _broken_copy(tmp_path: Path, old: str, new: str) -> tuple[Path, int]:
    text = MODEL_PLAN.read_text(encoding="utf-8")
    assert old in text, old
    position = text.index(old)
    text = text.replace(old, new, 1)
    # The line of the last line of the replacement: the one that is wrong.
    line = text[:position].count("\n") + new.count("\n") + 1
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    return path, line


def test_export_prints_the_model_plan_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(MODEL_PLAN), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    plan = read_plan(MODEL_PLAN)
    assert len(data["meetings"]) == len(plan.meetings) == 20
    moved = next(m for m in data["meetings"] if m["date"] == "2020-02-20")
    assert moved["start"] == "10:00" and moved["end"] == "13:00"
    assert moved["previous_dates"] == ["2020-01-30"]
    assert moved["provisional"] is False
    yearly = {o["due"] for o in data["obligations"] if o["frequency"] == "yearly"}
    assert yearly == {"--03-15", "--04-15", "--06-15", "--07-01", "--07-15"}


def test_export_writes_to_a_file(tmp_path: Path) -> None:
    output = tmp_path / "plan.json"
    assert main(["export", str(MODEL_PLAN), "-o", str(output)]) == 0
    assert json.loads(output.read_text(encoding="utf-8"))["term"]["label"] == "2019-2020"


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("date: 2019-10-24", "date: 2019-10-34", "meetings.0.date"),
        ("role: chair", "role: chair\n    colour: red", "officers.0.colour"),
        ("end: '13:00'", "end: '09:00'", "meetings.0.end"),
        ("role: first_vice_chair", "role: chair", "officers.1.role"),
        ("revision: 2", "revision: " + "9" * 5000, "document.revision"),
        ("amount: 126200", "amount: 1" + "0" * 4400, "appropriations.0.amount"),
        ("amount: 126200", "amount: 1.0e+999999", "appropriations.0.amount"),
        ("timezone: America/New_York", "timezone: ../../../../etc/passwd", "term.timezone"),
        ('label: "2019-2020"', 'label: "2019-2020\\u0085"', "term.label"),
    ],
    ids=[
        "wrong date",
        "unknown field",
        "end before start",
        "duplicate chair",
        "number of 5000 digits",
        "amount of 4401 digits",
        "infinite amount",
        "path as time zone",
        "control character in a label",
    ],
)
def test_a_malformed_plan_is_refused_in_one_line_naming_line_and_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], old: str, new: str, field: str
) -> None:
    path, line = _broken_copy(tmp_path, old, new)
    assert main(["export", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    message = captured.err.strip()
    assert "\n" not in message
    assert message.startswith(f"{path}:{line}: {field}: ")


def test_a_missing_plan_file_is_one_line_and_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(tmp_path / "absent.yaml")]) == 2
    assert capsys.readouterr().err.strip() == f"{tmp_path / 'absent.yaml'}: no such file"


@pytest.mark.django_db(transaction=True)
def test_a_malformed_plan_writes_nothing_to_the_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from comitia.web.plans import models

    path, _ = _broken_copy(tmp_path, "role: first_vice_chair", "role: chair")
    assert main(["load", str(path)]) == 2
    assert "officers.1.role" in capsys.readouterr().err
    assert models.Term.objects.count() == 0
    assert models.Meeting.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_load_then_dump_gives_back_the_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["load", str(MODEL_PLAN)]) == 0
    assert "csh-2019-2020" in capsys.readouterr().out
    dumped = tmp_path / "dumped.yaml"
    assert main(["dump", "csh-2019-2020", "-o", str(dumped)]) == 0
    assert read_plan(dumped) == read_plan(MODEL_PLAN)


@pytest.mark.django_db(transaction=True)
def test_loading_a_term_twice_needs_replace(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["load", str(MODEL_PLAN)]) == 0
    assert main(["load", str(MODEL_PLAN)]) == 2
    assert "--replace" in capsys.readouterr().err
    assert main(["load", str(MODEL_PLAN), "--replace"]) == 0


@pytest.mark.django_db(transaction=True)
def test_dumping_an_unknown_term_lists_the_known_ones(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["load", str(MODEL_PLAN)]) == 0
    assert main(["dump", "csh-1999-2000"]) == 2
    assert "csh-2019-2020" in capsys.readouterr().err


def test_demo_loads_the_model_plan_without_serving(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`comitia demo --no-serve` migrates a fresh SQLite file and loads the model plan."""
    import subprocess
    import sys

    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    env = {
        "PATH": "/usr/bin:/bin",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'demo.sqlite3'}",
        "COMITIA_STATIC_ROOT": str(tmp_path / "static"),
        # The sources under test, whichever checkout the interpreter was installed from.
        "PYTHONPATH": str(Path(comitia.__file__).parents[1]),
    }
    result = subprocess.run(
        [sys.executable, "-m", "comitia", "demo", "--no-serve"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "csh-2019-2020" in result.stdout
    assert (tmp_path / "static" / "comitia" / "site.css").exists()
    # The model plan is published, so the trial shows the public calendar; a second run
    # replaces the published term.
    again = subprocess.run(
        [sys.executable, "-m", "comitia", "demo", "--no-serve"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert again.returncode == 0, again.stderr
    import sqlite3

    with sqlite3.connect(tmp_path / "demo.sqlite3") as db:
        levels = db.execute("SELECT visibility FROM access_publication").fetchall()
        drafts = db.execute("SELECT key FROM plans_meeting WHERE visibility != 'public'").fetchall()
        booked = db.execute(
            "SELECT count(*) FROM plans_meeting m JOIN plans_term t ON m.term_id = t.id "
            "WHERE t.slug = 'csh-2019-2020' AND m.room = 'simon-bolivar'"
        ).fetchone()
    # The model plan and the illustrative second committee, both published; one meeting of the
    # second left a draft, to show that the organization's calendar never names it.
    assert levels == [("public",), ("public",)]
    assert drafts == [("cajp-2020-03-05",)]
    assert booked == (19,)  # the model plan's meetings at the headquarters
    assert "cajp-2019-2020-illustrative" in again.stdout and "illustrative" in again.stdout


@pytest.mark.django_db(transaction=True)
def test_a_loaded_plan_is_a_draft_until_published(capsys: pytest.CaptureFixture[str]) -> None:
    from comitia.web.access.models import AuditRecord
    from comitia.web.plans import models
    from comitia.web.publication.models import Publication

    assert main(["load", str(MODEL_PLAN)]) == 0
    assert "a draft until published" in capsys.readouterr().out
    assert not Publication.objects.exists()
    assert set(models.Meeting.objects.values_list("visibility", flat=True)) == {"draft"}
    assert main(["load", str(MODEL_PLAN), "--replace", "--publish"]) == 0
    assert "published" in capsys.readouterr().out
    assert Publication.objects.get().visibility == "public"
    assert set(models.Meeting.objects.values_list("visibility", flat=True)) == {"public"}
    assert models.PlanDocument.objects.get().visibility == "public"
    # Replacing a published term, without --publish, makes it a draft again; both loads and
    # the replacement are in the audit trail.
    assert main(["load", str(MODEL_PLAN), "--replace"]) == 0
    assert not Publication.objects.exists()
    actions = list(AuditRecord.objects.filter(object_type="term").values_list("action", flat=True))
    assert actions == ["load", "replace", "replace"]


@pytest.mark.django_db(transaction=True)
def test_a_plan_of_an_organization_loads_after_its_organization_file(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from comitia.web.access.models import AuditRecord
    from comitia.web.plans import models

    second = ROOT / "examples" / "oas-cajp-2019-2020-illustrative.yaml"
    organization = ROOT / "examples" / "oas-organization-illustrative.yaml"
    assert main(["load", str(second)]) == 2
    assert "load its organization file first" in capsys.readouterr().err
    assert main(["load", str(second), "--organization", str(organization)]) == 0
    assert "loaded the organization oas-cp" in capsys.readouterr().out
    term = models.Term.objects.get(slug="cajp-2019-2020-illustrative")
    assert term.organization is not None and term.organization.key == "oas-cp"
    assert models.Room.objects.filter(organization=term.organization).count() == 3
    assert main(["dump", term.slug]) == 0
    assert "organization: oas-cp" in capsys.readouterr().out
    actions = AuditRecord.objects.filter(object_type="organization").values_list(
        "action", flat=True
    )
    assert list(actions) == ["load"]

"""comitia import: a plan file out, the report on stderr, one-line refusals with exit status 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from comitia.cli import main
from comitia.plan.files import read_plan

DOCUMENT = Path(__file__).resolve().parents[1] / "data" / "csh-workplan-2019-2020.fr.txt"


def test_import_writes_the_plan_and_reports_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "plan.yaml"
    assert main(["import", str(DOCUMENT), "-o", str(out), "--lang", "fr"]) == 0
    plan = read_plan(out)
    assert len(plan.meetings) == 20
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "  meetings: 20" in captured.err
    assert "unused lines: 10" in captured.err
    assert "  line 743: footnote 17: Tous ces rapports" in captured.err


def test_strict_refuses_a_document_with_unused_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "plan.yaml"
    assert main(["import", str(DOCUMENT), "-o", str(out), "--strict"]) == 1
    assert not out.exists()
    assert "10 unused lines; --strict refuses them" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("binary.txt", b"\x00\x01\x02PLAN", "is a binary file"),
        ("empty.txt", b"", "is empty"),
        ("blank.txt", b"  \n\n", "holds no text"),
        ("latin1.txt", "Réunion du 24 octobre".encode("latin-1"), "is not UTF-8 text"),
        ("fake.docx", b"this is not a zip", "is not a DOCX (not a zip archive)"),
    ],
)
def test_unreadable_input_gets_one_line_and_exit_status_2(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: bytes,
    message: str,
) -> None:
    source = tmp_path / name
    source.write_bytes(content)
    assert main(["import", str(source), "-o", str(tmp_path / "out.yaml")]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1


def test_a_text_that_is_no_work_plan_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "letter.txt"
    source.write_text("Dear colleagues,\nthe meeting is postponed.\n", encoding="utf-8")
    assert main(["import", str(source), "-o", str(tmp_path / "out.yaml")]) == 2
    assert "no committee" in capsys.readouterr().err

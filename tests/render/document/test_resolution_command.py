"""``comitia render --document resolution``: every format and language, the choice of the
resolution, the comparison, and the refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from comitia.cli import main
from comitia.plan.files import write_plan
from tests.render.akn.schema import schema_errors
from tests.render.model import MODEL_PLAN
from tests.render.resolutions import illustrative_plan

MAGIC = {"docx": b"PK", "html": b"<!DOCTYPE html>", "pdf": b"%PDF", "akn": b"<?xml"}


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("plans")
    earlier, later = folder / "rev1.yaml", folder / "rev2.yaml"
    write_plan(illustrative_plan(1), earlier)
    write_plan(illustrative_plan(2), later)
    return earlier, later


def render(*arguments: str) -> int:
    return main(["render", *arguments])


# Every format in every language; the PDF in one (tests/render/pdf prints the four).
CASES = [
    (fmt, lang)
    for fmt in sorted(MAGIC)
    for lang in ("fr", "en", "es", "pt")
    if fmt != "pdf" or lang == "pt"
]


@pytest.mark.parametrize(("fmt", "lang"), CASES)
def test_every_format_writes_the_resolution_in_every_language(
    plans: tuple[Path, Path], tmp_path: Path, fmt: str, lang: str
) -> None:
    out = tmp_path / f"res.{fmt}"
    arguments = [str(plans[1]), "--document", "resolution", "--format", fmt, "--lang", lang]
    assert render(*arguments, "-o", str(out)) == 0
    data = out.read_bytes()
    assert data.startswith(MAGIC[fmt])
    if fmt == "akn":
        assert schema_errors(data) == []


def test_the_comparison_with_an_earlier_plan(plans: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "changes.html"
    earlier, later = plans
    arguments = [str(later), "--document", "resolution", "--format", "html", "--lang", "en"]
    assert render(*arguments, "--compare", str(earlier), "-o", str(out)) == 0
    assert "<del>Permanent Council </del>" in out.read_text(encoding="utf-8")


def test_refusals_are_one_line_with_status_2(
    plans: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "x")
    later = str(plans[1])
    assert render(later, "--format", "akn", "--lang", "en", "-o", out) == 2
    assert "add --document resolution" in capsys.readouterr().err
    common = ["--document", "resolution", "--lang", "en", "-o", out]
    assert render(later, "--format", "ics", *common) == 2
    assert "ics format does not print resolutions" in capsys.readouterr().err
    assert render(later, "--format", "docx", *common, "--resolution", "nope") == 2
    assert "no resolution 'nope'" in capsys.readouterr().err
    assert render(later, "--format", "akn", *common, "--compare", later) == 2
    assert "comparison" in capsys.readouterr().err
    assert (
        render(str(MODEL_PLAN), "--format", "docx", "--lang", "en", "-o", out, "--resolution", "x")
        == 2
    )
    assert "--document resolution" in capsys.readouterr().err

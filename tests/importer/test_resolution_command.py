"""comitia import --document resolution: resolutions: data out, to merge into a plan; the
report on stderr; refusals in one line."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from comitia.cli import main
from comitia.plan import Plan
from tests.render.model import model_plan

DATA = Path(__file__).resolve().parents[1] / "data" / "importer" / "resolutions"


def test_the_output_merges_into_a_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "res.yaml"
    document = DATA / "draft-rev3.es.txt"
    assert main(["import", str(document), "--document", "resolution", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "  paragraphs: 5" in err
    assert "unused lines: 2" in err
    assert "  line 31: Texto que ninguna regla usa." in err
    imported = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert [r["id"] for r in imported["resolutions"]] == ["cp-csh-2040-20"]
    data = model_plan().model_dump(mode="json", by_alias=True, exclude_none=True)
    data["resolutions"] = [*data["resolutions"], *imported["resolutions"]]
    plan = Plan.model_validate(data)
    assert plan.resolutions[-1].paragraph("3 bis") is not None


def test_strict_refuses_unused_lines_and_a_non_resolution_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "res.yaml"
    document = str(DATA / "draft-rev3.es.txt")
    assert main(["import", document, "--document", "resolution", "-o", str(out), "--strict"]) == 1
    assert "2 unused lines; --strict refuses them (no resolution written)" in (
        capsys.readouterr().err
    )
    assert not out.exists()
    minutes = tmp_path / "minutes.txt"
    minutes.write_text("Minutes of a meeting\n", encoding="utf-8")
    assert main(["import", str(minutes), "--document", "resolution", "-o", str(out)]) == 2
    assert capsys.readouterr().err == (
        "comitia: no numbered paragraph found: the document is not a resolution\n"
    )

"""The import contracts of pyproject.toml ([tool.importlinter]), checked by lint-imports.

`make check` runs lint-imports too; the suite runs it so that a broken contract fails where
people look first. lint-imports reads the package from sys.path: it is given the source tree
these tests import, not whichever copy of comitia the environment has installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import comitia

# import-linter comes with the dev extra (make test installs it), not the test extra.
pytest.importorskip("importlinter")

ROOT = Path(__file__).parents[1]
SOURCE = Path(comitia.__file__).parent
CORE_CONTRACT = "The plain core never imports Django or the web application"
INDEPENDENCE_CONTRACT = "The importer and the renderers are independent (both read comitia.catalog)"


def _lint_imports(source_root: Path) -> subprocess.CompletedProcess[str]:
    """lint-imports with the contracts of pyproject.toml, on the comitia under ``source_root``."""
    env = {**os.environ, "PYTHONPATH": str(source_root)}
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "from importlinter.cli import lint_imports_command; lint_imports_command()",
            "--no-cache",
            "--no-logo",
            str(ROOT / "pyproject.toml"),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def test_the_source_keeps_every_import_contract() -> None:
    result = _lint_imports(SOURCE.parent)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_a_core_module_that_imports_django_or_reads_the_renderer_breaks_the_contracts(
    tmp_path: Path,
) -> None:
    # A copy of the package with the two imports that the contracts exist to refuse: Django
    # in the dates (seen only as an external package) and the renderer's wording in the importer.
    copy = tmp_path / "comitia"
    shutil.copytree(SOURCE, copy, ignore=shutil.ignore_patterns("static", "templates", "locale"))
    with (copy / "dates" / "edtf.py").open("a", encoding="utf-8") as module:
        module.write("\nimport django.db\n")
    with (copy / "importer" / "standard.py").open("a", encoding="utf-8") as module:
        module.write("\nfrom comitia.render.document import i18n\n")

    result = _lint_imports(tmp_path)

    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{CORE_CONTRACT} BROKEN" in result.stdout
    assert "comitia.dates.edtf -> django" in result.stdout
    assert f"{INDEPENDENCE_CONTRACT} BROKEN" in result.stdout
    assert "comitia.importer.standard -> comitia.render.document.i18n" in result.stdout

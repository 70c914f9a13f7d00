"""Benchmark: exporting the model plan's texts for translation and importing them back.

Run on demand (``make bench`` or ``.venv/bin/python benchmarks/bench_translations.py``); it
prints figures and never fails on a slow machine. Target (issue 20): the export of the model
plan into its three other languages (XLIFF), and the import of the three translated files into
the plan file (validated, applied, written in place), each under 0.5 s.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from timing import median_ms, print_reference

from comitia.plan import Language
from comitia.plan.files import read_plan
from comitia.translations.plan_files import import_translations
from comitia.translations.texts import without_translations
from comitia.translations.xliff import Select, export_xliff

ROOT = Path(__file__).resolve().parents[1]
MODEL_PLAN = ROOT / "examples" / "oas-csh-2019-2020.yaml"
TRANSLATIONS = ROOT / "examples" / "translations"
TARGETS = (Language.EN, Language.ES, Language.PT)


def main() -> None:
    print_reference()
    plan = read_plan(MODEL_PLAN)
    french = without_translations(plan)

    def export_all() -> int:
        return sum(len(export_xliff(french, lang, select=Select.ALL)) for lang in TARGETS)

    elapsed, size = median_ms(export_all, 7)
    print(f"export: 3 XLIFF files ({size // 1024} KB) of the model plan in {elapsed:.0f} ms")

    files = [TRANSLATIONS / f"oas-csh-2019-2020.{lang.value}.xlf" for lang in TARGETS]
    with tempfile.TemporaryDirectory() as scratch:
        # The French-only plan file, so that every unit of every file is a change to make.
        source = Path(scratch) / "plan.yaml"
        output = Path(scratch) / "translated.yaml"
        from comitia.plan.files import write_plan

        write_plan(french, source)

        def import_all() -> int:
            imported = import_translations(source, files, output)
            return len(imported.changes)

        elapsed, changes = median_ms(import_all, 7)
        print(f"import: {changes} translations from 3 files into the plan file in {elapsed:.0f} ms")
        # The model plan file itself, edited in place (comments and layout kept).
        inplace = Path(scratch) / "model.yaml"
        shutil.copy(MODEL_PLAN, inplace)
        elapsed, _ = median_ms(lambda: import_translations(inplace, files, inplace), 7)
        print(f"import: the 3 files into the model plan file as it is, in {elapsed:.0f} ms")


if __name__ == "__main__":
    main()

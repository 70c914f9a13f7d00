"""Translation files applied to a plan file: read, validate, write, all or nothing.

``import_translations`` reads every XLIFF file given against the plan file, refuses the lot on
the first problem (:class:`~comitia.translations.xliff.TranslationFileError`, one message), and
otherwise writes the plan with every change made: into the same YAML text when the output is a
YAML file (``yaml_edit``: comments and layout kept), else as a freshly written plan file.
Before anything is written, the places edited are read back and must hold what the import made
(``yaml_edit.edited_as_intended``); otherwise the plan is written afresh.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from comitia.plan import Plan
from comitia.plan.files import read_plan, write_plan
from comitia.translations.texts import plan_texts
from comitia.translations.xliff import (
    Change,
    Reading,
    TranslationFileError,
    apply_changes,
    read_xliff,
)
from comitia.translations.yaml_edit import YamlEditError, add_translations, edited_as_intended


@dataclass(frozen=True)
class Imported:
    plan: Plan
    readings: list[Reading]

    @property
    def changes(self) -> list[Change]:
        return [change for reading in self.readings for change in reading.changes]

    def report(self, *, each: bool = False) -> list[str]:
        """One line per file (and per change with ``each``), in English for the terminal."""
        lines = []
        for reading in self.readings:
            new = sum(1 for change in reading.changes if change.old is None)
            lines.append(
                f"{reading.lang.value}: {new} translations added, "
                f"{len(reading.changes) - new} changed, {reading.untranslated} of "
                f"{reading.units} units left untranslated"
            )
            if reading.stale:
                lines.append(
                    f"{reading.lang.value}: {len(reading.stale)} units skipped, their source has "
                    "changed since the export (export them again): " + ", ".join(reading.stale)
                )
            if each:
                for change in reading.changes:
                    before = "(none)" if change.old is None else change.old
                    lines.append(
                        f"  {change.entry.id} [{change.lang.value}]: {before} -> {change.new}"
                    )
        return lines


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise TranslationFileError(f"{path}: cannot be read ({error.strerror})") from None


def read_translations(plan: Plan, files: Sequence[str | Path]) -> Imported:
    """Every file validated against ``plan`` and applied; one language per file, each once."""
    readings: list[Reading] = []
    entries = plan_texts(plan)
    for name in files:
        reading = read_xliff(plan, _read_bytes(Path(name)), str(name), entries=entries)
        if any(earlier.lang is reading.lang for earlier in readings):
            raise TranslationFileError(
                f"{name}: a second file for {reading.lang.value}; import one file per language"
            )
        readings.append(reading)
    changes = [change for reading in readings for change in reading.changes]
    return Imported(apply_changes(plan, changes), readings)


def import_translations(
    plan_path: str | Path, files: Sequence[str | Path], output: str | Path, *, dry_run: bool = False
) -> Imported:
    """Apply ``files`` to the plan file ``plan_path`` and write ``output`` (unless ``dry_run``)."""
    plan_path, output = Path(plan_path), Path(output)
    plan = read_plan(plan_path)
    imported = read_translations(plan, files)
    if dry_run:
        return imported
    if output.suffix.lower() in {".yaml", ".yml"}:
        source = plan_path.read_text(encoding="utf-8")
        if not imported.changes:
            if output != plan_path:
                output.write_text(source, encoding="utf-8")
            return imported
        sources = {lang.value: sources for lang, sources in imported.plan.translated_from.items()}
        try:
            edited = add_translations(source, imported.changes, sources)
            same = edited_as_intended(edited, imported.changes, sources)
        except YamlEditError:
            same = False
        if same:
            output.write_text(edited, encoding="utf-8")
            return imported
        # A shape the editor does not handle: the plan is written afresh (comments lost).
    write_plan(imported.plan, output)
    return imported

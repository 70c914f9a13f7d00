"""The core translates its fixed texts in one catalog: "Regular meeting" is translated once.

Before, the feeds (a table per language), the glossary (the catalog) and the web calendar
(Django's catalog) each named the kinds of meeting; a translator had three places to correct.
These tests read the source tree, so that a second table or a second msgid fails them.
"""

from __future__ import annotations

import ast
from pathlib import Path

import comitia
from comitia import catalog
from tests.render.model import model_plan

SOURCE = Path(comitia.__file__).parent
KIND = "Regular meeting"
# Its translations, which no code may write out again (a table per language).
TRANSLATIONS = ("Réunion ordinaire", "Reunión ordinaria", "Reunião ordinária")


def string_literals(path: Path) -> list[str]:
    """The string constants of a Python file (comments are not; a docstring is one constant,
    which matches only if it is exactly the text)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]


def python_files() -> list[Path]:
    return [p for p in sorted(SOURCE.rglob("*.py")) if "migrations" not in p.parts]


def test_regular_meeting_is_written_once_in_the_code() -> None:
    places = [
        path.relative_to(SOURCE).as_posix()
        for path in python_files()
        for literal in string_literals(path)
        if literal == KIND
    ]
    templates = [
        path.relative_to(SOURCE).as_posix()
        for path in sorted(SOURCE.rglob("*"))
        if path.suffix in {".html", ".txt"} and KIND in path.read_text(encoding="utf-8")
    ]
    assert places == ["catalog.py"]
    assert templates == []
    assert catalog.MEETING_KINDS["regular"] == KIND


def test_no_code_holds_a_translation_of_regular_meeting() -> None:
    places = [
        path.relative_to(SOURCE).as_posix()
        for path in python_files()
        for literal in string_literals(path)
        if any(translation in literal for translation in TRANSLATIONS)
    ]
    assert places == []


def test_regular_meeting_is_a_message_of_the_core_catalog_only() -> None:
    catalogs = sorted(
        path.relative_to(SOURCE).as_posix()
        for path in SOURCE.rglob("*.po")
        if f'msgid "{KIND}"\n' in path.read_text(encoding="utf-8")
    )
    assert catalogs == [
        f"render/locale/{lang}/LC_MESSAGES/{catalog.DOMAIN}.po"
        for lang in sorted(catalog.LANGUAGES)
    ]


def test_every_language_names_the_kinds_of_meeting_from_the_catalog() -> None:
    from comitia.render.ics.wording import wording
    from comitia.translations.memory import glossary_rows

    assert catalog.meeting_kind_name("regular", "fr") == "Réunion ordinaire"
    assert catalog.meeting_kind_name("regular", "es") == "Reunión ordinaria"
    assert catalog.meeting_kind_name("regular", "pt") == "Reunião ordinária"
    for lang in catalog.LANGUAGES:
        assert wording(lang).meeting_kinds["regular"] == catalog.meeting_kind_name("regular", lang)
    rows = glossary_rows(model_plan())
    regular = next(row for row in rows if row[:2] == ["meeting_kind", "regular"])
    assert "Réunion ordinaire" in regular and "Reunión ordinaria" in regular

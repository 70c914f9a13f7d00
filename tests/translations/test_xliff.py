"""XLIFF export and import: what CAT tools read, what comes back, what is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from translate.storage import xliff as tt_xliff

from comitia.cli import main
from comitia.plan import Language, Plan, Text
from comitia.plan.files import read_plan, write_plan
from comitia.render.document import build_document
from comitia.translations.texts import Status, plan_texts, without_translations
from comitia.translations.xliff import (
    Select,
    TranslationFileError,
    apply_changes,
    export_xliff,
    read_xliff,
)
from tests.render.model import MODEL_PLAN, french_model_plan, model_plan
from tests.strategies import plans

TRANSLATIONS = MODEL_PLAN.parent / "translations"


def filled(data: bytes, target: str | None = None) -> bytes:
    """``data`` with every unit's target set, as a translator's CAT tool would return it."""
    store = tt_xliff.xlifffile.parsestring(data)
    for unit in store.units:
        unit.target = target if target is not None else f"[{unit.source}]"
    return bytes(store)


def test_an_export_reads_back_in_translate_toolkit_unit_for_unit() -> None:
    plan = french_model_plan()
    store = tt_xliff.xlifffile.parsestring(export_xliff(plan, Language.EN))
    entries = plan_texts(plan)
    assert store.getsourcelanguage() == "fr"
    assert store.gettargetlanguage() == "en"
    assert [u.xmlelement.get("id") for u in store.units] == [e.id for e in entries]
    assert [u.source for u in store.units] == [e.source for e in entries]
    assert all(u.target in (None, "") for u in store.units)
    by_id = {u.xmlelement.get("id"): u for u in store.units}
    item = by_id["meetings/csh-2019-10-24/agenda/1/title"]
    assert item.source.startswith("Élection de la première")
    assert item.getnotes() == "Meeting of October 24, 2019, agenda item 1; title"


def test_the_note_is_in_the_translators_language() -> None:
    store = tt_xliff.xlifffile.parsestring(export_xliff(french_model_plan(), Language.ES))
    unit = next(u for u in store.units if u.xmlelement.get("id").endswith("agenda/1/title"))
    assert unit.getnotes() == "Reunión del 24 de octubre de 2019, tema 1 del orden del día; título"


def test_every_target_filled_and_imported_leaves_no_fallback_and_no_annex() -> None:
    plan = french_model_plan()
    reading = read_xliff(plan, filled(export_xliff(plan, Language.EN)))
    assert len(reading.changes) == len(plan_texts(plan))
    translated = apply_changes(plan, reading.changes)
    document = build_document(translated, "en")
    assert document.untranslated == ()
    assert not any(getattr(e, "kind", None) == "untranslated" for e in document.elements)


def test_a_changed_french_source_makes_its_translations_outdated_and_only_those_exported() -> None:
    plan = model_plan()
    body = plan.bodies[1]
    assert body.id == "cp"
    changed_name = Text({**body.name.root, Language.FR: "Conseil permanent de l’Organisation"})
    changed = plan.model_copy(
        update={
            "bodies": [
                plan.bodies[0],
                body.model_copy(update={"name": changed_name}),
                *plan.bodies[2:],
            ]
        }
    )
    changed = Plan.model_validate(changed.model_dump(mode="json"))
    statuses = {
        (entry.id, lang): entry.status(changed, lang)
        for entry in plan_texts(changed)
        for lang in (Language.EN, Language.ES, Language.PT)
    }
    outdated = {key for key, status in statuses.items() if status is Status.OUTDATED}
    assert outdated == {
        ("bodies/cp/name", lang) for lang in (Language.EN, Language.ES, Language.PT)
    }
    store = tt_xliff.xlifffile.parsestring(
        export_xliff(changed, Language.PT, select=Select.OUTDATED)
    )
    (unit,) = store.units
    assert unit.xmlelement.get("id") == "bodies/cp/name"
    assert unit.target == "Conselho Permanente"  # the old translation, to be revised
    # Revised and imported, it is up to date again.
    revised = apply_changes(changed, read_xliff(changed, filled(bytes(store), "Conselho")).changes)
    entry = next(e for e in plan_texts(revised) if e.id == "bodies/cp/name")
    assert entry.status(revised, Language.PT) is Status.TRANSLATED


def test_a_translation_made_from_an_older_source_is_skipped_and_reported() -> None:
    plan = french_model_plan()
    exported = filled(export_xliff(plan, Language.EN))
    body = plan.bodies[1]
    newer = Plan.model_validate(
        plan.model_dump(mode="json")
        | {
            "bodies": [
                b.model_dump(mode="json", exclude_defaults=True)
                | ({"name": {"fr": "Conseil permanent (nouveau)"}} if b.id == body.id else {})
                for b in plan.bodies
            ]
        }
    )
    # Its source changed (or its id now names another text): the translation is not applied.
    reading = read_xliff(newer, exported)
    assert reading.stale == ["bodies/cp/name"]
    assert "bodies/cp/name" not in {change.entry.id for change in reading.changes}
    assert len(reading.changes) == len(plan_texts(newer)) - 1


def test_the_shipped_translations_are_the_model_plans_and_import_as_no_change() -> None:
    plan = model_plan()
    for lang in ("en", "es", "pt"):
        data = (TRANSLATIONS / f"oas-csh-2019-2020.{lang}.xlf").read_bytes()
        reading = read_xliff(plan, data, lang)
        assert reading.changes == []
        assert reading.untranslated == 0
        # From the French-only plan, the same files make the shipped plan.
    french = french_model_plan()
    changes = [
        change
        for lang in ("en", "es", "pt")
        for change in read_xliff(
            french, (TRANSLATIONS / f"oas-csh-2019-2020.{lang}.xlf").read_bytes()
        ).changes
    ]
    assert apply_changes(french, changes) == plan


HOSTILE = {
    "xxe": b"""<?xml version="1.0"?>
<!DOCTYPE xliff [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="comitia:csh/2019-2020" source-language="fr" target-language="en"
datatype="plaintext"><body><trans-unit id="bodies/cp/name">
<source>Conseil permanent</source><target>&x;</target></trans-unit></body></file></xliff>""",
    "billion laughs": b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="comitia:csh/2019-2020" source-language="fr" target-language="en"
datatype="plaintext"><body><trans-unit id="bodies/cp/name">
<source>Conseil permanent</source><target>&lol3;</target></trans-unit></body></file></xliff>""",
}


def _unit_file(
    unit_id: str = "bodies/cp/name",
    *,
    original: str = "comitia:csh/2019-2020",
    target_lang: str = "en",
    target: str = "Permanent Council",
) -> bytes:
    store = tt_xliff.xlifffile.parsestring(
        b'<?xml version="1.0"?><xliff version="1.2" '
        b'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="x" '
        b'source-language="fr" datatype="plaintext"><body/></file></xliff>'
    )
    store.setfilename(store.getfilenode("x"), original)
    store.settargetlanguage(target_lang)
    unit = tt_xliff.xliffunit("Conseil permanent")
    unit.setid(unit_id)
    unit.target = target
    store.addunit(unit)
    return bytes(store)


REFUSED = {
    **HOSTILE,
    "malformed": b'<?xml version="1.0"?><xliff version="1.2"><file>',
    "not xliff": b'<?xml version="1.0"?><html/>',
    "another plan": _unit_file(original="comitia:csh/2020-2021"),
    "unknown id": _unit_file("bodies/nobody/name"),
    "wrong language": _unit_file(target_lang="de"),
    "the original's language": _unit_file(target_lang="fr"),
    "unfit character": _unit_file(target="Permanent\x85Council"),
}
REASONS = {
    "xxe": "document type declaration",
    "billion laughs": "document type declaration",
    "malformed": "not well-formed XML",
    "not xliff": "not an XLIFF 1.2 file",
    "another plan": "made from the plan 'comitia:csh/2020-2021'",
    "unknown id": "unit bodies/nobody/name: no text of the plan has this id",
    "wrong language": "target-language",
    "the original's language": "source and target languages are the same",
    "unfit character": "unit bodies/cp/name: the text holds the control character U+0085",
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_a_bad_file_is_refused_with_one_message_naming_the_problem(case: str) -> None:
    with pytest.raises(TranslationFileError) as refused:
        read_xliff(french_model_plan(), REFUSED[case], "plan.en.xlf")
    message = str(refused.value)
    assert "\n" not in message
    assert message.startswith("plan.en.xlf: ")
    assert REASONS[case] in message


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_the_command_refuses_a_bad_file_and_writes_nothing(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan_path = tmp_path / "plan.yaml"
    write_plan(french_model_plan(), plan_path)
    before = plan_path.read_bytes()
    good = tmp_path / "plan.es.xlf"
    good.write_bytes(filled(export_xliff(french_model_plan(), Language.ES)))
    bad = tmp_path / "plan.en.xlf"
    bad.write_bytes(REFUSED[case])
    # A good file beside the bad one is not applied either: all or nothing.
    status = main(
        ["translations", "import", str(plan_path), str(good), str(bad), "-o", str(plan_path)]
    )
    assert status == 2
    assert plan_path.read_bytes() == before
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "nothing written" in error


def test_an_import_edits_the_plan_file_in_place_and_changes_nothing_else(tmp_path: Path) -> None:
    text = (
        "# A comment that stays.\ncomitia: 1\nlanguage: fr\nterm:\n  committee: cp\n"
        '  label: "2019-2020"\n  start: 2019-10-01\n  end: 2020-09-30\n'
        'bodies:\n  - {id: cp, name: {fr: "Conseil permanent"}}  # flow style\n'
        "  - id: csh\n    name:\n      fr: >-\n        Commission sur la\n        sécurité\n"
        "    parent: cp\n"
    )
    plan_path = tmp_path / "plan.yaml"
    plan_path.write_text(text, encoding="utf-8")
    plan = read_plan(plan_path)
    xlf = tmp_path / "plan.en.xlf"
    xlf.write_bytes(filled(export_xliff(plan, Language.EN)))
    assert main(["translations", "import", str(plan_path), str(xlf), "-o", str(plan_path)]) == 0
    edited = plan_path.read_text(encoding="utf-8")
    assert edited.startswith(text.split("bodies:")[0])
    assert (
        '  - {id: cp, name: {fr: "Conseil permanent", en: "[Conseil permanent]"}}  # flow style\n'
        in edited
    )
    assert '      en: "[Commission sur la sécurité]"\n    parent: cp\n' in edited
    again = read_plan(plan_path)
    assert again.bodies[1].name[Language.EN] == "[Commission sur la sécurité]"
    assert set(again.translated_from[Language.EN]) == {"bodies/cp/name", "bodies/csh/name"}


_TARGETS = st.text(
    st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufffe\uffff"),
    min_size=1,
).filter(str.strip)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=plans(), target=_TARGETS)
def test_any_plan_exports_each_text_once_and_reads_its_translation_back(
    plan: Plan, target: str
) -> None:
    entries = plan_texts(plan)
    assert len({entry.id for entry in entries}) == len(entries)
    others = [lang for lang in plan.languages if lang is not plan.language]
    assume(others)
    lang = others[-1]
    untranslated = without_translations(plan)
    exported = export_xliff(untranslated, lang, select=Select.ALL)
    reading = read_xliff(untranslated, filled(exported, target))
    # Texts written in another language than the plan's have no source to translate from.
    expected = [e.id for e in plan_texts(untranslated) if e.source_lang is plan.language]
    assert [change.entry.id for change in reading.changes] == expected
    assert {change.new for change in reading.changes} <= {target}
    translated = apply_changes(untranslated, reading.changes)
    assert all(
        e.status(translated, lang) is Status.TRANSLATED
        for e in plan_texts(translated)
        if e.source_lang is plan.language
    )


def test_a_text_shared_through_a_yaml_alias_is_translated_once_in_place(tmp_path: Path) -> None:
    text = (
        "comitia: 1\nlanguage: fr\nterm:\n  committee: cp\n"
        '  label: "2019-2020"\n  start: 2019-10-01\n  end: 2020-09-30\n'
        'bodies:\n  - id: cp\n    name: &shared {fr: "Conseil permanent"}\n'
        "  - id: csh\n    name: *shared\n"
    )
    plan_path = tmp_path / "plan.yaml"
    plan_path.write_text(text, encoding="utf-8")
    xlf = tmp_path / "plan.es.xlf"
    xlf.write_bytes(filled(export_xliff(read_plan(plan_path), Language.ES), "Consejo Permanente"))
    assert main(["translations", "import", str(plan_path), str(xlf), "-o", str(plan_path)]) == 0
    edited = plan_path.read_text(encoding="utf-8")
    assert '    name: &shared {fr: "Conseil permanent", es: "Consejo Permanente"}\n' in edited
    assert "  - id: csh\n    name: *shared\n" in edited
    assert read_plan(plan_path).bodies[1].name[Language.ES] == "Consejo Permanente"

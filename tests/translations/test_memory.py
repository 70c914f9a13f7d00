"""The translation memory (TMX), the glossary of fixed names and the counts per language."""

from __future__ import annotations

import csv
import io

from translate.storage import tmx as tt_tmx

from comitia.plan import Language
from comitia.translations.memory import export_tmx, glossary_csv
from comitia.translations.texts import Status, plan_texts, progress
from tests.render.model import french_model_plan, model_plan


def test_the_memory_holds_every_up_to_date_pair_and_reads_back_in_translate_toolkit() -> None:
    plan = model_plan()
    store = tt_tmx.tmxfile.parsestring(export_tmx(plan, Language.ES))
    pairs = {(unit.source, unit.target) for unit in store.units}
    expected = {(e.source, e.text[Language.ES]) for e in plan_texts(plan)}
    assert pairs == expected
    assert ("Conseil permanent", "Consejo Permanente") in pairs
    assert tt_tmx.tmxfile.parsestring(export_tmx(french_model_plan(), Language.ES)).units == []


def test_the_glossary_names_bodies_areas_states_and_meeting_kinds_in_four_languages() -> None:
    rows = list(csv.reader(io.StringIO(glossary_csv(model_plan()))))
    assert rows[0] == ["kind", "id", "fr", "en", "es", "pt"]
    by_key = {(row[0], row[1]): row[2:] for row in rows[1:]}
    assert by_key[("body", "csh")] == [
        "Commission sur la sécurité continentale",
        "Committee on Hemispheric Security",
        "Comisión de Seguridad Hemisférica",
        "Comissão de Segurança Hemisférica",
    ]
    assert by_key[("acronym", "jid")] == ["JID", "IADB", "JID", "JID"]
    assert by_key[("member_state", "PE")] == ["Pérou", "Peru", "Perú", "Peru"]
    assert by_key[("meeting_kind", "regular")] == [
        "Réunion ordinaire",
        "Regular meeting",
        "Reunión ordinaria",
        "Reunião ordinária",
    ]
    assert sum(1 for key in by_key if key[0] == "member_state") == 35
    assert sum(1 for key in by_key if key[0] == "thematic_area") == len(model_plan().thematic_areas)


def test_progress_counts_each_language_and_only_the_untranslated_plan_is_missing() -> None:
    translated = {p.lang: p for p in progress(model_plan())}
    untranslated = {p.lang: p for p in progress(french_model_plan())}
    total = len(plan_texts(model_plan()))
    assert set(translated) == {Language.EN, Language.ES, Language.PT}
    for lang in translated:
        assert (translated[lang].translated, translated[lang].percent) == (total, 100)
        assert (untranslated[lang].missing, untranslated[lang].percent) == (total, 0)
    entry = plan_texts(french_model_plan())[0]
    assert entry.status(french_model_plan(), Language.EN) is Status.MISSING

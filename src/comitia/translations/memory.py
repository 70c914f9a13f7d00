"""What translators reuse: a translation memory (TMX) and a glossary of the fixed names (CSV).

The memory holds the plan's pairs whose translation is up to date (an outdated one would teach
the CAT tool an old sentence); the glossary the names a plan repeats everywhere, in the four
languages: its bodies (name and acronym), its thematic areas, the member states (from the CLDR,
``comitia.plan.states``) and the kinds of meeting (from the core's catalog). Plain Python.
"""

from __future__ import annotations

import csv
import io

from translate.storage import tmx as tt_tmx

from comitia import catalog
from comitia.plan import Language, MeetingKind, Plan, Text
from comitia.plan.states import OAS_MEMBER_STATES, state_name
from comitia.translations.notes import catalog_for
from comitia.translations.texts import Status, plan_texts

# The names are the core catalog's, written once in comitia.catalog.
MEETING_KINDS = {kind: catalog.MEETING_KINDS[kind.value] for kind in MeetingKind}


def export_tmx(plan: Plan, target: Language) -> bytes:
    """TMX 1.4 of every text of ``plan`` translated into ``target`` and up to date."""
    store = tt_tmx.tmxfile(sourcelanguage=plan.language.value)
    for entry in plan_texts(plan):
        if entry.source_lang is target or entry.status(plan, target) is not Status.TRANSLATED:
            continue
        store.addtranslation(
            entry.source, entry.source_lang.value, entry.text[target], target.value
        )
    return bytes(store)


GLOSSARY_LANGUAGES = (Language.FR, Language.EN, Language.ES, Language.PT)


def glossary_rows(plan: Plan) -> list[list[str]]:
    """The glossary as rows: kind, id, then the name in fr, en, es and pt ("" when missing)."""

    def of(value: Text | None) -> list[str]:
        return [value.root.get(lang, "") if value else "" for lang in GLOSSARY_LANGUAGES]

    rows = [["kind", "id", *(lang.value for lang in GLOSSARY_LANGUAGES)]]
    for body in plan.bodies:
        rows.append(["body", body.id, *of(body.name)])
        if body.acronym is not None:
            rows.append(["acronym", body.id, *of(body.acronym)])
    for area in plan.thematic_areas:
        rows.append(["thematic_area", area.id, *of(area.title)])
    for code in OAS_MEMBER_STATES:
        rows.append(
            ["member_state", code, *(state_name(code, lang.value) for lang in GLOSSARY_LANGUAGES)]
        )
    for kind, message in MEETING_KINDS.items():
        rows.append(
            [
                "meeting_kind",
                kind.value,
                *(catalog_for(lang.value).gettext(message) for lang in GLOSSARY_LANGUAGES),
            ]
        )
    return rows


def glossary_csv(plan: Plan) -> str:
    """The glossary as CSV (RFC 4180, UTF-8), which every CAT tool imports as a term base."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(glossary_rows(plan))
    return out.getvalue()

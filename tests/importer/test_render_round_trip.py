"""A DOCX written by Comitia's own renderer imports back to the plan it was written from.

The renderer (comitia.render.docx) prints the model plan in each of the four languages; the
importer reads that DOCX with the same grammar as a legacy document, helped by what a DOCX of
Comitia says and a text export does not: its languages, the kind and depth of every agenda
node, and real footnotes. The model plan's content is in French only, so the English, Spanish
and Portuguese documents print it untranslated inside their own wording: they are read with
both languages' words. What a printed document cannot carry is listed with its reason, as for
the model document.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from comitia.importer import ImportResult, import_document, import_lines, standard
from comitia.importer.docx import read_docx
from comitia.importer.source import Origin, lines_from_text
from comitia.plan import AgendaKind, Plan
from comitia.plan.files import read_plan
from comitia.render import renderer
from comitia.translations.texts import without_translations
from tests.importer import compare
from tests.importer.test_model_document import (
    BODY_BY_JUDGEMENT,
    SMM_TYPO,
    VENUE_IN_NAME,
    negotiation_shape,
)

ROOT = Path(__file__).resolve().parents[2]
MODEL_PLAN = ROOT / "examples" / "oas-csh-2019-2020.yaml"


@pytest.fixture(scope="module")
def model() -> Plan:
    # The plan as the OAS document is, its content in French alone (the model plan's
    # translations taken out): each rendering then says which language its content is in.
    return without_translations(read_plan(MODEL_PLAN))


@pytest.fixture(scope="module", params=["fr", "en", "es", "pt"])
def lang(request: pytest.FixtureRequest) -> str:
    """The language the document is rendered in."""
    return str(request.param)


@pytest.fixture(scope="module")
def imported(lang: str, model: Plan, tmp_path_factory: pytest.TempPathFactory) -> ImportResult:
    path = tmp_path_factory.mktemp("render") / f"model.{lang}.docx"
    path.write_bytes(renderer("docx")(model, lang))
    # No --lang: the document says its language, and that of its content (French).
    result = import_document(path)
    assert result.plan.language.value == "fr"
    assert result.plan.document is not None
    assert result.plan.document.title.model_dump().keys() == {"fr"}
    return result


def _without_smm(tree: Any) -> Any:
    if isinstance(tree, dict):
        result = {k: _without_smm(v) for k, v in tree.items()}
        if str(result.get("title") or "").startswith(SMM_TYPO):
            result["presenters"] = []
        return result
    if isinstance(tree, list):
        return [_without_smm(v) for v in tree]
    return tree


def test_the_rendered_meetings_import_back(imported: ImportResult, model: Plan) -> None:
    plan = imported.plan
    assert [m.date for m in plan.meetings] == [m.date for m in model.meetings]
    for mine, theirs in zip(plan.meetings, model.meetings, strict=True):
        got, expected = compare.meeting(plan, mine), _without_smm(compare.meeting(model, theirs))
        assert got == expected, got["date"]


def test_the_rendered_activities_import_back(imported: ImportResult, model: Plan) -> None:
    def key(item: dict[str, Any]) -> tuple[str, str]:
        return (item["when"], item["title"])

    got = sorted((compare.activity(imported.plan, a) for a in imported.plan.activities), key=key)
    expected = sorted((compare.activity(model, a) for a in model.activities), key=key)
    for theirs in expected:
        if theirs["title"].startswith(tuple(BODY_BY_JUDGEMENT)):
            theirs["body"] = None
        if theirs["title"].startswith(VENUE_IN_NAME):
            theirs["venue"] = "Colombie"
    assert got == expected


def test_the_rest_of_the_rendered_plan_imports_back(imported: ImportResult, model: Plan) -> None:
    plan = imported.plan
    assert [compare.officer(o) for o in plan.officers] == [
        compare.officer(o) for o in model.officers
    ]
    # The renderer groups obligations by frequency; the order is its own.
    assert sorted(
        (compare.obligation(o) for o in plan.obligations), key=lambda o: o["title"]
    ) == sorted((compare.obligation(o) for o in model.obligations), key=lambda o: o["title"])
    assert [compare.appropriation(a) for a in plan.appropriations] == [
        compare.appropriation(a) for a in model.appropriations
    ]
    assert [(m.source, m.article, m.body) for m in plan.mandates] == [
        (m.source, m.article, m.body) for m in model.mandates
    ]
    # The renderer prints a requested event with the date of the meeting that holds it (30
    # April for the one proposed for 16 April) and without "date proposée": only the links
    # between events and meetings come back.
    assert [e.meeting for e in plan.requested_events] == [e.meeting for e in model.requested_events]
    # The summary prints "Jour de l’Action de grâces (pas de réunion)": the dates come back.
    assert [d.date for d in plan.non_meeting_days] == [d.date for d in model.non_meeting_days]
    assert plan.document is not None and model.document is not None
    assert plan.document.symbol == model.document.symbol
    # Headings come back in capitals (the DOCX heading style is read as a text export shows it).
    assert negotiation_shape(plan)[1:] == negotiation_shape(model)[1:]


def test_an_item_after_an_area_comes_back_at_the_top_of_the_agenda(
    imported: ImportResult,
) -> None:
    # 14 April 2020: an area with its topic, then the draft resolution outside any area.
    meeting = next(m for m in imported.plan.meetings if m.date.isoformat() == "2020-04-14")
    assert [n.kind for n in meeting.agenda] == [AgendaKind.AREA, AgendaKind.ITEM]
    assert str(meeting.agenda[1].title).startswith("Examen du projet de résolution")


def test_the_renderers_fixed_sentences_are_recognized_and_nothing_is_unused(
    imported: ImportResult, lang: str
) -> None:
    assert imported.report.unused == []
    # The methodology's purpose, the two sentences on suggestions, the two on follow-up, the
    # introduction's scope and the general considerations.
    assert imported.report.counts[standard.KIND] == 7
    # Outside French, the annex that lists the French texts printed untranslated (a row per
    # place, a line per text, whose places name sections): derived, and it opens no section.
    listed = imported.report.counts["texts awaiting translation (listed again)"]
    assert (listed > 100) if lang != "fr" else (listed == 0)


def test_english_dates_print_in_united_states_order_and_import_the_same(model: Plan) -> None:
    # The English document writes "Thursday, October 24, 2019" and "October 30 and 31, 2019";
    # read as a text export, meetings, earlier dates, elections, activities and holidays come
    # back the same.
    content = read_docx(renderer("docx")(model, "en"), "model.en.docx")
    text = content.text
    assert "Thursday, October 24, 2019 (10:00 a.m." in text
    assert re.search(r"\b\d{1,2} (January|October|November) \d{4}", text) is None
    result = import_lines(
        lines_from_text(text), None, Origin(True, content.lang, content.content_lang)
    )
    plan = result.plan
    assert result.report.unused == []
    assert [(m.date, m.previous_dates) for m in plan.meetings] == [
        (m.date, m.previous_dates) for m in model.meetings
    ]
    assert [compare.officer(o) for o in plan.officers] == [
        compare.officer(o) for o in model.officers
    ]
    assert sorted(str(a.when) for a in plan.activities) == sorted(
        str(a.when) for a in model.activities
    )
    assert [d.date for d in plan.non_meeting_days] == [d.date for d in model.non_meeting_days]

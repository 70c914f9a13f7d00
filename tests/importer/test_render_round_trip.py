"""A DOCX written by Comitia's own renderer imports back to the plan it was written from.

The renderer (comitia.render.docx) prints the model plan in French; the importer reads that DOCX
with the same grammar as a legacy document, helped by what a DOCX says and a text export does
not: list levels and real footnotes. What a printed document cannot carry is listed with its
reason, as for the model document.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from comitia.importer import ImportResult, import_document
from comitia.plan import AgendaNode, Plan
from comitia.plan.files import read_plan
from comitia.render import renderer
from tests.importer import compare
from tests.importer.test_model_document import (
    BODY_BY_JUDGEMENT,
    SMM_TYPO,
    VENUE_IN_NAME,
    negotiation_shape,
)

ROOT = Path(__file__).resolve().parents[2]
MODEL_PLAN = ROOT / "examples" / "oas-csh-2019-2020.yaml"

# The renderer prints an item that follows an area at the same list level as the area's topics:
# the printed page cannot tell that "Examen du projet de résolution" leaves the area.
FLATTENED = {"2020-04-14", "2020-05-19"}
# Prose of the rendered document that holds no data of the plan model.
UNUSED_PROSE = 7


@pytest.fixture(scope="module")
def model() -> Plan:
    return read_plan(MODEL_PLAN)


@pytest.fixture(scope="module")
def imported(model: Plan, tmp_path_factory: pytest.TempPathFactory) -> ImportResult:
    path = tmp_path_factory.mktemp("render") / "model.docx"
    path.write_bytes(renderer("docx")(model, "fr"))
    return import_document(path)


def _titles(nodes: list[AgendaNode]) -> list[str]:
    return [str(n.title) for root in nodes for n in root.walk() if n.title is not None]


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
        if got["date"] in FLATTENED:
            assert _titles(mine.agenda) == _titles(theirs.agenda)
            got["agenda"] = expected["agenda"] = None
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


def test_only_prose_is_left_unused(imported: ImportResult) -> None:
    assert len(imported.report.unused) == UNUSED_PROSE

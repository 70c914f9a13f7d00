"""Any valid plan prints as DOCX and HTML in every language, with all its meetings."""

from __future__ import annotations

import io

import docx
from hypothesis import given, settings

from comitia.dates import format_day
from comitia.plan import Plan
from comitia.plan.fields import Text
from comitia.render.document import build_document
from comitia.render.docx.writer import write_docx
from comitia.render.html.writer import render_page
from tests.render.model import model_plan, plan_tables
from tests.strategies import plans


@settings(max_examples=20, deadline=None)
@given(plans())
def test_any_plan_prints_with_every_meeting(plan: Plan) -> None:
    for lang in ("fr", "en", "es", "pt"):
        document = build_document(plan, lang)
        data = write_docx(document)
        calendar = plan_tables(docx.Document(io.BytesIO(data)))[0]
        lines = [row.cells[0].paragraphs[0].text for row in calendar.rows]
        for meeting in plan.meetings:
            printed = format_day(meeting.date, lang, weekday=True)
            printed = printed[:1].upper() + printed[1:]
            assert any(line.startswith(printed) for line in lines)
        assert render_page(document).startswith("<!DOCTYPE html>")


def test_characters_that_xml_cannot_hold_are_replaced() -> None:
    plan = model_plan()
    meeting = plan.meetings[0].model_copy(update={"title": Text.of("fr", "A\ufffeB")})
    plan = plan.model_copy(update={"meetings": [meeting, *plan.meetings[1:]]})
    data = write_docx(build_document(plan, "fr"))
    text = "\n".join(
        p.text
        for row in plan_tables(docx.Document(io.BytesIO(data)))[0].rows
        for p in row.cells[0].paragraphs
    )
    assert "A\ufffdB" in text

"""Replacing a plan keeps its paragraphs' versions, so that amendments keep their meaning."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from comitia.plan import Plan
from comitia.web.negotiation import operations
from comitia.web.negotiation.models import Amendment
from comitia.web.plans import models as m
from comitia.web.plans.convert import load_plan, save_plan
from tests.web.negotiation.conftest import negotiation_plan

pytestmark = pytest.mark.django_db


def _paragraph(number: str) -> m.Paragraph:
    return m.Paragraph.objects.select_related("resolution__term").get(
        resolution__key="draft-2020", number=number
    )


def _amend(paragraph: m.Paragraph, text: str) -> Amendment:
    return operations.propose_amendment(
        paragraph,
        "BR",
        {"kind": "reword", "language": "en", "text": text, "justification": "Why."},
        None,
        token=uuid.uuid4(),
    )


def _with_text(plan: Plan, number: str, text: dict[str, str]) -> Plan:
    data: dict[str, Any] = plan.model_dump(mode="json", by_alias=True, exclude_none=True)
    draft = next(r for r in data["resolutions"] if r["id"] == "draft-2020")
    for paragraph in draft["paragraphs"]:
        if paragraph["number"] == number:
            paragraph["text"] = text
    return Plan.model_validate(data)


def test_a_paragraph_whose_words_persist_keeps_its_version_through_a_replace() -> None:
    term = save_plan(negotiation_plan())
    operations.incorporate_amendment(_amend(_paragraph("3 bis"), "Encourage strongly"), None)
    pending = _amend(_paragraph("3 bis"), "Encourage firmly")
    assert (_paragraph("3 bis").version, pending.based_on) == (2, 2)

    save_plan(load_plan(term), replace=True)  # the plan as it stands, loaded again

    assert _paragraph("3 bis").version == 2
    assert _paragraph("4").version == 1
    # The amendment written against version 2 is still against the text it read.
    pending.refresh_from_db()
    operations.incorporate_amendment(pending, None)
    assert _paragraph("3 bis").text["en"] == "Encourage firmly"
    assert _paragraph("3 bis").version == 3


def test_a_paragraph_whose_words_changed_in_the_new_plan_moves_on_a_version() -> None:
    term = save_plan(negotiation_plan())
    operations.incorporate_amendment(_amend(_paragraph("3 bis"), "Encourage strongly"), None)
    written = _amend(_paragraph("3 bis"), "Encourage firmly")

    changed = _with_text(load_plan(term), "3 bis", {"en": "Urge, as the capitals asked"})
    save_plan(changed, replace=True)

    assert _paragraph("3 bis").version == 3
    written.refresh_from_db()
    with pytest.raises(operations.AmendmentConflict):
        operations.incorporate_amendment(written, None)
    assert _paragraph("3 bis").text["en"] == "Urge, as the capitals asked"

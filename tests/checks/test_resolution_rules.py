"""Resolution rules (RES) and coverage by paragraph: the model plan, the illustrative draft."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from comitia.checks import CoverageState, Finding, paragraph_coverage, run_checks
from comitia.plan import MeetingStatus, Plan
from comitia.plan.files import read_plan

ROOT = Path(__file__).resolve().parents[2]
DRAFT = ROOT / "examples" / "oas-csh-2020-draft-illustrative.yaml"
MODEL = ROOT / "examples" / "oas-csh-2019-2020.yaml"


@pytest.fixture(scope="module")
def draft() -> Plan:
    return read_plan(DRAFT)


@pytest.fixture(scope="module")
def model() -> Plan:
    return read_plan(MODEL)


def _found(plan: Plan, code: str, today: dt.date) -> list[Finding]:
    return run_checks(plan, today=today, codes=[code])


def test_a_draft_paragraph_without_lead_is_flagged_unless_withdrawn(draft: Plan) -> None:
    (finding,) = _found(draft, "RES002", dt.date(2020, 5, 1))
    assert finding.params["number"] == "3"
    assert finding.message("fr") == (
        "Le paragraphe 3 du dispositif du projet CP/CSH-0000/20 rev. 2 "
        "n’a pas de délégation chef de file."
    )


def test_paragraphs_not_agreed_are_flagged_once_the_last_formal_review_meeting_has_passed(
    draft: Plan,
) -> None:
    assert _found(draft, "RES003", dt.date(2020, 5, 21)) == []
    found = _found(draft, "RES003", dt.date(2020, 5, 22))
    # Agreed (preambular 1) and withdrawn (operative 4) paragraphs are settled.
    assert [(f.params["kind"].value, f.params["number"]) for f in found] == [
        ("preambular", "2"),
        ("operative", "1"),
        ("operative", "1 bis"),
        ("operative", "2"),
        ("operative", "3"),
    ]
    assert found[0].dates == (dt.date(2020, 5, 21),)
    assert "sigue en consultas informales" in found[0].message("es")


def test_no_formal_review_dates_means_no_finding_of_paragraphs_not_agreed(draft: Plan) -> None:
    assert draft.negotiation is not None
    undated = draft.model_copy(update={"negotiation": None})
    assert _found(undated, "RES003", dt.date(2021, 1, 1)) == []


def test_a_draft_section_with_no_paragraph_is_flagged_by_its_area_title(draft: Plan) -> None:
    (finding,) = _found(draft, "RES004", dt.date(2020, 5, 1))
    assert "“Assistência humanitária e resposta a desastres”" in finding.message("pt")


def test_an_adopted_resolution_is_not_checked_as_a_draft(model: Plan) -> None:
    for code in ("RES002", "RES003", "RES004"):
        assert _found(model, code, dt.date(2020, 9, 30)) == []


def test_coverage_by_paragraph_leaves_out_the_paragraphs_of_other_bodies(model: Plan) -> None:
    rows = paragraph_coverage(model, today=dt.date(2019, 11, 8))
    numbers = [row.paragraph.number for row in rows]
    assert "72" not in numbers and "81" not in numbers and len(numbers) == 68
    by_number = {row.paragraph.number: row for row in rows}
    # Paragraph 52: cited on 24 October and 7 November (presented by 8 November), 5 December.
    assert [m.date.isoformat() for m in by_number["52"].meetings] == [
        "2019-10-24",
        "2019-11-07",
        "2019-12-05",
    ]
    assert by_number["52"].state is CoverageState.PRESENTED
    assert by_number["52"].area is not None and by_number["52"].area.number == 5
    assert by_number["146"].state is CoverageState.PRESENTED
    assert by_number["122"].state is CoverageState.SCHEDULED
    assert by_number["9"].state is CoverageState.NOT_SCHEDULED and by_number["9"].addresses == ()


def test_a_cancelled_meeting_addresses_no_paragraph(model: Plan) -> None:
    meetings = [
        m.model_copy(update={"status": MeetingStatus.CANCELLED}) if m.id == "csh-2020-03-19" else m
        for m in model.meetings
    ]
    plan = model.model_copy(update={"meetings": meetings})
    by_number = {r.paragraph.number: r for r in paragraph_coverage(plan, today=dt.date(2020, 1, 1))}
    # 77 and 80 are cited on 19 March only.
    assert by_number["77"].state is CoverageState.NOT_SCHEDULED
    (finding,) = run_checks(plan, today=dt.date(2020, 1, 1), codes=["RES001"])
    assert "77" in finding.params["numbers"] and "80" in finding.params["numbers"]

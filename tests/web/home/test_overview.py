"""The home page's lines and names, computed without a database."""

from __future__ import annotations

from pathlib import Path

import pytest

from comitia.plan import Plan
from comitia.plan.files import read_plan
from comitia.web.home.overview import (
    MeetingLine,
    display_language,
    group_by_month,
    term_name,
)

MODEL_PLAN = Path(__file__).parents[3] / "examples" / "oas-csh-2019-2020.yaml"


@pytest.fixture(scope="module")
def plan() -> Plan:
    return read_plan(MODEL_PLAN)


def _line(iso_date: str) -> MeetingLine:
    return MeetingLine(
        id=f"m-{iso_date}",
        day=iso_date,
        iso_date=iso_date,
        start="10:00",
        end="13:00",
        title=None,
        kind="regular",
        status="confirmed",
        provisional=False,
        earlier_dates=[],
        venue=None,
        areas=[],
        agenda_size=0,
    )


def test_meeting_lines_are_grouped_by_month_with_its_name_in_the_reader_language() -> None:
    lines = [_line("2019-12-31"), _line("2020-01-02"), _line("2020-01-30")]
    months = group_by_month(lines, "fr")
    assert [month.label for month in months] == ["Décembre 2019", "Janvier 2020"]
    assert [len(month.meetings) for month in months] == [1, 2]
    assert group_by_month(lines, "es")[1].label == "Enero 2020"


@pytest.mark.parametrize(
    ("django_code", "plan_code"), [("pt-br", "pt"), ("fr", "fr"), ("es", "es"), ("de", "en")]
)
def test_django_language_codes_map_to_plan_languages(django_code: str, plan_code: str) -> None:
    assert display_language(django_code) == plan_code


def test_a_term_is_named_by_its_committee_acronym_and_label(plan: Plan) -> None:
    assert term_name(plan, "fr") == "CSH 2019-2020"
    committee = plan.body(plan.term.committee)
    unnamed = committee.model_copy(update={"acronym": None})
    bodies = [unnamed if b.id == committee.id else b for b in plan.bodies]
    without_acronym = plan.model_copy(update={"bodies": bodies})
    assert term_name(without_acronym, "fr") == "Commission sur la sécurité continentale 2019-2020"

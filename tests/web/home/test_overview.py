"""The home page's overview of a plan, computed without a database."""

from __future__ import annotations

from pathlib import Path

import pytest

from comitia.plan import Plan
from comitia.plan.files import read_plan
from comitia.web.home.overview import (
    display_language,
    months_of_meetings,
    officer_lines,
    term_name,
)

MODEL_PLAN = Path(__file__).parents[3] / "examples" / "oas-csh-2019-2020.yaml"
ROLES = {"chair": "Chair", "first_vice_chair": "First", "second_vice_chair": "Second"}


@pytest.fixture(scope="module")
def plan() -> Plan:
    return read_plan(MODEL_PLAN)


def test_meetings_are_grouped_by_month_in_date_order(plan: Plan) -> None:
    months = months_of_meetings(plan, "fr")
    assert [month.label for month in months] == [
        "Octobre 2019", "Novembre 2019", "Décembre 2019", "Janvier 2020", "Février 2020",
        "Mars 2020", "Avril 2020", "Mai 2020",
    ]  # fmt: skip
    dates = [meeting.iso_date for month in months for meeting in month.meetings]
    assert dates == sorted(meeting.date.isoformat() for meeting in plan.meetings)


def test_meeting_days_are_printed_with_their_weekday_in_the_reader_language(plan: Plan) -> None:
    first_fr = months_of_meetings(plan, "fr")[0].meetings[0]
    first_es = months_of_meetings(plan, "es")[0].meetings[0]
    assert first_fr.day == "jeudi 24 octobre 2019"
    assert first_es.day.startswith("jueves")


def test_a_moved_meeting_lists_its_earlier_date(plan: Plan) -> None:
    february = months_of_meetings(plan, "en")[4]
    moved = next(meeting for meeting in february.meetings if meeting.iso_date == "2020-02-20")
    assert moved.earlier_dates == ["January 30, 2020"]


def test_french_content_read_in_english_is_marked_as_a_fallback(plan: Plan) -> None:
    december = months_of_meetings(plan, "en")[2]
    special = next(meeting for meeting in december.meetings if meeting.kind == "special")
    assert special.title is not None
    assert special.title.fallback_lang == "fr"
    assert months_of_meetings(plan, "fr")[2].meetings[0].title.fallback_lang is None  # type: ignore[union-attr]


def test_each_meeting_lists_the_thematic_areas_of_its_agenda_once(plan: Plan) -> None:
    march_19 = next(
        meeting
        for month in months_of_meetings(plan, "fr")
        for meeting in month.meetings
        if meeting.iso_date == "2020-03-19"
    )
    titles = [area.text for area in march_19.areas]
    assert len(titles) == len(set(titles)) >= 3


def test_officers_come_in_role_order_with_state_names_from_cldr(plan: Plan) -> None:
    lines = officer_lines(plan, "es", ROLES)
    assert [line.role for line in lines[:3]] == ["Chair", "First", "Second"]
    assert lines[0].state == "Perú"
    assert lines[0].person == "José Manuel Boza Orozco"


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

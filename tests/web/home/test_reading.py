"""The home page's overview read from the rows of a stored term: what the plan says, in the
reader's language, without what the reader may not see."""

from __future__ import annotations

from pathlib import Path

import pytest

from comitia.plan import Plan
from comitia.plan.files import read_plan
from comitia.translations.texts import without_translations
from comitia.web.home.reading import TermOverview, term_overview
from comitia.web.levels import Visibility
from comitia.web.plans import models as m
from tests.web.publishing import store_published

MODEL_PLAN = Path(__file__).parents[3] / "examples" / "oas-csh-2019-2020.yaml"
ROLES = {"chair": "Chair", "first_vice_chair": "First", "second_vice_chair": "Second"}

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan() -> Plan:
    return read_plan(MODEL_PLAN)


@pytest.fixture
def term(plan: Plan) -> m.Term:
    return m.Term.objects.select_related("committee").get(pk=store_published(plan).pk)


def _overview(term: m.Term, lang: str) -> TermOverview:
    return term_overview(term, None, lang, ROLES)


def test_meetings_are_grouped_by_month_in_date_order(term: m.Term, plan: Plan) -> None:
    months = _overview(term, "fr").months
    assert [month.label for month in months] == [
        "Octobre 2019", "Novembre 2019", "Décembre 2019", "Janvier 2020", "Février 2020",
        "Mars 2020", "Avril 2020", "Mai 2020",
    ]  # fmt: skip
    dates = [meeting.iso_date for month in months for meeting in month.meetings]
    assert dates == sorted(meeting.date.isoformat() for meeting in plan.meetings)


def test_meeting_days_are_printed_with_their_weekday_in_the_reader_language(
    term: m.Term,
) -> None:
    assert _overview(term, "fr").months[0].meetings[0].day == "jeudi 24 octobre 2019"
    assert _overview(term, "es").months[0].meetings[0].day.startswith("jueves")


def test_a_moved_meeting_lists_its_earlier_date(term: m.Term) -> None:
    february = _overview(term, "en").months[4]
    moved = next(meeting for meeting in february.meetings if meeting.iso_date == "2020-02-20")
    assert moved.earlier_dates == ["January 30, 2020"]


def test_french_content_read_in_english_is_marked_as_a_fallback(plan: Plan) -> None:
    # The model plan as the OAS wrote it, in French alone (its translations taken out).
    term = m.Term.objects.select_related("committee").get(
        pk=store_published(without_translations(plan)).pk
    )
    december = _overview(term, "en").months[2]
    special = next(meeting for meeting in december.meetings if meeting.kind == "special")
    assert special.title is not None
    assert special.title.fallback_lang == "fr"
    french = _overview(term, "fr").months[2].meetings[0].title
    assert french is not None and french.fallback_lang is None


def test_each_meeting_lists_the_thematic_areas_of_its_agenda_once(term: m.Term, plan: Plan) -> None:
    march_19 = next(
        meeting
        for month in _overview(term, "fr").months
        for meeting in month.meetings
        if meeting.iso_date == "2020-03-19"
    )
    titles = [area.text for area in march_19.areas]
    assert len(titles) == len(set(titles)) >= 3
    stored = next(meeting for meeting in plan.meetings if meeting.id == march_19.id)
    assert march_19.agenda_size == len(stored.agenda_nodes())


def test_officers_come_in_role_order_with_state_names_from_cldr(term: m.Term) -> None:
    lines = _overview(term, "es").officers
    assert [line.role for line in lines[:3]] == ["Chair", "First", "Second"]
    assert lines[0].state == "Perú"
    assert lines[0].person == "José Manuel Boza Orozco"


def test_counts_and_months_leave_out_the_meetings_the_reader_may_not_see(
    term: m.Term, plan: Plan
) -> None:
    first = min(plan.meetings, key=lambda meeting: (meeting.date, meeting.start))
    m.Meeting.objects.filter(term=term, key=first.id).update(visibility=Visibility.DRAFT)
    overview = _overview(term, "fr")
    shown = [meeting.id for month in overview.months for meeting in month.meetings]
    assert overview.meeting_count == len(shown) == len(plan.meetings) - 1
    assert first.id not in shown
    assert overview.activity_count == len(plan.activities)


def test_a_document_hidden_from_the_reader_gives_no_title_or_symbol(term: m.Term) -> None:
    assert _overview(term, "fr").document is not None
    m.PlanDocument.objects.filter(term=term).update(visibility=Visibility.MEMBER_STATES)
    overview = _overview(term, "fr")
    assert overview.document is None and overview.document_title is None

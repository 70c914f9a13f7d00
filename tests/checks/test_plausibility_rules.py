"""PLS: readings that are possible but unlikely (long days, night starts, titles that are dates)."""

from __future__ import annotations

import datetime as dt

import pytest

from comitia.plan import Text
from tests.checks.plans import activity, findings, item, meeting, plan, text


def test_a_meeting_longer_than_a_working_day_is_flagged_with_its_hours() -> None:
    # "9:00 a.m. to 8:00 p.m." where the document said "9:00 a.m. to 12:00 noon".
    p = plan(meetings=[meeting("2020-03-05", start="09:00", end="20:00")])
    (found,) = findings(p, "PLS001")
    assert found.message() == (
        "What is planned on March 5, 2020 runs from 09:00 to 20:00 (11 hours),"
        " longer than a working day."
    )
    assert found.message("fr").startswith("Ce qui est prévu le 5 mars 2020 dure de 09:00 à 20:00")


@pytest.mark.parametrize(
    ("start", "end"), [("09:00", "18:00"), ("08:00", "18:00"), ("10:00", "13:00")]
)
def test_a_full_working_day_or_less_is_silent(start: str, end: str) -> None:
    assert findings(plan(meetings=[meeting("2020-03-05", start=start, end=end)]), "PLS001") == []


def test_a_one_day_activity_is_flagged_but_the_daily_hours_of_a_multi_day_one_are_not() -> None:
    long_day = activity("a", "2020-03-05", start="07:30", end="19:30")
    several_days = activity("b", "2020-03-02/2020-03-06", start="07:30", end="19:30")
    (found,) = findings(plan(activities=[long_day, several_days]), "PLS001")
    assert [ref.id for ref in found.objects] == ["a"]


@pytest.mark.parametrize(
    ("start", "end", "flagged"),
    [
        ("06:30", "09:00", True),
        ("21:30", "23:00", True),
        ("07:00", "09:00", False),
        ("21:00", "22:00", False),
    ],
)
def test_a_start_before_seven_or_after_nine_in_the_evening_is_flagged(
    start: str, end: str, flagged: bool
) -> None:
    found = findings(plan(meetings=[meeting("2020-03-05", start=start, end=end)]), "PLS002")
    assert bool(found) is flagged
    if flagged:
        assert found[0].hint() == "Check the time: a.m. and p.m. may have been mixed up."


def test_an_activity_start_at_night_is_flagged() -> None:
    p = plan(activities=[activity("a", "2020-03-05", start="03:00", end="06:00")])
    (found,) = findings(p, "PLS002")
    assert found.message("es") == (
        "Lo previsto el 5 de marzo de 2020 empieza a las 03:00, antes de las 07:00 o después"
        " de las 21:00."
    )


@pytest.mark.parametrize(
    "title",
    ["3", "12.", "(4)", "2020/21", "24 octobre 2019", "Jeudi 24 octobre", "du 3 au 5 mars 2020"],
)
def test_a_title_that_is_only_a_number_or_a_date_is_flagged(title: str) -> None:
    p = plan(meetings=[meeting("2019-10-24", title=text(title))])
    (found,) = findings(p, "PLS003")
    assert found.message() == f"The title “{title}” is only a number or a date."


@pytest.mark.parametrize(
    "title",
    [
        "Réunion ordinaire",
        "Session du 24 octobre 2019",
        "Rapport annuel 2019 du Secrétariat",
        "Suivi de la résolution AG/RES. 2945 (XLIX-O/19)",
    ],
)
def test_a_title_with_words_besides_a_date_is_silent(title: str) -> None:
    p = plan(meetings=[meeting("2019-10-24", title=text(title))])
    assert findings(p, "PLS003") == []


def test_agenda_items_and_activities_titles_are_read_in_their_languages() -> None:
    p = plan(
        meetings=[meeting("2019-10-24", agenda=[item("Point"), item("5")])],
        activities=[
            activity("a", "2020-03-05", title="Seminario"),
            activity("b", "2020-03-06", title="x").model_copy(
                update={"title": Text.of("en", "March 6, 2020")}
            ),
        ],
    )
    found = findings(p, "PLS003")
    assert sorted(f.params["title"] for f in found) == ["5", "March 6, 2020"]
    assert {f.dates for f in found} == {(dt.date(2019, 10, 24),), (dt.date(2020, 3, 6),)}

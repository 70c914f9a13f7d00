"""WDY001: weekdays written next to dates in the plan's texts."""

from __future__ import annotations

import datetime as dt

import pytest

from comitia.checks.rules.weekdays import weekday_mistakes
from comitia.plan import SummaryClaim
from tests.checks.plans import findings, meeting, plan, text

START, END = dt.date(2019, 10, 1), dt.date(2020, 9, 30)


@pytest.mark.parametrize(
    "phrase",
    [
        "Jeudi 24 octobre (10 h 00 – 13 h00)",
        "Mardi 14 avril (14 h 30 – 17 h 30)",
        "Thursday, 24 October 2019",
        "Thursday, October 24",
        "jueves 24 de octubre de 2019",
        "quinta-feira, 24 de outubro",
        "Vendredi 1er novembre",
    ],
)
def test_right_weekdays_are_silent(phrase: str) -> None:
    assert list(weekday_mistakes(phrase, START, END)) == []


@pytest.mark.parametrize(
    ("phrase", "day"),
    [
        ("Mercredi 24 octobre", dt.date(2019, 10, 24)),
        ("Jeudi 5 mai", dt.date(2020, 5, 5)),
        ("Friday, 24 October 2019", dt.date(2019, 10, 24)),
        ("martes 24 de octubre", dt.date(2019, 10, 24)),
        ("sexta-feira, 24 de outubro", dt.date(2019, 10, 24)),
    ],
)
def test_wrong_weekdays_are_found_with_their_day(phrase: str, day: dt.date) -> None:
    assert [date for _phrase, date in weekday_mistakes(phrase, START, END)] == [day]


def test_days_that_do_not_exist_or_fall_outside_the_term_are_left_alone() -> None:
    assert list(weekday_mistakes("Lundi 31 février", START, END)) == []
    assert (
        list(weekday_mistakes("Lundi 30 septembre", dt.date(2019, 10, 1), dt.date(2019, 12, 31)))
        == []
    )


def test_a_wrong_weekday_in_a_summary_entry_is_an_error() -> None:
    p = plan(
        meetings=[meeting("2020-05-05", title=text("Mardi 5 mai : réunion ordinaire"))],
        summary_claims=[
            SummaryClaim(
                when="2020-05-05", title=text("Jeudi 5 mai (rapport annuel)"), committee=True
            )
        ],
    )
    (found,) = findings(p, "WDY001")
    assert found.message() == (
        "The text “Jeudi 5 mai (rapport annuel)” gives a wrong weekday: "
        "the day is Tuesday, May 5, 2020."
    )

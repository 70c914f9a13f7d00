"""WDY001 with a year written: the weekday is checked against that year, inside the term or not.

Every phrase of ``test_weekdays.py`` lies inside the term, where reading the year or guessing
it from the term gives the same day; these phrases name other years.
"""

from __future__ import annotations

import datetime as dt

import pytest

from comitia.checks.rules.weekdays import weekday_mistakes

START, END = dt.date(2019, 10, 1), dt.date(2020, 9, 30)


@pytest.mark.parametrize(
    ("phrase", "day"),
    [
        # 24 October 2017 was a Tuesday; 24 October 2019, in the term, a Thursday.
        ("Jeudi 24 octobre 2017", dt.date(2017, 10, 24)),
        ("Thursday, October 24, 2017", dt.date(2017, 10, 24)),
        ("jueves 24 de octubre de 2017", dt.date(2017, 10, 24)),
        # 5 March 2014 was a Wednesday, 5 March 2020 a Thursday.
        ("quinta-feira, 5 de março de 2014", dt.date(2014, 3, 5)),
    ],
)
def test_a_wrong_weekday_for_the_year_written_is_found_outside_the_term(
    phrase: str, day: dt.date
) -> None:
    assert [date for _phrase, date in weekday_mistakes(phrase, START, END)] == [day]


@pytest.mark.parametrize(
    "phrase",
    [
        "Mardi 24 octobre 2017",
        "Tuesday, 24 October 2017",
        "martes 24 de octubre de 2017",
        "quarta-feira, 5 de março de 2014",
        "Friday, October 24, 2025",
    ],
)
def test_a_right_weekday_for_the_year_written_is_silent_though_wrong_in_the_term(
    phrase: str,
) -> None:
    assert list(weekday_mistakes(phrase, START, END)) == []

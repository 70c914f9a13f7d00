"""Statuses and reminders of reports, derived from dates: tables of cases, edge days first."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from comitia.plan import Frequency, Parties
from comitia.plan.reporting import (
    Cycle,
    ReminderKind,
    Status,
    month_day,
    rate,
    reminders_to_send,
    status,
)

D = dt.date
YEARLY = Cycle(Frequency.YEARLY, due="--03-15")
PARTIES = Cycle(
    Frequency.YEARLY,
    due="--06-15",
    parties=Parties.STATES_PARTIES,
    states_parties=frozenset({"PE"}),
)
UNKNOWN_PARTIES = Cycle(Frequency.YEARLY, due="--06-15", parties=Parties.STATES_PARTIES)
BIENNIAL = Cycle(Frequency.BIENNIAL, reference_year=2012, due="--10-01")
BIENNIAL_UNDATED = Cycle(Frequency.BIENNIAL, reference_year=2012)
BIENNIAL_NO_YEAR = Cycle(Frequency.BIENNIAL)
VOLUNTARY = Cycle(Frequency.VOLUNTARY)
STANDING = Cycle(Frequency.STANDING)


@pytest.mark.parametrize(
    ("cycle", "state", "year", "received", "today", "expected"),
    [
        (YEARLY, "PE", 2020, None, D(2020, 3, 14), Status.DUE),
        (YEARLY, "PE", 2020, None, D(2020, 3, 15), Status.DUE),  # the due day itself
        (YEARLY, "PE", 2020, None, D(2020, 3, 16), Status.OVERDUE),  # the day after
        (YEARLY, "PE", 2020, D(2020, 3, 15), D(2020, 9, 1), Status.ON_TIME),  # on the day
        (YEARLY, "PE", 2020, D(2020, 3, 16), D(2020, 9, 1), Status.LATE),  # a day late
        (YEARLY, "PE", 2020, D(2019, 12, 1), D(2020, 1, 1), Status.ON_TIME),  # early
        (YEARLY, "PE", 2021, None, D(2020, 3, 16), Status.DUE),  # a year ahead
        (PARTIES, "PE", 2020, None, D(2020, 7, 1), Status.OVERDUE),
        (PARTIES, "US", 2020, None, D(2020, 7, 1), Status.NOT_APPLICABLE),  # not a party
        (UNKNOWN_PARTIES, "PE", 2020, None, D(2020, 7, 1), Status.NOT_APPLICABLE),
        (BIENNIAL, "PE", 2020, None, D(2020, 10, 1), Status.DUE),
        (BIENNIAL, "PE", 2020, None, D(2020, 10, 2), Status.OVERDUE),
        (BIENNIAL, "PE", 2021, None, D(2021, 12, 31), Status.NOT_APPLICABLE),  # off year
        (BIENNIAL, "PE", 2010, None, D(2011, 1, 1), Status.OVERDUE),  # before the reference
        (BIENNIAL_UNDATED, "PE", 2020, None, D(2020, 12, 31), Status.DUE),
        (BIENNIAL_UNDATED, "PE", 2020, None, D(2021, 1, 1), Status.OVERDUE),
        (BIENNIAL_NO_YEAR, "PE", 2020, None, D(2021, 1, 1), Status.NOT_APPLICABLE),
        (VOLUNTARY, "PE", 2020, None, D(2030, 1, 1), Status.VOLUNTARY),
        (VOLUNTARY, "PE", 2020, D(2020, 5, 5), D(2030, 1, 1), Status.ON_TIME),
        (STANDING, "PE", 2020, None, D(2030, 1, 1), Status.DUE),
        (STANDING, "PE", 2020, D(2020, 5, 5), D(2030, 1, 1), Status.ON_TIME),
    ],
)
def test_the_status_follows_from_the_dates(
    cycle: Cycle, state: str, year: int, received: D | None, today: D, expected: Status
) -> None:
    assert status(cycle, state, year, received, today) is expected


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        ("--02-29", 2020, D(2020, 2, 29)),
        ("--02-29", 2021, D(2021, 2, 28)),
        ("--12-31", 2020, D(2020, 12, 31)),
    ],
)
def test_a_day_of_the_year_falls_in_each_year(text: str, year: int, expected: D) -> None:
    assert month_day(text, year) == expected


def test_reminders_are_fourteen_days_before_and_the_day_after_by_default() -> None:
    assert YEARLY.reminder_days(2020) == [
        (D(2020, 3, 1), ReminderKind.BEFORE),
        (D(2020, 3, 16), ReminderKind.OVERDUE),
    ]


def test_a_run_sends_the_reminders_of_its_day() -> None:
    [reminder] = reminders_to_send(YEARLY, D(2020, 3, 1))
    assert (reminder.year, reminder.day, reminder.kind) == (
        2020,
        D(2020, 3, 1),
        ReminderKind.BEFORE,
    )


def test_a_run_catches_up_the_last_seven_days_and_no_more() -> None:
    assert [r.day for r in reminders_to_send(YEARLY, D(2020, 3, 8))] == [D(2020, 3, 1)]
    assert reminders_to_send(YEARLY, D(2020, 3, 9)) == []


def test_a_missed_reminder_that_a_report_falls_due_is_dropped_once_it_is_overdue() -> None:
    assert [r.kind for r in reminders_to_send(YEARLY, D(2020, 3, 16))] == [ReminderKind.OVERDUE]


def test_reminders_across_the_new_year_belong_to_the_next_cycle() -> None:
    january = Cycle(Frequency.YEARLY, due="--01-05")
    [reminder] = reminders_to_send(january, D(2019, 12, 22))
    assert (reminder.year, reminder.deadline) == (2020, D(2020, 1, 5))


def test_obligations_without_a_deadline_are_never_reminded() -> None:
    assert reminders_to_send(VOLUNTARY, D(2020, 3, 1)) == []
    assert reminders_to_send(STANDING, D(2020, 3, 1)) == []
    assert reminders_to_send(BIENNIAL, D(2021, 9, 17)) == []  # off year


def test_the_rate_counts_received_reports_among_those_owed() -> None:
    statuses = [
        Status.ON_TIME,
        Status.LATE,
        Status.OVERDUE,
        Status.NOT_APPLICABLE,
        Status.VOLUNTARY,
    ]
    assert rate(statuses) == (2, 3)


@given(
    st.dates(min_value=D(2000, 1, 1), max_value=D(2100, 1, 1)),
    st.dates(min_value=D(2000, 1, 1), max_value=D(2100, 1, 1)),
)
def test_a_received_report_is_on_time_exactly_when_it_came_by_the_due_date(
    received: D, today: D
) -> None:
    result = status(YEARLY, "PE", 2050, received, today)
    assert result is (Status.ON_TIME if received <= D(2050, 3, 15) else Status.LATE)

"""Who owes a report for which cycle, by when, and where each state stands: derived, never stored.

A *cycle* is the year a report is for. A yearly obligation is due each year on its day
(``--MM-DD``; 29 February falls on the 28th in other years); a biennial one in every other year
from its reference year, on its day if it has one, else by 31 December; a voluntary one may be
sent at any time and a standing one (a point of contact to keep up to date) is asked for with no
deadline.

The status of a state's cycle of an obligation (:func:`status`):

- ``NOT_APPLICABLE``: the state does not owe it (not a party to the convention, or the list of
  parties is not known yet, so no state is known to owe it), or a biennial obligation's cycle
  is an off year (or its reference year is not known);
- ``VOLUNTARY``: a voluntary report not sent;
- ``ON_TIME``: received by the due date (a voluntary or standing one: received);
- ``LATE``: received after the due date;
- ``DUE``: not received, and the due date is today or later (a standing request not answered);
- ``OVERDUE``: not received, and the due date has passed.

Everything here is a pure function of its arguments: dates are given, never read from a clock.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from comitia.plan.entities import (
    DEFAULT_REMINDERS_AFTER,
    DEFAULT_REMINDERS_BEFORE,
    Frequency,
    Parties,
)


class Status(enum.StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    DUE = "due"
    OVERDUE = "overdue"
    NOT_APPLICABLE = "not_applicable"
    VOLUNTARY = "voluntary"


class ReminderKind(enum.StrEnum):
    BEFORE = "before"  # the report falls due soon
    OVERDUE = "overdue"  # the due date has passed


@dataclass(frozen=True)
class Cycle:
    """What of an obligation decides its due dates and who owes it.

    Made by :meth:`of` from a plan's obligation or from any object with the same attributes
    (a database row), so the same rules serve files and the web application.
    """

    frequency: Frequency
    due: str | None = None
    reference_year: int | None = None
    parties: Parties = Parties.MEMBER_STATES
    states_parties: frozenset[str] | None = None
    remind_before: tuple[int, ...] = DEFAULT_REMINDERS_BEFORE
    remind_after: tuple[int, ...] = DEFAULT_REMINDERS_AFTER

    @classmethod
    def of(cls, obligation: Any, states_parties: Iterable[str] | None = None) -> Cycle:
        """The cycle of ``obligation``; ``states_parties`` is its convention's list (None: not
        known)."""
        return cls(
            frequency=Frequency(obligation.frequency),
            due=obligation.due or None,
            reference_year=obligation.reference_year,
            parties=Parties(obligation.parties),
            states_parties=None if states_parties is None else frozenset(states_parties),
            remind_before=tuple(obligation.remind_before),
            remind_after=tuple(obligation.remind_after),
        )

    def owed_by(self, state: str) -> bool:
        """Whether ``state`` owes this obligation at all (whatever the year)."""
        if self.parties is Parties.MEMBER_STATES:
            return True
        return self.states_parties is not None and state in self.states_parties

    def is_cycle_year(self, year: int) -> bool:
        """Whether a report is asked for ``year`` (every year but a biennial's off years)."""
        if self.frequency is not Frequency.BIENNIAL:
            return True
        return self.reference_year is not None and (year - self.reference_year) % 2 == 0

    def deadline(self, year: int) -> dt.date | None:
        """The due date of cycle ``year``; None when it has none (voluntary, standing, off
        year)."""
        if self.frequency is Frequency.YEARLY and self.due:
            return month_day(self.due, year)
        if self.frequency is Frequency.BIENNIAL and self.is_cycle_year(year):
            return month_day(self.due, year) if self.due else dt.date(year, 12, 31)
        return None

    def reminder_days(self, year: int) -> list[tuple[dt.date, ReminderKind]]:
        """The days on which states that have not reported for ``year`` are reminded, in order."""
        deadline = self.deadline(year)
        if deadline is None:
            return []
        days = [(deadline - dt.timedelta(days=n), ReminderKind.BEFORE) for n in self.remind_before]
        days += [(deadline + dt.timedelta(days=n), ReminderKind.OVERDUE) for n in self.remind_after]
        return sorted(set(days))


def month_day(text: str, year: int) -> dt.date:
    """The day ``--MM-DD`` of ``year``; 29 February is the 28th in a common year."""
    month, day = int(text[2:4]), int(text[5:7])
    if (month, day) == (2, 29) and not calendar.isleap(year):
        day = 28
    return dt.date(year, month, day)


def status(cycle: Cycle, state: str, year: int, received: dt.date | None, today: dt.date) -> Status:
    """Where ``state`` stands on cycle ``year``: ``received`` is the day its report arrived
    (None: not received), ``today`` the day asked about."""
    if not cycle.owed_by(state) or not cycle.is_cycle_year(year):
        return Status.NOT_APPLICABLE
    if cycle.frequency is Frequency.VOLUNTARY:
        return Status.ON_TIME if received is not None else Status.VOLUNTARY
    deadline = cycle.deadline(year)
    if deadline is None:  # standing: asked for, with no date
        return Status.ON_TIME if received is not None else Status.DUE
    if received is not None:
        return Status.ON_TIME if received <= deadline else Status.LATE
    return Status.DUE if today <= deadline else Status.OVERDUE


@dataclass(frozen=True)
class Reminder:
    """A reminder to send: cycle ``year``, on ``day``, of ``kind``, for the report due on
    ``deadline``."""

    year: int
    day: dt.date
    kind: ReminderKind
    deadline: dt.date


def reminders_to_send(cycle: Cycle, today: dt.date, catch_up: int = 7) -> list[Reminder]:
    """The reminders of ``cycle`` whose day is ``today`` or one of the ``catch_up`` days
    before it, oldest first. A reminder that a report falls due is dropped once the due date
    has passed (the overdue one says it instead)."""
    first = today - dt.timedelta(days=catch_up)
    found = []
    # A reminder's day is at most a year from its deadline (days are at most 366).
    for year in range(first.year - 1, today.year + 2):
        deadline = cycle.deadline(year)
        if deadline is None:
            continue
        for day, kind in cycle.reminder_days(year):
            if first <= day <= today and not (kind is ReminderKind.BEFORE and today > deadline):
                found.append(Reminder(year, day, kind, deadline))
    return sorted(found, key=lambda r: (r.day, r.year, r.kind.value))


def rate(statuses: Sequence[Status]) -> tuple[int, int]:
    """How many of ``statuses`` are reports received (on time or late), out of those owed
    (every status but not applicable and voluntary not sent)."""
    received = sum(s in (Status.ON_TIME, Status.LATE) for s in statuses)
    owed = sum(s not in (Status.NOT_APPLICABLE, Status.VOLUNTARY) for s in statuses)
    return received, owed


__all__ = [
    "Cycle",
    "Reminder",
    "ReminderKind",
    "Status",
    "month_day",
    "rate",
    "reminders_to_send",
    "status",
]

"""Figures the document states that are derived from the plan, never typed.

Counts of meetings, half and full days, the month-by-month summary and the differences between
appropriations come from here, so the prose, the summary and the calendar cannot disagree.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from comitia.dates import FuzzyDate, Precision
from comitia.plan import Plan
from comitia.plan.entities import Activity, Appropriation, Meeting, MeetingKind, MeetingStatus
from comitia.plan.sessions import SessionLength, session_length


def is_full_day(meeting: Meeting) -> bool:
    """A meeting that runs from the morning into the afternoon (``comitia.plan.sessions``)."""
    return session_length(meeting.start, meeting.end) is SessionLength.FULL_DAY


def held_meetings(plan: Plan) -> list[Meeting]:
    """The committee's meetings that are not cancelled, in date and time order."""
    return sorted(
        (m for m in plan.meetings if m.status is not MeetingStatus.CANCELLED),
        key=lambda m: (m.date, m.start, m.id),
    )


def meetings_by_kind(plan: Plan) -> dict[MeetingKind, int]:
    """How many meetings of each kind, cancelled ones left out; kinds with none are absent."""
    counts = Counter(m.kind for m in held_meetings(plan))
    return {kind: counts[kind] for kind in MeetingKind if counts[kind]}


def meetings_within(plan: Plan, period: FuzzyDate) -> list[Meeting]:
    return [m for m in held_meetings(plan) if period.contains(m.date)]


def half_and_full_days(meetings: list[Meeting]) -> tuple[int, int]:
    full = sum(1 for m in meetings if is_full_day(m))
    return len(meetings) - full, full


def is_to_be_confirmed(activity: Activity) -> bool:
    """An activity dated by no more than a year (or not at all) waits for its date."""
    return activity.when.precision in (Precision.YEAR, Precision.UNKNOWN)


def dated_activities(plan: Plan) -> list[Activity]:
    return sorted(
        (a for a in plan.activities if not is_to_be_confirmed(a)),
        key=lambda a: (a.when.sort_key, a.start or dt.time(0), a.id),
    )


def activities_to_confirm(plan: Plan) -> list[Activity]:
    return sorted(
        (a for a in plan.activities if is_to_be_confirmed(a)), key=lambda a: a.when.sort_key
    )


def first_day(activity: Activity) -> dt.date:
    day = activity.when.first_day
    if day is None:  # callers pass dated activities only
        raise ValueError(f"activity {activity.id} has no date")
    return day


@dataclass(frozen=True)
class Difference:
    """How an appropriation compares with the one for the year before."""

    current: Appropriation
    previous: Appropriation
    change: Decimal  # positive when more


def yearly_differences(plan: Plan) -> list[Difference]:
    """Each whole-year appropriation against the one for the year before, when both exist."""
    yearly = {
        a.when_year: a for a in (_Yearly(a) for a in plan.appropriations) if a.when_year is not None
    }
    differences = []
    for year in sorted(yearly):
        if year - 1 in yearly and yearly[year].item.currency == yearly[year - 1].item.currency:
            current, previous = yearly[year].item, yearly[year - 1].item
            differences.append(Difference(current, previous, current.amount - previous.amount))
    return differences


class _Yearly:
    def __init__(self, item: Appropriation) -> None:
        self.item = item
        first = item.period.first_day
        self.when_year = (
            first.year if item.period.precision is Precision.YEAR and first is not None else None
        )

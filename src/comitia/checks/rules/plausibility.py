"""Readings that are possible but unlikely (PLS): most often a slip in a document or its reading.

A meeting or a one-day activity longer than a working day, a start in the night (a.m. read
for p.m., or the reverse), a title that is only a number or a date (a column or a line read as
the title). Each is a warning: the value may be right, and the reader is asked to look.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from comitia.checks.engine import Context, Hit, ObjectKind, ObjectRef, Severity, rule
from comitia.dates import Precision, find
from comitia.dates.times import EARLIEST_START, LATEST_START, WORKING_DAY, duration
from comitia.plan import Activity, Meeting, Text

# A title made of digits and punctuation only: "3", "12.", "2020/21", "(4)".
_NUMBER = re.compile(r"[\d\s.,;:/()\[\]#°º–—-]+")


def _timed(context: Context) -> Iterator[tuple[dt.date, dt.time, dt.time | None, ObjectRef]]:
    """The day, start and end of every meeting and every activity dated to one day."""
    for meeting in context.meetings:
        yield meeting.date, meeting.start, meeting.end, ObjectRef(ObjectKind.MEETING, meeting.id)
    for activity in context.activities:
        when = activity.when
        if activity.start is None or when.precision is not Precision.DAY:
            continue  # times of a multi-day activity are its daily hours
        assert when.first_day is not None
        ref = ObjectRef(ObjectKind.ACTIVITY, activity.id)
        yield when.first_day, activity.start, activity.end, ref


@rule("PLS001", Severity.WARNING)
def longer_than_a_working_day(context: Context) -> Iterator[Hit]:
    for day, start, end, ref in _timed(context):
        if end is not None and end > start and duration(start, end) > WORKING_DAY:
            hours = duration(start, end).total_seconds() / 3600
            params = {"date": day, "start": start, "end": end, "hours": f"{hours:g}"}
            yield Hit(params, (day,), (ref,))


@rule("PLS002", Severity.WARNING)
def starts_at_night(context: Context) -> Iterator[Hit]:
    for day, start, _end, ref in _timed(context):
        if start < EARLIEST_START or start > LATEST_START:
            yield Hit({"date": day, "start": start}, (day,), (ref,))


def _only_a_number_or_a_date(title: Text, term: tuple[dt.date, dt.date]) -> str | None:
    """The title's text in a language where it is only a number or a date (a year-less date
    takes its year from the term), or ``None``."""
    for lang, value in title.root.items():
        core = value.strip(" .,;:–—-()")
        if not core:
            continue
        if _NUMBER.fullmatch(core):
            return value
        found = find(core, str(lang), period=term)
        if len(found) == 1 and found[0].start == 0 and found[0].end == len(core):
            return value
    return None


def _titles(context: Context) -> Iterator[tuple[Text, dt.date | None, ObjectRef]]:
    meeting: Meeting
    for meeting in context.plan.meetings:
        ref = ObjectRef(ObjectKind.MEETING, meeting.id)
        if meeting.title is not None:
            yield meeting.title, meeting.date, ref
        for node in meeting.agenda_nodes():
            if node.title is not None:
                yield node.title, meeting.date, ref
    activity: Activity
    for activity in context.plan.activities:
        yield activity.title, activity.when.first_day, ObjectRef(ObjectKind.ACTIVITY, activity.id)


@rule("PLS003", Severity.WARNING)
def title_is_only_a_number_or_a_date(context: Context) -> Iterator[Hit]:
    term = (context.plan.term.start, context.plan.term.end)
    for title, day, ref in _titles(context):
        shown = _only_a_number_or_a_date(title, term)
        if shown is not None:
            yield Hit({"title": shown}, (day,) if day else (), (ref,))

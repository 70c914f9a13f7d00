"""Weekdays and dates that disagree (WDY), in the texts of the plan.

The plan model stores dates, not weekdays: a weekday can only be wrong where a text writes one
next to a date ("jeudi 24 octobre", "Thursday, October 24, 2019"; the day before the month, as
in "Thursday, 24 October 2019", is read too). This rule reads the texts a document brings with
it (summary and count claims, titles and notes of meetings, agenda items and activities) in the
four languages, with weekday and month names from Babel.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import cache

from babel.dates import get_day_names, get_month_names

from comitia.checks.engine import Context, Hit, ObjectKind, ObjectRef, Severity, rule
from comitia.checks.messages import Weekday
from comitia.checks.text import normalise
from comitia.plan import Text

_LOCALES = ("fr", "en", "es", "pt")
MAX_QUOTE = 120


@cache
def _vocabulary() -> tuple[re.Pattern[str], dict[str, int], dict[str, int]]:
    weekdays: dict[str, int] = {}
    months: dict[str, int] = {}
    for locale in _LOCALES:
        for number, name in get_day_names("wide", context="format", locale=locale).items():
            weekdays[normalise(name)] = number
        for number, name in get_month_names("wide", context="format", locale=locale).items():
            months[normalise(name)] = number
    day_names = "|".join(sorted(map(re.escape, weekdays), key=len, reverse=True))
    month_names = "|".join(sorted(map(re.escape, months), key=len, reverse=True))
    pattern = re.compile(
        rf"\b(?P<weekday>{day_names})\s+(?:"
        rf"(?:the\s+)?(?P<day>\d{{1,2}})(?:er|st|nd|rd|th)?\s+(?:de\s+|of\s+)?(?P<month>{month_names})"
        rf"|(?P<month2>{month_names})\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?"
        rf")\b(?:\s+(?:de\s+)?(?P<year>\d{{4}}))?"
    )
    return pattern, weekdays, months


def weekday_mistakes(text: str, start: dt.date, end: dt.date) -> Iterator[tuple[str, dt.date]]:
    """Each weekday-and-date phrase of ``text`` whose weekday is wrong, with the real date.

    A phrase without a year is read as the day of that month and day within ``start``..``end``;
    a phrase that fits no such day, or names an impossible day, is left alone.
    """
    pattern, weekdays, months = _vocabulary()
    for match in pattern.finditer(normalise(text)):
        day = int(match["day"] or match["day2"])
        month = months[match["month"] or match["month2"]]
        years = [int(match["year"])] if match["year"] else range(start.year, end.year + 1)
        for year in years:
            try:
                date = dt.date(year, month, day)
            except ValueError:
                continue
            if match["year"] or start <= date <= end:
                if date.weekday() != weekdays[match["weekday"]]:
                    yield match.group(0), date
                break


def _texts(context: Context) -> Iterator[tuple[Text, ObjectRef]]:
    plan = context.plan
    for index, claim in enumerate(plan.summary_claims):
        yield claim.title, ObjectRef(ObjectKind.SUMMARY_CLAIM, str(index))
    for index, count in enumerate(plan.count_claims):
        yield count.text, ObjectRef(ObjectKind.COUNT_CLAIM, str(index))
    for meeting in plan.meetings:
        ref = ObjectRef(ObjectKind.MEETING, meeting.id)
        if meeting.title is not None:
            yield meeting.title, ref
        for note in meeting.notes:
            yield note, ref
        for node in meeting.agenda_nodes():
            if node.title is not None:
                yield node.title, ref
            for note in node.notes:
                yield note, ref
    for activity in plan.activities:
        ref = ObjectRef(ObjectKind.ACTIVITY, activity.id)
        yield activity.title, ref
        for note in activity.notes:
            yield note, ref


@rule("WDY001", Severity.ERROR)
def weekday_disagrees(context: Context) -> Iterator[Hit]:
    term = context.plan.term
    for text, ref in _texts(context):
        for value in text.root.values():
            for _phrase, date in weekday_mistakes(value, term.start, term.end):
                shown = value if len(value) <= MAX_QUOTE else value[: MAX_QUOTE - 1] + "…"
                yield Hit(
                    {"text": shown, "weekday": Weekday(date)},
                    (date,),
                    (ref,),
                )

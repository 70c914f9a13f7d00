"""Meetings written in another layout, then imported, are the meetings written.

Hypothesis writes a calendar (illustrative, generated for the tests) of meetings on days of
2021 at times of a working day, in one of four languages and in one of two layouts: a date
heading with its time range on the line below, or a month label followed by lines that start
with the day number; two sessions of one day are written on one line. The import gives back
every meeting, with its day and both times.
"""

from __future__ import annotations

from datetime import date, time, timedelta
from itertools import groupby

from babel.dates import format_date
from hypothesis import given, settings
from hypothesis import strategies as st

from comitia.dates.printing import format_day
from comitia.importer import import_text

TITLE = {
    "en": "WORK PLAN 2021",
    "fr": "PROGRAMME DE TRAVAIL 2021",
    "es": "PLAN DE TRABAJO 2021",
    "pt": "PLANO DE TRABALHO 2021",
}
HEADING = {
    "en": "CALENDAR OF MEETINGS",
    "fr": "CALENDRIER DES RÉUNIONS",
    "es": "CALENDARIO DE REUNIONES",
    "pt": "CALENDÁRIO DE REUNIÕES",
}
AND = {"en": "and", "fr": "et", "es": "y", "pt": "e"}


def _time(value: time, lang: str) -> str:
    if lang == "en":
        hour = value.hour % 12 or 12
        return f"{hour}:{value:%M} {'a.m.' if value.hour < 12 else 'p.m.'}"
    if lang == "fr":
        return f"{value.hour} h {value:%M}"
    if lang == "pt":
        return f"{value.hour}h{value:%M}"
    return f"{value:%H:%M}"


def _range(start: time, end: time, lang: str) -> str:
    text = f"{_time(start, lang)} – {_time(end, lang)}"
    return f"{text} horas" if lang == "es" else text


@st.composite
def calendars(draw: st.DrawFn) -> list[tuple[date, time, time]]:
    days = draw(st.lists(st.integers(0, 364), min_size=1, max_size=8, unique=True))
    meetings = []
    for offset in sorted(days):
        day = date(2021, 1, 1) + timedelta(days=offset)
        # A morning session, and perhaps an afternoon one.
        start = draw(st.sampled_from([time(9), time(9, 30), time(10)]))
        length = draw(st.sampled_from([2, 3]))
        meetings.append((day, start, start.replace(hour=start.hour + length)))
        if draw(st.booleans()):
            start = draw(st.sampled_from([time(14), time(14, 30), time(15)]))
            meetings.append((day, start, start.replace(hour=start.hour + 3)))
    return meetings


def _document(meetings: list[tuple[date, time, time]], lang: str, layout: str) -> str:
    lines = [TITLE[lang], "", HEADING[lang], ""]
    month = None
    for day, group in groupby(meetings, key=lambda m: m[0]):
        ranges = f" {AND[lang]} ".join(_range(s, e, lang) for _, s, e in group)
        if layout == "heading":
            lines += [format_day(day, lang), ranges, ""]
            continue
        if (day.year, day.month) != month:
            month = (day.year, day.month)
            lines.append(format_date(day, "LLLL y", locale=lang).upper())
        lines.append(f"{day.day} – {ranges}")
    return "\n".join(lines) + "\n"


@settings(max_examples=60, deadline=None)
@given(
    calendars(), st.sampled_from(["en", "fr", "es", "pt"]), st.sampled_from(["heading", "month"])
)
def test_meetings_written_in_another_layout_are_read_back(
    meetings: list[tuple[date, time, time]], lang: str, layout: str
) -> None:
    text = _document(meetings, lang, layout)
    result = import_text(text, lang, committee="CSH")
    assert [(m.date, m.start, m.end) for m in result.plan.meetings] == meetings, text
    assert result.report.unused == []

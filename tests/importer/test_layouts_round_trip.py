"""Meetings written in another layout, then imported, are the meetings written.

Hypothesis writes a calendar (illustrative, generated for the tests) of meetings on days of
2021 at times of a working day, in one of four languages and in one of four layouts: a date
heading with its time range on the line below, a month label followed by lines that start
with the day number, a sentence that announces the meeting, or a table (tab-separated, as a
text export writes it) whose columns come in any order; two sessions of one day are written on
one line, or on two rows of the table whose second leaves the date empty. The import gives back
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
# A meeting announced in prose, as secretariats write it.
PROSE = {
    "en": "The Committee will meet on {day}, {ranges}, in the Simón Bolívar Room.",
    "fr": "La Commission se réunira le {day}, {ranges}, dans la salle Simón Bolívar.",
    "es": "La Comisión se reunirá el {day}, {ranges}, en el Salón Simón Bolívar.",
    "pt": "A Comissão reunir-se-á em {day}, {ranges}, na Sala Simón Bolívar.",
}
# A table's header words (in the order date, time, subject, venue) and a subject.
HEADERS = {
    "en": ("Date", "Time", "Subject", "Venue", "Regular meeting"),
    "fr": ("Date", "Heure", "Objet", "Lieu", "Réunion ordinaire"),
    "es": ("Fecha", "Hora", "Tema", "Lugar", "Reunión ordinaria"),
    "pt": ("Data", "Horário", "Assunto", "Local", "Reunião ordinária"),
}


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


def _document(
    meetings: list[tuple[date, time, time]], lang: str, layout: str, order: list[int]
) -> str:
    lines = [TITLE[lang], "", HEADING[lang], ""]
    month = None
    if layout == "table":
        # Columns in the order drawn; the second session of a day leaves the date cell empty.
        header = HEADERS[lang]
        lines.append("\t".join(header[i] for i in order))
        previous = None
        for day, start, end in meetings:
            cells = [
                "" if day == previous else format_day(day, lang),
                _range(start, end, lang),
                header[4],
                "Sala 4",
            ]
            lines.append("\t".join(cells[i] for i in order))
            previous = day
        return "\n".join(lines) + "\n"
    for day, group in groupby(meetings, key=lambda m: m[0]):
        ranges = f" {AND[lang]} ".join(_range(s, e, lang) for _, s, e in group)
        if layout == "prose":
            lines += [PROSE[lang].format(day=format_day(day, lang), ranges=ranges), ""]
            continue
        if layout == "heading":
            lines += [format_day(day, lang), ranges, ""]
            continue
        if (day.year, day.month) != month:
            month = (day.year, day.month)
            lines.append(format_date(day, "LLLL y", locale=lang).upper())
        lines.append(f"{day.day} – {ranges}")
    return "\n".join(lines) + "\n"


@settings(max_examples=80, deadline=None)
@given(
    calendars(),
    st.sampled_from(["en", "fr", "es", "pt"]),
    st.sampled_from(["heading", "month", "prose", "table"]),
    st.permutations([0, 1, 2, 3]),
)
def test_meetings_written_in_another_layout_are_read_back(
    meetings: list[tuple[date, time, time]], lang: str, layout: str, order: list[int]
) -> None:
    text = _document(meetings, lang, layout, order)
    result = import_text(text, lang, committee="CSH")
    assert [(m.date, m.start, m.end) for m in result.plan.meetings] == meetings, text
    assert result.report.unused == []

"""Hours that are possible but unlikely are imported, with a warning (as checks PLS001-002)."""

from __future__ import annotations

from datetime import date, time

import pytest

from comitia.importer.calendar import CalendarReader
from comitia.importer.context import Context
from comitia.importer.source import Line, lines_from_text

TERM = (date(2019, 10, 1), date(2020, 9, 30))


def read(lang: str, text: str) -> tuple[list[tuple[time, time]], list[str]]:
    ctx = Context(lines_from_text("x"), lang)
    ctx.period = TERM
    reader = CalendarReader(ctx, [])
    reader.read([Line(1, text, text)])
    return [(m.start, m.end) for m in reader.meetings], [w for _, w in ctx.report.warnings]


@pytest.mark.parametrize(
    ("lang", "text", "hours", "warning"),
    [
        # "9:00 a.m. to 8:00 p.m." where the document meant noon: eleven hours.
        (
            "en",
            "Thursday, April 2, 2020 (9:00 a.m. – 8:00 p.m.)",
            (time(9), time(20)),
            "longer than a working day",
        ),
        (
            "fr",
            "Jeudi 2 avril (6 h 00 – 9 h 00)",
            (time(6), time(9)),
            "before 07:00 or after 21:00",
        ),
        (
            "es",
            "Jueves 2 de abril (22:00 – 23:00)",
            (time(22), time(23)),
            "before 07:00 or after 21:00",
        ),
    ],
)
def test_an_unlikely_meeting_is_read_with_a_warning(
    lang: str, text: str, hours: tuple[time, time], warning: str
) -> None:
    meetings, warnings = read(lang, text)
    assert meetings == [hours]
    assert len(warnings) == 1 and warning in warnings[0]


def test_a_full_working_day_is_read_without_a_warning() -> None:
    assert read("pt", "Quinta-feira, 2 de abril (8h – 18h)") == ([(time(8), time(18))], [])

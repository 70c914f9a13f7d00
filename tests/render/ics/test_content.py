"""The pieces of content lines are what icalendar wrote: TEXT escapes, offsets, VTIMEZONEs."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st
from icalendar.parser.string import _escape_char

from comitia.render.ics.content import escape_text, utc_offset
from comitia.render.ics.folding import serialize
from comitia.render.ics.timezone import vtimezone

TEXTS = st.text(alphabet=st.sampled_from(list("aN\\;,:\r\n é日🙂\"'")), max_size=60)


@given(TEXTS)
def test_text_is_escaped_as_icalendar_escapes_it(text: str) -> None:
    assert escape_text(text) == _escape_char(text)


@given(TEXTS.filter(lambda t: "\\N" not in t and "\r" not in t))
def test_escaped_text_reads_back_as_written(text: str) -> None:
    line = f"SUMMARY:{escape_text(text)}"
    event = icalendar.Event.from_ical(f"BEGIN:VEVENT\r\n{line}\r\nEND:VEVENT\r\n")
    assert str(event["SUMMARY"]) == text


@pytest.mark.parametrize("minutes", [-300, -240, 0, 330, 345, -210, 60 * 14])
def test_utc_offsets_are_written_as_icalendar_writes_them(minutes: int) -> None:
    offset = dt.timedelta(minutes=minutes)
    assert utc_offset(offset) == icalendar.vUTCOffset(offset).to_ical()


def test_an_offset_with_seconds_keeps_them() -> None:
    offset = -dt.timedelta(minutes=44, seconds=30)
    assert utc_offset(offset) == icalendar.vUTCOffset(offset).to_ical() == "-004430"


@pytest.mark.parametrize(
    "tzid",
    [
        "America/New_York",
        "America/Sao_Paulo",  # daylight saving time until 2019, then none
        "America/Santiago",  # southern hemisphere
        "Europe/Paris",
        "Asia/Kolkata",  # no change at all, a half-hour offset
        "Australia/Lord_Howe",  # a half-hour change
        "Africa/Casablanca",  # a daylight time that is the standard one, with pauses
        "UTC",
    ],
)
@pytest.mark.parametrize("years", [(2019, 2021), (2020, 2038)])
def test_the_time_zone_is_icalendars(tzid: str, years: tuple[int, int]) -> None:
    first, last = dt.date(years[0], 1, 1), dt.date(years[1], 12, 31)
    theirs = icalendar.Timezone.from_tzid(tzid, first_date=first, last_date=last)
    assert vtimezone(tzid, first, last) == serialize(theirs.content_lines())

"""The values of iCalendar content lines (RFC 5545 3.3), written as text.

These give exactly what the icalendar library wrote before (the reference feeds under
tests/render/ics/data/feeds/ hold its output), at the cost of a few string operations.
"""

from __future__ import annotations

import datetime as dt
import re

# icalendar quotes a parameter value holding any of these (RFC 5545 3.2 asks it for , ; :), and
# also the right single quotation mark.
_QUOTED = re.compile("[,;:’]")


def escape_text(text: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, line breaks
    (CRLF, LF or a lone CR) written ``\\n``.

    As icalendar does, a backslash followed by ``N`` is first read as a line break.
    """
    if "\\" in text:
        text = text.replace("\\N", "\n").replace("\\", "\\\\")
    if ";" in text:
        text = text.replace(";", "\\;")
    if "," in text:
        text = text.replace(",", "\\,")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\n" in text:
        text = text.replace("\n", "\\n")
    return text


def parameter(value: str) -> str:
    """A parameter value, quoted when it holds a separator; double quotes, which a parameter
    value may not hold, become single ones (as icalendar does)."""
    value = value.replace('"', "'")
    return f'"{value}"' if _QUOTED.search(value) else value


def day(value: dt.date) -> str:
    """A DATE value: ``20191024``."""
    return f"{value.year:04}{value.month:02}{value.day:02}"


def local_time(value: dt.datetime) -> str:
    """A DATE-TIME value without its zone: ``20191024T100000`` (microseconds dropped)."""
    return (
        f"{value.year:04}{value.month:02}{value.day:02}"
        f"T{value.hour:02}{value.minute:02}{value.second:02}"
    )


def utc_time(value: dt.datetime) -> str:
    """An aware datetime as a DATE-TIME in UTC: ``20191107T000000Z``."""
    return local_time(value.astimezone(dt.UTC)) + "Z"


def utc_offset(offset: dt.timedelta) -> str:
    """A UTC-OFFSET value: ``-0500``, ``+0000``, ``+053045`` with seconds."""
    sign = "-" if offset < dt.timedelta(0) else "+"
    seconds = abs(int(offset.total_seconds()))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return (
        f"{sign}{hours:02}{minutes:02}{seconds:02}" if seconds else f"{sign}{hours:02}{minutes:02}"
    )

"""A calendar of reporting deadlines with alarms (VALARM) before each: the private feed of one
member state's delegation.

Plain data in, RFC 5545 text out: each deadline is an all-day event on its due date, with a
display alarm the given number of days before (and one on the day).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from comitia.render.ics.content import day, escape_text, utc_time
from comitia.render.ics.folding import fold_line


@dataclass(frozen=True)
class Deadline:
    uid: str
    due: dt.date
    summary: str
    description: str
    alarms: Sequence[int]  # days before ``due``


def deadlines_calendar(
    deadlines: Iterable[Deadline], *, name: str, stamp: dt.datetime, lang: str
) -> bytes:
    """The VCALENDAR of ``deadlines``, named ``name``; ``stamp`` is every DTSTAMP (UTC)."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Comitia//Reporting deadlines//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    stamp_text = utc_time(stamp)
    for deadline in deadlines:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{escape_text(deadline.uid)}",
            f"DTSTAMP:{stamp_text}",
            f"DTSTART;VALUE=DATE:{day(deadline.due)}",
            f"DTEND;VALUE=DATE:{day(deadline.due + dt.timedelta(days=1))}",
            f"SUMMARY;LANGUAGE={lang}:{escape_text(deadline.summary)}",
            f"DESCRIPTION;LANGUAGE={lang}:{escape_text(deadline.description)}",
            "TRANSP:TRANSPARENT",
        ]
        for days in sorted(set(deadline.alarms), reverse=True):
            lines += [
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                f"DESCRIPTION:{escape_text(deadline.summary)}",
                f"TRIGGER;RELATED=START:-P{days}D" if days else "TRIGGER;RELATED=START:PT0S",
                "END:VALARM",
            ]
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return b"".join(fold_line(line) + b"\r\n" for line in lines)

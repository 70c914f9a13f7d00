"""A term's VTIMEZONE (RFC 5545 3.6.5), from the system's time-zone database.

The transitions are found as the icalendar library's ``Timezone.from_tzinfo`` finds them,
which wrote the feeds before this module, so the component is the same to the byte: from
``first`` to ``last``, each span of one offset is found by steps of 64 days down to 15
minutes; spans with the same offsets, name and kind (standard or daylight) are one
sub-component, its first start as DTSTART and the others as RDATE, in the order met.
"""

from __future__ import annotations

import datetime as dt
import functools
from zoneinfo import ZoneInfo

from comitia.render.ics.content import escape_text, local_time, utc_offset
from comitia.render.ics.folding import serialize

_STEPS = [dt.timedelta(days=days) for days in (64, 32, 16, 8, 4, 2, 1)] + [
    dt.timedelta(hours=4),
    dt.timedelta(hours=1),
    dt.timedelta(minutes=15),
]

Key = tuple[dt.timedelta | None, dt.timedelta, str, bool]


@functools.lru_cache(maxsize=16)
def vtimezone(tzid: str, first: dt.date, last: dt.date) -> bytes:
    """The folded VTIMEZONE of ``tzid`` valid from ``first`` to ``last``; ``tzid`` must be
    a key of the time-zone database (ZoneInfoNotFoundError otherwise)."""
    zone = ZoneInfo(tzid)
    spans: dict[Key, list[dt.datetime]] = {}
    start = dt.datetime(first.year, first.month, first.day, tzinfo=zone)
    end_of_all = dt.datetime(last.year, last.month, last.day, tzinfo=zone)
    offset_to: dt.timedelta | None = None
    while start < end_of_all:
        offset_from = offset_to
        end = start
        offset_to = end.utcoffset()
        assert offset_to is not None
        for step in _STEPS:
            last_end = end  # the span may end between the last step and this one
            end = end + step
            try:
                while end.utcoffset() == offset_to:
                    last_end = end
                    end = end + step
            except OverflowError:
                break
            end = last_end
        name = start.tzname() or str(offset_to)
        key = (offset_from, offset_to, name, start.dst() == dt.timedelta())
        spans.setdefault(key, []).append(start.replace(tzinfo=None))
        start = end + _STEPS[-1]
    lines = [
        "BEGIN:VTIMEZONE",
        f"TZID:{escape_text(tzid)}",
        f"COMMENT:{escape_text(f'This timezone only works from {first} to {last}.')}",
    ]
    for (offset_from, to, name, standard), starts in spans.items():
        first_start = min(starts)
        starts.remove(first_start)
        if first_start.date() == last:
            first_start = dt.datetime(last.year, last.month, last.day)
        kind = "STANDARD" if standard else "DAYLIGHT"
        lines += [f"BEGIN:{kind}", f"DTSTART:{local_time(first_start)}"]
        if starts:
            lines.append(f"RDATE:{','.join(local_time(s) for s in starts)}")
        lines += [
            f"TZNAME:{escape_text(name)}",
            f"TZOFFSETFROM:{utc_offset(to if offset_from is None else offset_from)}",
            f"TZOFFSETTO:{utc_offset(to)}",
            f"END:{kind}",
        ]
    lines.append("END:VTIMEZONE")
    return serialize(lines)

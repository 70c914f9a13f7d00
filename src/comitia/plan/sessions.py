"""Half-day and full-day sessions, defined once from a meeting's hours.

The Organization books rooms, interpreters and technical services by session: a morning or an
afternoon is a half-day session, a meeting that runs from the morning into the afternoon is a
full-day one. What counts is whether the meeting spans the lunch break, not how long it is: a
morning from 9:00 to 13:00 is one session, a day from 10:00 to 17:00 two. The document's
counts ("three half-day and two full-day meetings"), the checks of the counts an imported
document states and the cost of a meeting all read this one definition.

Plain Python: never imports Django.
"""

from __future__ import annotations

import datetime as dt
import enum

# The lunch break of the headquarters' working day: a meeting that starts before it and ends
# after it holds a morning and an afternoon session.
LUNCH_START = dt.time(13, 0)
LUNCH_END = dt.time(14, 30)


class SessionLength(enum.StrEnum):
    HALF_DAY = "half_day"
    FULL_DAY = "full_day"


def session_length(start: dt.time, end: dt.time) -> SessionLength:
    """``FULL_DAY`` for a meeting that starts before the lunch break and ends after it."""
    if start < LUNCH_START and end > LUNCH_END:
        return SessionLength.FULL_DAY
    return SessionLength.HALF_DAY

"""Read times of day and time ranges as people write them in the four languages.

One grammar; the words (hour words, a.m./p.m. marks, noon and midnight, range words) come from
each language's ``reading`` vocabulary (``comitia.dates.vocab``). A time is:

- hours and minutes with a separator: "10:00", "12.40", "10 h 00", "13h00", "à 12 h 40";
- hours with an hour word: "12 heures", "15 horas", "14h" (English "hours" only after
  minutes, "15:00 hours": "for 3 hours" is a duration);
- hours with a morning or afternoon mark: "3 p.m.", "9.30 am", "10 a. m.";
- noon and midnight, alone or after 12: "noon", "12 noon", "midi", "mediodía", "12:00 m."
  (Spanish), "meia-noite";
- 24-hour and 12-hour forms alike; a 12-hour mark given once at the end of a range applies to
  its start too, when that keeps the start before the end ("3:00 - 6:00 pm" is 15:00-18:00,
  "10:00 - 1:00 pm" is 10:00-13:00, "10-11 a.m.");
- a time zone abbreviation after the time or range, in capitals ("10:00 EDT", "9:00 UTC-5",
  "10 a.m. (EST)"),
  and then perhaps the same time in another zone in brackets, read as part of the same
  expression: "10:00 EDT (14:00 GMT)" is 10:00 with the zone "EDT".

A bare number is never a time: "salle 12", "24 octobre". In a range, one marked end is
enough ("10-13 h"), as long as the start comes before the end ("le 17 à 10 h" is not 17:00 to
10:00, but 10:00).

Contract: ``find_time_range`` and ``find_times`` return what they find (``None`` or an empty
list when there is nothing) and never raise for a string; ``parse_time_range`` raises
``DateParseError`` when the text holds no time. A language code other than "fr", "en", "es"
and "pt" raises ``FuzzyDateError``; without one, the words of all four are used.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from comitia.dates.folding import fold, unaccent
from comitia.dates.fuzzy import FuzzyDateError
from comitia.dates.vocab import LANGUAGES, vocabulary
from comitia.dates.vocab.base import ReadingWords

# What a working day of an intergovernmental body looks like, to flag readings that are
# possible but unlikely (the checks' PLS001 and PLS002, the importer's warnings): a session
# longer than 08:00 to 18:00 on one day is more likely a misread time ("9:00 to 8:00 p.m." for
# "9:00 a.m. to 12:00"), and a start before 07:00 or after 21:00 a.m. read for p.m.
WORKING_DAY = timedelta(hours=10)
EARLIEST_START = time(7, 0)
LATEST_START = time(21, 0)


def duration(start: time, end: time) -> timedelta:
    """How long from ``start`` to ``end`` the same day (negative if ``end`` comes first)."""
    return datetime.combine(date.min, end) - datetime.combine(date.min, start)


class DateParseError(FuzzyDateError):
    """Text that is not a date or time this package can read; the message says what failed."""


@dataclass(frozen=True)
class TimeRange:
    """A start time and, when written, an end time; ``zone`` is a time zone written after it
    ("EDT", "UTC-5"), as written."""

    start: time
    end: time | None = None
    zone: str | None = None


def _alternatives(words: set[str]) -> str:
    """A regular expression for any of ``words`` (folded), longest first; dots optional at the
    end of a word, spaces flexible inside."""
    forms = sorted({unaccent(w.lower()) for w in words if w}, key=len, reverse=True)
    if not forms:
        return r"(?!x)x"
    escaped = []
    for form in forms:
        pattern = r"\s*".join(re.escape(part) for part in form.split())
        if pattern.endswith(r"\."):
            pattern += "?"
        escaped.append(pattern)
    return "|".join(escaped)


def _point(p: str, w: dict[str, str]) -> str:
    """One time of day; groups named with the prefix ``p``."""
    return (
        rf"(?:(?P<{p}h>(?<![\d/.,])\d{{1,2}})"
        rf"(?:(?P<{p}sep>\s*h\s*|:|\.)(?P<{p}m>\d{{2}})(?![\d/]|[.:]\d)"
        rf"|\s*(?P<{p}word>{w['hour']})(?![^\W\d_]))?"
        rf"(?:\s*(?:{w['hour']}|{w['minute_hour']})(?![^\W\d_]))?"
        rf"(?:\s*(?:(?P<{p}am>{w['am']})|(?P<{p}pm>{w['pm']}))(?![^\W\d_])"
        rf"|\s*(?P<{p}noon>{w['noon']}|{w['noon_mark']})(?![^\W\d_])"
        rf"|\s*(?P<{p}night>{w['midnight']})(?![^\W\d_]))?"
        rf"|(?<![^\W\d_])(?P<{p}noonw>{w['noon']})(?![^\W\d_])"
        rf"|(?<![^\W\d_])(?P<{p}nightw>{w['midnight']})(?![^\W\d_]))"
    )


_ZONE = r"(?-i:UTC|GMT|[A-Z]{1,3}[SD]?T)(?:\s?[+-]\s?\d{1,2}(?::?\d{2})?)?"


@functools.cache
def _pattern(lang: str | None) -> re.Pattern[str]:
    readings: list[ReadingWords] = (
        [vocabulary(lang).reading] if lang else [v.reading for v in LANGUAGES.values()]
    )

    def words(name: str) -> set[str]:
        found: set[str] = set()
        for r in readings:
            value = getattr(r, name)
            found.update(value)
        return found

    w = {
        "hour": _alternatives(words("hour_words")),
        "minute_hour": _alternatives(words("minute_hour_words")),
        "am": _alternatives({m for r in readings for m in r.meridiem[0]}),
        "pm": _alternatives({m for r in readings for m in r.meridiem[1]}),
        "noon": _alternatives(words("noon_words")),
        "noon_mark": _alternatives(words("noon_marks")),
        "midnight": _alternatives(words("midnight_words")),
    }
    closers = _alternatives(words("time_closers"))
    zone = rf"(?:\s*(?:(?P<zone>{_ZONE})(?!\w)|\(\s*(?P<zone2>{_ZONE})\s*\))"
    # The same time in another zone, in brackets: "10:00 EDT (14:00 GMT)".
    zone += rf"(?:\s*\(\s*{_point('c', w)}(?:\s*(?:-|{closers})\s*{_point('d', w)})?"
    zone += rf"\s*{_ZONE}\s*\))?)?"
    return re.compile(
        _point("a", w) + rf"(?:\s*(?:-|(?<!\w)(?:{closers}))\s*" + _point("b", w) + ")?" + zone,
        re.IGNORECASE,
    )


_DIGITS = re.compile(r"\d+")


@functools.cache
def _words_alone(lang: str | None) -> tuple[tuple[str, ...], re.Pattern[str]]:
    """Words for noon and midnight (folded, lower case), and a pattern that finds them."""
    readings: list[ReadingWords] = (
        [vocabulary(lang).reading] if lang else [v.reading for v in LANGUAGES.values()]
    )
    words = {w for r in readings for w in (*r.noon_words, *r.midnight_words)}
    folded = tuple(sorted({unaccent(w.lower()).split()[0] for w in words}))
    return folded, re.compile(rf"(?<![^\W\d_])(?:{_alternatives(words)})", re.IGNORECASE)


def _starts(text: str, lang: str | None) -> list[int]:
    """Where a time may start: a number, or a word for noon or midnight. The time pattern is
    then matched only there, which is many times faster than searching with it."""
    starts = [
        m.start()
        for m in _DIGITS.finditer(text)
        if m.start() == 0 or text[m.start() - 1] not in "/.,"
    ]
    words, pattern = _words_alone(lang)
    lowered = text.lower()
    if any(w in lowered for w in words):
        starts = sorted({*starts, *(m.start() for m in pattern.finditer(text))})
    return starts


def _marked(match: re.Match[str], p: str) -> bool:
    return any(match[f"{p}{g}"] for g in ("sep", "word", "am", "pm", "noon", "night"))


def _time_of(match: re.Match[str], p: str, meridiem: str | None = None) -> time:
    if match[f"{p}noonw"]:
        return time(12)
    if match[f"{p}nightw"]:
        return time(0)
    hour = int(match[f"{p}h"])
    minute = int(match[f"{p}m"] or 0)
    mark = meridiem or ("a" if match[f"{p}am"] else "p" if match[f"{p}pm"] else "")
    if match[f"{p}noon"] or match[f"{p}night"]:
        if (hour, minute) != (12, 0):
            raise DateParseError(f"{match.group(0)!r}: noon and midnight are 12:00")
        return time(12) if match[f"{p}noon"] else time(0)
    if mark:
        if not 1 <= hour <= 12:
            raise DateParseError(f"{match.group(0)!r}: {hour} is not an hour of a.m. or p.m.")
        hour = hour % 12 + (12 if mark == "p" else 0)
    if hour > 23 or minute > 59:
        raise DateParseError(f"{match.group(0)!r} is not a time of day")
    return time(hour, minute)


def _read(match: re.Match[str]) -> TimeRange | None:
    """The time range of one match, or ``None`` when it is not one (a bare number)."""
    single = bool(match["anoonw"] or match["anightw"])
    marked_a = single or _marked(match, "a")
    has_b = match["bh"] is not None or bool(match["bnoonw"] or match["bnightw"])
    marked_b = has_b and (bool(match["bnoonw"] or match["bnightw"]) or _marked(match, "b"))
    if not marked_a and not marked_b:
        return None
    try:
        start = _time_of(match, "a")
        end = _time_of(match, "b") if has_b else None
        a_meridiem = match["aam"] or match["apm"]
        b_meridiem = "a" if match["bam"] else "p" if match["bpm"] else None
        if end is not None and b_meridiem and not a_meridiem and not single:
            # "3:00 - 6:00 pm": the end's mark, given once, applies to the start too.
            for mark in (b_meridiem, "p" if b_meridiem == "a" else "a"):
                candidate = _time_of(match, "a", mark)
                if candidate < end:
                    start = candidate
                    break
    except DateParseError:
        return None
    if end is not None and end <= start and not (marked_a and marked_b):
        return None  # "le 17 à 10 h": a day and a time, not a range
    written = match["zone"] or match["zone2"]
    zone = " ".join(written.split()) if written else None
    return TimeRange(start, end, zone)


def times_in_folded(text: str, lang: str | None) -> Iterator[tuple[TimeRange, int, int]]:
    """``find_times`` on text already folded (``comitia.dates.folding``): folded offsets."""
    pattern = _pattern(lang)
    position = 0
    for start in _starts(text, lang):
        if start < position:
            continue
        match = pattern.match(text, start)
        if match is None:
            continue
        found = _read(match)
        if found is None:
            # Perhaps the range's end is a time of its own ("le 17 à 10 h"): it is matched
            # from its own start, which comes later.
            continue
        yield found, match.start(), match.end()
        position = match.end()


def find_times(text: str, lang: str | None = None) -> Iterator[tuple[TimeRange, int, int]]:
    """Every time or time range in ``text``, with its start and end offsets in ``text``."""
    folded = fold(text)
    for found, start, end in times_in_folded(folded.text, lang):
        yield found, *folded.span(start, end)


def find_time_range(text: str, lang: str | None = None) -> tuple[TimeRange, int, int] | None:
    """The first time or time range in ``text`` with its start and end offsets, or ``None``.

    A number counts as a time only with a mark: "10 h 00", "13h00", "10:00", "10.00 horas",
    "11 heures", "2:30 p.m.", "12:00 noon" (Spanish "12:00 m."); in a range one marked end is
    enough ("10-13 h").
    """
    if not isinstance(text, str):
        return None
    return next(find_times(text, lang), None)


def parse_time_range(text: str, lang: str | None = None) -> TimeRange:
    """The time or time range written in ``text``; ``DateParseError`` if there is none."""
    found = find_time_range(text, lang)
    if found is None:
        raise DateParseError(f"{text!r} holds no time")
    return found[0]


__all__ = [
    "EARLIEST_START",
    "LATEST_START",
    "WORKING_DAY",
    "DateParseError",
    "TimeRange",
    "duration",
    "find_time_range",
    "find_times",
    "parse_time_range",
]

"""Read dates and times written in French, English, Spanish or Portuguese.

One algorithm for every language: words come from ``comitia.dates.vocab`` (``reading``) and
month and weekday names from Babel. The grammar, in tokens:

- a day list or range: days, months and years in the language's order ("30 et 31 octobre",
  "October 30 and 31, 2019", "del 17 al 20 de noviembre", "3, 5 et 7 février 2020"),
  joined by conjunctions and range words ("du ... au", "-", "from ... to");
- months, ranges of months, years and ranges of years ("d’octobre à décembre 2019");
- an ordinal with a quarter or half-year word ("premier semestre", "second half of 2020");
- a range whose ends are joined by a conjunction after "between" ("entre le 3 et le 5 mars",
  "between 3 and 5 March", "entre el 3 y el 5 de marzo", "entre 3 e 5 de março", "entre mars
  et mai"): the same value as "du 3 au 5 mars";
- a part of a month before a month ("début mars", "mi-mars", "late March", "a mediados de
  marzo", "fim de março"). EDTF has no notation for it, and a value must stay one of the
  fuzzy date's kinds: the early part is read as days 1 to 10, the middle as days 11 to 20
  and the late part as day 21 to the month's end (the decades of the month), a RANGE of days
  such as ``2020-03-01/2020-03-10``. It prints back as that range ("du 1er au 10 mars 2020"),
  which reads back to the same value. A part of a year ("fin 2020") has no agreed span and
  raises ``DateParseError``;
- marks that make the value provisional ("(prov.)", "tentative") or unknown ("to be confirmed");
  an unknown mark written beside a date ("Noviembre (por confirmar)") makes it provisional.

Contract: ``parse`` returns a ``FuzzyDate`` or raises ``DateParseError`` (a ``FuzzyDateError``,
itself a ``ValueError``) whose message names the part of the text that was not understood. A
weekday that contradicts its date raises ``WeekdayMismatchError`` (a ``DateParseError``), which
carries the date as read in ``value`` so that a caller may keep it and report the mismatch.
``parse_time_range`` (from ``comitia.dates.times``, where times are read) returns a
``TimeRange`` or raises ``DateParseError``.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from comitia.dates.fuzzy import FuzzyDate, FuzzyDateError, Precision
from comitia.dates.times import DateParseError, TimeRange, find_time_range, parse_time_range
from comitia.dates.vocab import vocabulary

Period = tuple[date, date]


class WeekdayMismatchError(DateParseError):
    """The weekday written does not fall on the date written; ``value`` is the date as read."""

    def __init__(self, message: str, value: FuzzyDate) -> None:
        super().__init__(message)
        self.value = value


# -- vocabulary tables ------------------------------------------------------------------------

_DASHES = "-‐‑‒–—−"


def _fold(text: str) -> str:
    """Lower case, ordinary spaces and apostrophes, one space between words."""
    text = unicodedata.normalize("NFC", text).lower()
    text = text.replace("’", "'").replace("‘", "'")
    for dash in _DASHES[1:]:
        text = text.replace(dash, "-")
    return " ".join(text.split())


def _unaccent(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class _Table:
    words: dict[str, tuple[str, int]]
    provisional: re.Pattern[str]
    unknown: re.Pattern[str]
    suffixes: frozenset[str]
    # A part of a month at the start of the text, and which part each phrase names (1 to 3).
    month_part: re.Pattern[str]
    parts: dict[str, int]


def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    folded = sorted({_fold(p) for p in phrases}, key=len, reverse=True)
    alternatives = "|".join(re.escape(p) for p in folded) or r"(?!x)x"
    # A mark stands alone or inside brackets: "(prov.)", "(Date provisoire)", "tentative".
    return re.compile(rf"\(\s*(?:{alternatives})\s*\)|(?<!\w)(?:{alternatives})(?!\w)")


@functools.cache
def _table(lang: str) -> _Table:
    # Babel is imported here, when a text is first read: a plan file's dates are ISO, and the
    # commands that only read plan files (``comitia export``) never need it.
    from babel.dates import get_day_names, get_month_names

    v = vocabulary(lang)
    r = v.reading
    words: dict[str, tuple[str, int]] = {}

    def add(word: str, kind: str, value: int = 0) -> None:
        for form in {_fold(word).rstrip("."), _unaccent(_fold(word).rstrip("."))}:
            words.setdefault(form, (kind, value))

    # Order matters: the first meaning given to a word wins.
    for number, name in get_month_names("wide", context="format", locale=v.locale).items():
        add(name, "M", number)
    for number, name in get_month_names("wide", context="stand-alone", locale=v.locale).items():
        add(name, "M", number)
    for number, name in get_month_names("abbreviated", context="format", locale=v.locale).items():
        add(name, "M", number)
    for name, number in r.extra_months:
        add(name, "M", number)
    for number, name in get_day_names("wide", context="format", locale=v.locale).items():
        add(name, "W", number)
        if "-" in name:  # Portuguese "quinta-feira" is also written "quinta".
            add(name.split("-")[0], "W", number)
    if lang == "en":
        for number, name in get_day_names("abbreviated", locale=v.locale).items():
            add(name, "W", number)
    for number, spellings in enumerate(r.ordinals, start=1):
        for spelling in spellings:
            add(spelling, "O", number)
    for word in r.quarter_words:
        add(word, "Q")
    for word in r.semester_words:
        add(word, "S")
    for word in r.conjunctions:
        add(word, "AND")
    # Before the openers: English also lists "between" as one, read as a mere filler.
    for word in r.between_words:
        add(word, "BETWEEN")
    for phrase in r.range_closers:
        first, *rest = _fold(phrase).split()
        add(first, "TO")
        for other in rest:
            add(other, "_")
    for phrase in (*r.range_openers, *r.fillers):
        for word in _fold(phrase).split():
            add(word, "_")
    parts: dict[str, int] = {}
    for part, phrases in enumerate(r.month_parts, start=1):
        for phrase in phrases:
            for form in (_fold(phrase), _unaccent(_fold(phrase))):
                parts.setdefault(form, part)
    alternatives = "|".join(re.escape(p) for p in sorted(parts, key=len, reverse=True))
    return _Table(
        words=words,
        provisional=_phrase_pattern(r.provisional_marks),
        unknown=_phrase_pattern(r.unknown_marks),
        suffixes=frozenset(_fold(s) for s in r.day_suffixes),
        # "mi-mars", "mid-March", "fin mars", "a mediados de marzo".
        month_part=re.compile(rf"^({alternatives or r'(?!x)x'})(?:\s+|\s*-\s*)"),
        parts=parts,
    )


# -- tokens -----------------------------------------------------------------------------------

_TOKEN = re.compile(
    r"(?P<num>\d+)(?P<suffix>[^\W\d_]*)"
    r"|(?P<word>[^\W\d_]+')"
    r"|(?P<word2>[^\W\d_]+(?:-[^\W\d_]+)*)\.?"
    r"|(?P<dash>-|/)"
    r"|(?P<comma>,)"
    r"|(?P<skip>[()\[\]:;.!?«»\"'*]+)"
    r"|(?P<bad>\S)"
)


@dataclass(frozen=True)
class _Tok:
    kind: str  # D (day), Y (year), M, W, O (ordinal), Q, S, AND, TO, BETWEEN, COMMA
    value: int
    text: str


def _tokens(text: str, table: _Table) -> list[_Tok]:
    tokens: list[_Tok] = []
    for match in _TOKEN.finditer(text):
        raw = match.group(0)
        if match["num"] is not None:
            number, suffix = int(match["num"]), match["suffix"]
            if suffix and suffix not in table.suffixes:
                raise DateParseError(f"{raw!r} is not a day or a year")
            if len(match["num"]) == 4 and not suffix:
                tokens.append(_Tok("Y", number, raw))
            elif 1 <= number <= 31 and len(match["num"]) <= 2:
                tokens.append(_Tok("D", number, raw))
            else:
                raise DateParseError(f"{raw!r} is not a day or a year")
        elif match["word"] is not None or match["word2"] is not None:
            word = (match["word"] or match["word2"]).rstrip(".")
            found = table.words.get(word) or table.words.get(_unaccent(word))
            if found is None:
                raise DateParseError(f"the word {word!r} is not part of a date")
            kind, value = found
            if kind != "_":
                tokens.append(_Tok(kind, value, raw))
        elif match["dash"] is not None:
            tokens.append(_Tok("TO", 0, raw))
        elif match["comma"] is not None:
            tokens.append(_Tok("COMMA", 0, raw))
        elif match["bad"] is not None:
            raise DateParseError(f"the character {raw!r} is not part of a date")
    return tokens


# -- the grammar ------------------------------------------------------------------------------


def parse(text: str, lang: str, *, period: Period | None = None) -> FuzzyDate:
    """The fuzzy date written in ``text`` in ``lang`` ("fr", "en", "es" or "pt").

    ``period`` (first and last day) supplies a missing year: a month takes the year in which it
    falls inside the period (a 2019-2020 plan runs from 2019-10-01 to 2020-09-30, so "mars" is
    March 2020). Without a period, a date with no year is an error.
    """
    if not isinstance(text, str):
        raise DateParseError(f"expected text, got {text!r}")
    table = _table(lang)
    folded = _fold(text)
    if not folded:
        raise DateParseError("empty text is not a date")
    provisional = False
    stripped, count = table.provisional.subn(" ", folded)
    if count:
        provisional = True
    stripped = stripped.strip()
    if stripped.endswith("?"):
        provisional, stripped = True, stripped[:-1]
    stripped, unknown = table.unknown.subn(" ", stripped)
    part = 0
    if (found := table.month_part.match(stripped.strip())) is not None:
        part, stripped = table.parts[found[1]], stripped.strip()[found.end() :]
    try:
        tokens = _tokens(stripped, table)
    except DateParseError as error:
        raise DateParseError(f"{text!r}: {error}") from None
    if unknown:
        if not tokens:
            return FuzzyDate.unknown()
        # "Noviembre (por confirmar)": a date still to be confirmed is provisional.
        provisional = True
    if not tokens:
        raise DateParseError(f"{text!r} holds no date")
    try:
        value = _read(tokens, period)
        if part:
            value = _part_of_month(value, part)
        if provisional != value.provisional:
            value = value.with_provisional(provisional)
    except WeekdayMismatchError as error:
        raise WeekdayMismatchError(
            f"{text!r}: {error}", error.value.with_provisional(provisional)
        ) from None
    except FuzzyDateError as error:
        raise DateParseError(f"{text!r}: {error}") from None
    return value


def _part_of_month(month: FuzzyDate, part: int) -> FuzzyDate:
    """Days 1-10, 11-20 or 21 to the end of ``month`` (see the module's docstring)."""
    if month.precision is not Precision.MONTH:
        raise DateParseError("a part of a month (early, mid, late) is written before one month")
    assert month.first_day is not None and month.last_day is not None
    first, last = {1: (1, 10), 2: (11, 20), 3: (21, month.last_day.day)}[part]
    return FuzzyDate.range(month.first_day.replace(day=first), month.first_day.replace(day=last))


def _between(tokens: list[_Tok]) -> list[_Tok]:
    """ "between A and B" read as "from A to B": the one conjunction becomes a range word."""
    if tokens[0].kind != "BETWEEN" or any(t.kind == "BETWEEN" for t in tokens[1:]):
        raise DateParseError("'between' is out of place")
    rest = tokens[1:]

    def joins_dates(i: int) -> bool:
        # A comma before a year or after a weekday belongs to a date ("March 3, 2020").
        if rest[i].kind != "COMMA":
            return rest[i].kind in ("AND", "TO")
        return i + 1 < len(rest) and rest[i + 1].kind != "Y" and (i == 0 or rest[i - 1].kind != "W")

    joins = [i for i in range(len(rest)) if joins_dates(i)]
    if len(joins) != 1 or rest[joins[0]].kind != "AND":
        raise DateParseError("'between' needs two dates joined by one conjunction")
    return [_Tok("TO", 0, t.text) if i == joins[0] else t for i, t in enumerate(rest)]


def _read(tokens: list[_Tok], period: Period | None) -> FuzzyDate:
    if any(t.kind == "BETWEEN" for t in tokens):
        tokens = _between(tokens)
    kinds = [t.kind for t in tokens if t.kind != "COMMA"]
    # Quarter or half year: ordinal (or day number used as one) and the unit, then a year.
    if len(kinds) >= 2 and kinds[0] in ("O", "D") and kinds[1] in ("Q", "S"):
        if kinds[2:] not in ([], ["Y"]):
            raise DateParseError("unexpected words after a quarter or half year")
        core = [t for t in tokens if t.kind != "COMMA"]
        number, unit = core[0].value, core[1].kind
        year = core[2].value if len(core) > 2 else None
        if unit == "Q":
            if not 1 <= number <= 4:
                raise DateParseError(f"there is no quarter {number}")
            return _with_year(lambda y: FuzzyDate.quarter(y, number), year, period)
        if not 1 <= number <= 2:
            raise DateParseError(f"there is no half year {number}")
        return _with_year(lambda y: FuzzyDate.semester(y, number), year, period)
    # An ordinal before a month is its first day ("premier juillet").
    tokens = [_Tok("D", 1, t.text) if t.kind == "O" and t.value == 1 else t for t in tokens]
    if any(t.kind in ("O", "Q", "S") for t in tokens):
        raise DateParseError("an ordinal, quarter or half year is out of place")
    points, separators, weekdays = _points(tokens)
    return _combine(points, separators, weekdays, period)


@dataclass
class _Point:
    day: int | None = None
    month: int | None = None
    year: int | None = None
    year_borrowed: bool = False


def _points(tokens: list[_Tok]) -> tuple[list[_Point], list[str], dict[int, int]]:
    """Days, months and years in order, the separators between them, and weekdays by point."""
    # Commas before a year or after a weekday belong to the date ("October 24, 2019").
    cleaned: list[_Tok] = []
    for i, tok in enumerate(tokens):
        if tok.kind == "COMMA":
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            prev = cleaned[-1] if cleaned else None
            if (
                nxt is None
                or nxt.kind in ("Y", "AND", "TO")
                or (prev is not None and prev.kind == "W")
            ):
                # "October 24, 2019", "Monday, March 1", "March 3, and March 4".
                continue
            cleaned.append(_Tok("AND", 0, ","))
        else:
            cleaned.append(tok)
    first_dm = next((t for t in cleaned if t.kind in ("D", "M")), None)
    month_first = (
        first_dm is not None
        and first_dm.kind == "M"
        and any(a.kind == "M" and b.kind == "D" for a, b in itertools.pairwise(cleaned))
    )
    points: list[_Point] = []
    separators: list[str] = []
    weekdays: dict[int, int] = {}
    pending_weekday: int | None = None
    last_kind = ""
    for tok in cleaned:
        if tok.kind == "W":
            pending_weekday = tok.value
        elif tok.kind in ("AND", "TO"):
            if not points or last_kind in ("AND", "TO"):
                raise DateParseError(f"{tok.text!r} joins nothing")
            separators.append(tok.kind)
        elif tok.kind == "D":
            if points and last_kind == "M" and month_first and points[-1].day is None:
                points[-1].day = tok.value
            else:
                _new_point(points, separators, last_kind)
                points.append(_Point(day=tok.value))
            if pending_weekday is not None:
                weekdays[len(points) - 1] = pending_weekday
                pending_weekday = None
        elif tok.kind == "M":
            if points and last_kind == "D" and points[-1].month is None and not month_first:
                # The month closes the run of days before it ("30 et 31 octobre").
                for point in reversed(points):
                    if point.month is not None or point.year is not None:
                        break
                    point.month = tok.value
            else:
                _new_point(points, separators, last_kind)
                points.append(_Point(month=tok.value))
                if pending_weekday is not None and month_first:
                    weekdays[len(points) - 1] = pending_weekday
                    pending_weekday = None
        elif tok.kind == "Y":
            if points and last_kind in ("D", "M"):
                for point in reversed(points):
                    if point.year is not None:
                        break
                    point.year = tok.value
            else:
                _new_point(points, separators, last_kind)
                points.append(_Point(year=tok.value))
        if tok.kind != "W":
            # A weekday belongs to the day after it: "del lunes 1 al miércoles 3 de marzo".
            last_kind = tok.kind
    if last_kind in ("AND", "TO"):
        raise DateParseError("the text ends with a conjunction")
    if pending_weekday is not None:
        raise DateParseError("a weekday without a day")
    # English "October 24 and 25": a day after a conjunction takes the month before it.
    for i, point in enumerate(points):
        if point.day is not None and point.month is None and month_first and i > 0:
            point.month = points[i - 1].month
    # A run of days with the year on a later point ("30 octobre et 2 novembre 2019").
    for i in range(len(points) - 2, -1, -1):
        point = points[i]
        if point.year is None and points[i + 1].year is not None and point.month is not None:
            point.year = points[i + 1].year
            point.year_borrowed = True
    # A day before a month-less day takes the month after it ("du 17 au 20 novembre").
    for i in range(len(points) - 2, -1, -1):
        if points[i].day is not None and points[i].month is None:
            points[i].month = points[i + 1].month
    return points, separators, weekdays


def _new_point(points: list[_Point], separators: list[str], last_kind: str) -> None:
    if points and last_kind not in ("AND", "TO"):
        raise DateParseError("two dates follow each other without a conjunction")


def _combine(
    points: list[_Point],
    separators: list[str],
    weekdays: dict[int, int],
    period: Period | None,
) -> FuzzyDate:
    if len(separators) != len(points) - 1:
        raise DateParseError("dates and conjunctions do not alternate")
    if all(p.day is not None for p in points):
        days = _resolve_days(points, separators, period)
        value = _days_value(days, separators)
        for index, weekday in weekdays.items():
            day = days[index]
            if day.weekday() != weekday:
                raise WeekdayMismatchError(
                    f"the weekday written does not fall on {day.isoformat()}"
                    f" (a {day.strftime('%A')})",
                    value,
                )
        return value
    if weekdays:
        raise DateParseError("a weekday needs a day")
    if any(p.day is not None for p in points):
        raise DateParseError("days and whole months are mixed")
    if "AND" in separators or len(points) > 2:
        raise DateParseError("a list of months or years is not a date")
    if all(p.month is not None for p in points):
        months = _resolve_months(points, period)
        if len(months) == 1:
            return FuzzyDate.month(months[0].year, months[0].month)
        return FuzzyDate.range(months[0], months[1], unit=Precision.MONTH)
    if all(p.month is None and p.year is not None for p in points):
        if len(points) == 1:
            return FuzzyDate.year(_year(points[0]))
        return FuzzyDate.range(
            date(_year(points[0]), 1, 1), date(_year(points[1]), 1, 1), unit=Precision.YEAR
        )
    raise DateParseError("months and bare years are mixed")


def _year(point: _Point) -> int:
    assert point.year is not None  # only called on points that hold a year
    return point.year


def _resolve_months(points: list[_Point], period: Period | None) -> list[date]:
    months: list[date] = []
    for point in points:
        assert point.month is not None
        year = point.year if point.year is not None else _infer_year(point.month, period)
        months.append(date(year, point.month, 1))
    if len(months) == 2 and months[1] < months[0] and points[0].year_borrowed:
        months[0] = months[0].replace(year=months[0].year - 1)
    return months


def _resolve_days(points: list[_Point], separators: list[str], period: Period | None) -> list[date]:
    days: list[date] = []
    for point in points:
        assert point.day is not None
        if point.month is None:
            raise DateParseError(f"the day {point.day} has no month")
        year = point.year if point.year is not None else _infer_year(point.month, period)
        try:
            days.append(date(year, point.month, point.day))
        except ValueError:
            raise DateParseError(
                f"day {point.day} of month {point.month} of {year} does not exist"
            ) from None
    # "du 30 décembre au 2 janvier 2020": the start took the end's year; it is the year before.
    for i in range(len(days) - 1):
        if days[i] > days[i + 1] and points[i].year_borrowed:
            days[i] = days[i].replace(year=days[i].year - 1)
    return days


def _days_value(days: list[date], separators: list[str]) -> FuzzyDate:
    chosen: set[date] = {days[0]}
    for i, separator in enumerate(separators):
        start, end = days[i], days[i + 1]
        if end <= start:
            raise DateParseError(f"{end.isoformat()} does not come after {start.isoformat()}")
        if separator == "TO":
            chosen.update(start + timedelta(days=n) for n in range((end - start).days + 1))
        else:
            chosen.add(end)
    return FuzzyDate.days(chosen)


def _infer_year(month: int, period: Period | None) -> int:
    if period is None:
        raise DateParseError("no year is written and no period is given to infer it")
    first, last = period
    for year in range(first.year, last.year + 1):
        start = date(year, month, 1)
        end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        if start <= last and end >= first:
            return year
    raise DateParseError(f"month {month} does not fall in the period {first} to {last}")


def _with_year(
    build: Callable[[int], FuzzyDate],
    year: int | None,
    period: Period | None,
) -> FuzzyDate:
    if year is not None:
        return build(year)
    if period is None:
        raise DateParseError("no year is written and no period is given to infer it")
    first, last = period
    for candidate in range(first.year, last.year + 1):
        value = build(candidate)
        assert value.first_day is not None and value.last_day is not None
        if value.first_day <= last and value.last_day >= first:
            return value
    raise DateParseError(f"it does not fall in the period {first} to {last}")


__all__ = [
    "DateParseError",
    "Period",
    "TimeRange",
    "WeekdayMismatchError",
    "find_time_range",
    "parse",
    "parse_time_range",
]

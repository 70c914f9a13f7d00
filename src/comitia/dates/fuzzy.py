"""The fuzzy date value type and its canonical EDTF (ISO 8601-2) text form.

A fuzzy date is how another body's event is dated: a day, several days, a range, a month, a
quarter, a semester, a year, or "to be confirmed" (unknown), each possibly provisional.

Canonical forms, which ``str()`` returns and ``FuzzyDate.parse_edtf`` accepts:

===========  ==============================================================
DAY          ``2019-10-24``
DAYS         ``{2020-02-03,2020-02-05}`` (sorted, distinct, not contiguous)
RANGE        ``2019-10-30/2019-10-31``, ``2019-10/2019-12``, ``2019/2021``
MONTH        ``2020-03``
QUARTER      ``2020-33`` .. ``2020-36`` (first to fourth quarter)
SEMESTER     ``2020-40`` (first half), ``2020-41`` (second half)
YEAR         ``2020``
UNKNOWN      ``XXXX`` (to be confirmed; never provisional)
===========  ==============================================================

A trailing ``?`` marks the whole value provisional (``2020-07?``); a range carries it on both
endpoints (``2020-04-16?/2020-04-17?``), and either endpoint is enough on input.

Contract: every constructor, ``parse_edtf``, ``with_provisional`` and direct construction raise
``FuzzyDateError`` (a ``ValueError``) for bad input, with a message that names what was wrong and
quotes the input. They never return ``None`` and never build an invalid value. Years run from
1000 to 9999.

This module is plain Python: it never imports Django or pydantic.
"""

from __future__ import annotations

import calendar
import dataclasses
import enum
import functools
import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

MIN_YEAR = 1000
MAX_YEAR = 9999


class FuzzyDateError(ValueError):
    """The one error raised by ``comitia.dates`` for bad input."""


class Precision(enum.Enum):
    """How precisely a fuzzy date is known; declaration order is the tie-break sort order."""

    DAY = "day"
    DAYS = "days"
    RANGE = "range"
    MONTH = "month"
    QUARTER = "quarter"
    SEMESTER = "semester"
    YEAR = "year"
    UNKNOWN = "unknown"


_PRECISION_RANK = {p: i for i, p in enumerate(Precision)}
# The units a RANGE endpoint may have.
_RANGE_UNITS = (Precision.DAY, Precision.MONTH, Precision.YEAR)
# First month of each quarter and semester, and how many months each lasts.
_QUARTER_STARTS = (1, 4, 7, 10)
_SEMESTER_STARTS = (1, 7)
_QUARTER_CODE = 33  # EDTF sub-year grouping codes: 33..36 quarters, 40..41 semesters.
_SEMESTER_CODE = 40


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(year: int, month: int, count: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + count
    return index // 12, index % 12 + 1


def _span_end(start: date, months: int) -> date:
    """Last day of the period of ``months`` months starting on the first of ``start``'s month."""
    year, month = _add_months(start.year, start.month, months - 1)
    return _month_end(year, month)


def _unit_bounds(unit: Precision, d: date) -> tuple[date, date]:
    """First and last day of the day, month or year containing ``d``."""
    if unit is Precision.DAY:
        return d, d
    if unit is Precision.MONTH:
        return d.replace(day=1), _month_end(d.year, d.month)
    return date(d.year, 1, 1), date(d.year, 12, 31)


def _contiguous(days: tuple[date, ...]) -> bool:
    return all(b - a == timedelta(days=1) for a, b in itertools.pairwise(days))


def _check_date(value: object, what: str) -> date:
    # datetime is a subclass of date; a time of day has no place in a fuzzy date.
    if not isinstance(value, date) or isinstance(value, datetime):
        raise FuzzyDateError(f"{what} must be a datetime.date, got {value!r}")
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise FuzzyDateError(f"{what} {value.isoformat()!r} is outside years 1000..9999")
    return value


@functools.total_ordering
@dataclass(frozen=True, repr=False)
class FuzzyDate:
    """An immutable, hashable, totally ordered fuzzy date.

    ``first_day`` and ``last_day`` bound the possible days (both ``None`` only for UNKNOWN).
    ``listed_days`` holds the days of a DAYS value (empty otherwise); ``range_unit`` is the unit
    of a RANGE's endpoints (DAY, MONTH or YEAR; ``None`` otherwise). Prefer the classmethod
    constructors; direct construction is validated and raises ``FuzzyDateError`` if the fields
    do not describe a canonical value.
    """

    precision: Precision
    provisional: bool
    first_day: date | None
    last_day: date | None
    listed_days: tuple[date, ...] = ()
    range_unit: Precision | None = None

    def __post_init__(self) -> None:
        problem = self._problem()
        if problem:
            raise FuzzyDateError(
                f"invalid FuzzyDate({self.precision!r}, provisional={self.provisional!r}, "
                f"first_day={self.first_day!r}, last_day={self.last_day!r}, "
                f"listed_days={self.listed_days!r}, range_unit={self.range_unit!r}): {problem}"
            )

    def _problem(self) -> str | None:
        p = self.precision
        if not isinstance(p, Precision):
            return "precision must be a Precision"
        if not isinstance(self.provisional, bool):
            return "provisional must be a bool"
        if not isinstance(self.listed_days, tuple):
            return "listed_days must be a tuple"
        if p is not Precision.DAYS and self.listed_days:
            return "only DAYS has listed_days"
        if p is not Precision.RANGE and self.range_unit is not None:
            return "only RANGE has a range_unit"
        if p is Precision.UNKNOWN:
            if self.first_day is not None or self.last_day is not None:
                return "UNKNOWN has no first or last day"
            if self.provisional:
                return "an unknown date cannot be provisional"
            return None
        if self.first_day is None or self.last_day is None:
            return f"{p.name} needs a first and last day"
        first = _check_date(self.first_day, "first day")
        last = _check_date(self.last_day, "last day")
        if first > last:
            return "it ends before it starts"
        if p is Precision.DAY:
            return None if first == last else "a DAY has one day"
        if p is Precision.DAYS:
            days = self.listed_days
            if any(not isinstance(d, date) or isinstance(d, datetime) for d in days):
                return "listed_days must be dates"
            if len(days) < 2 or list(days) != sorted(set(days)):
                return "DAYS needs at least two distinct days in order"
            if _contiguous(days):
                return "contiguous days are a RANGE"
            if (days[0], days[-1]) != (first, last):
                return "first and last day must be the first and last listed day"
            return None
        if p is Precision.RANGE:
            unit = self.range_unit
            if unit is None or unit not in _RANGE_UNITS:
                return "range_unit must be DAY, MONTH or YEAR"
            if _unit_bounds(unit, first)[0] != first or _unit_bounds(unit, last)[1] != last:
                return f"range endpoints must be whole {unit.value}s"
            if _unit_bounds(unit, first)[1] >= last:
                return f"a range must span at least two {unit.value}s"
            return None
        months, starts = {
            Precision.MONTH: (1, tuple(range(1, 13))),
            Precision.QUARTER: (3, _QUARTER_STARTS),
            Precision.SEMESTER: (6, _SEMESTER_STARTS),
            Precision.YEAR: (12, (1,)),
        }[p]
        if first.day != 1 or first.month not in starts or last != _span_end(first, months):
            return f"first and last day must bound a {p.value}"
        return None

    # -- constructors -------------------------------------------------------------------------

    @classmethod
    def day(cls, d: date, *, provisional: bool = False) -> FuzzyDate:
        """One day."""
        d = _check_date(d, "day")
        return cls(Precision.DAY, provisional, d, d)

    @classmethod
    def days(cls, ds: Iterable[date], *, provisional: bool = False) -> FuzzyDate:
        """Several days, normalised: sorted and de-duplicated; one day gives a DAY and
        contiguous days give a RANGE. No days at all raises ``FuzzyDateError``."""
        unique = tuple(sorted({_check_date(d, "day") for d in ds}))
        if not unique:
            raise FuzzyDateError("several days needs at least one day, got none")
        if len(unique) == 1:
            return cls.day(unique[0], provisional=provisional)
        if _contiguous(unique):
            return cls.range(unique[0], unique[-1], provisional=provisional)
        return cls(Precision.DAYS, provisional, unique[0], unique[-1], listed_days=unique)

    @classmethod
    def range(
        cls,
        start: date,
        end: date,
        *,
        unit: Precision = Precision.DAY,
        provisional: bool = False,
    ) -> FuzzyDate:
        """From ``start`` to ``end`` inclusive, in whole days (default), months or years.

        With ``unit=Precision.MONTH`` or ``YEAR``, ``start`` and ``end`` name the first and last
        month or year; the rest of each date is ignored. The range must span at least two units
        (one day is a DAY, one month a MONTH) and must not end before it starts.
        """
        if unit not in _RANGE_UNITS:
            raise FuzzyDateError(f"range unit must be DAY, MONTH or YEAR, got {unit!r}")
        first = _unit_bounds(unit, _check_date(start, "range start"))[0]
        last = _unit_bounds(unit, _check_date(end, "range end"))[1]
        if first > last:
            raise FuzzyDateError(
                f"range end {end.isoformat()!r} is before its start {start.isoformat()!r}"
            )
        if _unit_bounds(unit, first)[1] == last:
            raise FuzzyDateError(
                f"range {start.isoformat()!r} to {end.isoformat()!r} covers one {unit.value};"
                f" use FuzzyDate.{unit.value}() instead"
            )
        return cls(Precision.RANGE, provisional, first, last, range_unit=unit)

    @classmethod
    def month(cls, year: int, month: int, *, provisional: bool = False) -> FuzzyDate:
        """A whole month (1..12)."""
        if not 1 <= month <= 12:
            raise FuzzyDateError(f"month must be 1..12, got {month!r}")
        return cls._period(Precision.MONTH, year, month, 1, provisional)

    @classmethod
    def quarter(cls, year: int, q: int, *, provisional: bool = False) -> FuzzyDate:
        """A quarter of a year (1..4)."""
        if not 1 <= q <= 4:
            raise FuzzyDateError(f"quarter must be 1..4, got {q!r}")
        return cls._period(Precision.QUARTER, year, _QUARTER_STARTS[q - 1], 3, provisional)

    @classmethod
    def semester(cls, year: int, s: int, *, provisional: bool = False) -> FuzzyDate:
        """A half year (1 first, 2 second)."""
        if not 1 <= s <= 2:
            raise FuzzyDateError(f"semester must be 1 or 2, got {s!r}")
        return cls._period(Precision.SEMESTER, year, _SEMESTER_STARTS[s - 1], 6, provisional)

    @classmethod
    def year(cls, year: int, *, provisional: bool = False) -> FuzzyDate:
        """A whole year."""
        return cls._period(Precision.YEAR, year, 1, 12, provisional)

    @classmethod
    def unknown(cls) -> FuzzyDate:
        """To be confirmed: no known day. Never provisional."""
        return cls(Precision.UNKNOWN, False, None, None)

    @classmethod
    def _period(
        cls, precision: Precision, year: int, month: int, months: int, provisional: bool
    ) -> FuzzyDate:
        if isinstance(year, bool) or not isinstance(year, int):
            raise FuzzyDateError(f"year must be an int, got {year!r}")
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise FuzzyDateError(f"year {year!r} is outside 1000..9999")
        first = date(year, month, 1)
        return cls(precision, provisional, first, _span_end(first, months))

    # -- EDTF ---------------------------------------------------------------------------------

    @classmethod
    def parse_edtf(cls, text: str) -> FuzzyDate:
        """Parse EDTF text (surrounding whitespace is ignored).

        Non-canonical but valid input is normalised (a set of days is sorted, a set of
        contiguous days becomes a range), so ``str()`` of the result may differ from ``text``.
        Raise ``FuzzyDateError`` for anything else: empty or malformed text, invalid calendar
        dates, a range that ends before it starts or covers one day, month, or year, month codes
        other than 01..12, 33..36 and 40..41, years outside 1000..9999, and ``XXXX?``.
        """
        from comitia.dates.edtf import parse  # edtf builds values with this class

        return parse(text)

    def __str__(self) -> str:
        first, last = self.first_day, self.last_day
        if first is None or last is None:
            return "XXXX"
        mark = "?" if self.provisional else ""
        p = self.precision
        if p is Precision.DAY:
            return first.isoformat() + mark
        if p is Precision.DAYS:
            return "{" + ",".join(d.isoformat() for d in self.listed_days) + "}" + mark
        if p is Precision.RANGE:
            unit = self.range_unit
            return f"{_endpoint(unit, first)}{mark}/{_endpoint(unit, last)}{mark}"
        if p is Precision.MONTH:
            return f"{first.year:04d}-{first.month:02d}{mark}"
        if p is Precision.QUARTER:
            return f"{first.year:04d}-{_QUARTER_CODE + (first.month - 1) // 3}{mark}"
        if p is Precision.SEMESTER:
            return f"{first.year:04d}-{_SEMESTER_CODE + (first.month - 1) // 6}{mark}"
        return f"{first.year:04d}{mark}"

    def __repr__(self) -> str:
        return f"FuzzyDate.parse_edtf({str(self)!r})"

    # -- questions ----------------------------------------------------------------------------

    @property
    def sort_key(self) -> tuple[bool, date, date, int, str]:
        """Order by first day, last day, precision, then EDTF text; UNKNOWN sorts last."""
        if self.first_day is None or self.last_day is None:
            return (True, date.max, date.max, _PRECISION_RANK[self.precision], str(self))
        return (
            False,
            self.first_day,
            self.last_day,
            _PRECISION_RANK[self.precision],
            str(self),
        )

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, FuzzyDate):
            return NotImplemented
        return self.sort_key < other.sort_key

    def contains(self, d: date) -> bool:
        """Whether ``d`` is one of the possible days (never, for UNKNOWN)."""
        if self.first_day is None or self.last_day is None:
            return False
        if self.precision is Precision.DAYS:
            return d in self.listed_days
        return self.first_day <= d <= self.last_day

    def overlaps(self, other: FuzzyDate) -> bool:
        """Whether the two share a possible day. A DAYS value counts only its listed days;
        UNKNOWN overlaps nothing, not even itself."""
        a_first, a_last, b_first, b_last = (
            self.first_day,
            self.last_day,
            other.first_day,
            other.last_day,
        )
        if a_first is None or a_last is None or b_first is None or b_last is None:
            return False
        if a_last < b_first or b_last < a_first:
            return False
        if self.precision is Precision.DAYS:
            return any(other.contains(d) for d in self.listed_days)
        if other.precision is Precision.DAYS:
            return any(self.contains(d) for d in other.listed_days)
        return True

    # -- derived values -----------------------------------------------------------------------

    def with_provisional(self, flag: bool) -> FuzzyDate:
        """A copy marked (or unmarked) provisional; ``FuzzyDateError`` for UNKNOWN with True."""
        if flag and self.precision is Precision.UNKNOWN:
            raise FuzzyDateError("an unknown date ('XXXX') cannot be provisional")
        return dataclasses.replace(self, provisional=flag)

    def format(self, lang: str) -> str:
        """Human text in ``lang`` ("fr", "en", "es" or "pt"); see ``comitia.dates.printing``.

        Raise ``FuzzyDateError`` (a ``ValueError``) for any other language code.
        """
        from comitia.dates.printing import format_fuzzy_date  # printing imports this module

        return format_fuzzy_date(self, lang)


def _endpoint(unit: Precision | None, d: date) -> str:
    if unit is Precision.DAY:
        return d.isoformat()
    if unit is Precision.MONTH:
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}"

"""Fuzzy dates: how another body's event is dated, with EDTF text and four-language printing.

``find`` returns every date and time expression of a running text (``comitia.dates.finding``).
Plain Python; never imports Django or pydantic. Bad input raises ``FuzzyDateError`` (a
``ValueError``) everywhere in this package.
"""

from comitia.dates.finding import Found, find
from comitia.dates.fuzzy import FuzzyDate, FuzzyDateError, Precision
from comitia.dates.parsing import (
    DateParseError,
    TimeRange,
    WeekdayMismatchError,
    parse,
    parse_time_range,
)
from comitia.dates.printing import format_day

__all__ = [
    "DateParseError",
    "Found",
    "FuzzyDate",
    "FuzzyDateError",
    "Precision",
    "TimeRange",
    "WeekdayMismatchError",
    "find",
    "format_day",
    "parse",
    "parse_time_range",
]

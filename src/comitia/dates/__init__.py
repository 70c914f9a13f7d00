"""Fuzzy dates: how another body's event is dated, with EDTF text and four-language printing.

Plain Python; never imports Django or pydantic. Bad input raises ``FuzzyDateError`` (a
``ValueError``) everywhere in this package.
"""

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
    "FuzzyDate",
    "FuzzyDateError",
    "Precision",
    "TimeRange",
    "WeekdayMismatchError",
    "format_day",
    "parse",
    "parse_time_range",
]

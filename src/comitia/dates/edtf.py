"""Parse EDTF (ISO 8601-2) text into a ``FuzzyDate``; use ``FuzzyDate.parse_edtf``.

Only the subset described in ``comitia.dates.fuzzy`` is accepted. ``parse`` returns a valid
``FuzzyDate`` or raises ``FuzzyDateError`` quoting the input; it never returns ``None``.
Writing EDTF is ``str(FuzzyDate)``.
"""

from __future__ import annotations

import re
from datetime import date

from comitia.dates.fuzzy import MAX_YEAR, MIN_YEAR, FuzzyDate, FuzzyDateError, Precision

# ASCII digits only: ``\d`` would also match other scripts' digits.
_FORM = re.compile(r"(?P<year>[0-9]{4})(?:-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?)?")
_SET = re.compile(r"\{(?P<items>[^{}]*)\}(?P<mark>\??)")
_UNKNOWN = "XXXX"


def parse(text: str) -> FuzzyDate:
    """See ``FuzzyDate.parse_edtf``."""
    if not isinstance(text, str):
        raise FuzzyDateError(f"EDTF date must be a str, got {text!r}")
    s = text.strip()
    if not s:
        raise FuzzyDateError(f"empty EDTF date {text!r}")
    if "~" in s or "%" in s:
        raise FuzzyDateError(
            f"only '?' (provisional) is supported, not '~' or '%', in EDTF date {text!r}"
        )
    if s.startswith("{"):
        return _parse_set(s, text)
    if "/" in s:
        return _parse_range(s, text)
    body, provisional = _split_mark(s)
    if body == _UNKNOWN:
        if provisional:
            raise FuzzyDateError(f"an unknown date cannot be provisional: {text!r}")
        return FuzzyDate.unknown()
    match = _match(body, text)
    year = _year(match, text)
    if match["day"] is not None:
        return FuzzyDate.day(_day(match, year, text), provisional=provisional)
    if match["month"] is None:
        return FuzzyDate.year(year, provisional=provisional)
    code = int(match["month"])
    if 1 <= code <= 12:
        return FuzzyDate.month(year, code, provisional=provisional)
    if 33 <= code <= 36:
        return FuzzyDate.quarter(year, code - 32, provisional=provisional)
    if 40 <= code <= 41:
        return FuzzyDate.semester(year, code - 39, provisional=provisional)
    raise FuzzyDateError(
        f"month code {match['month']!r} in {text!r} is not a month (01-12), "
        "quarter (33-36) or semester (40-41)"
    )


def _split_mark(s: str) -> tuple[str, bool]:
    if s.endswith("?"):
        return s[:-1], True
    return s, False


def _match(body: str, text: str) -> re.Match[str]:
    match = _FORM.fullmatch(body)
    if match is None:
        raise FuzzyDateError(
            f"not an EDTF date (expected e.g. 2020-03-24, 2020-03, 2020-33, 2020-40, 2020, XXXX,"
            f" a range a/b or a set {{a,b}}): {text!r}"
        )
    return match


def _year(match: re.Match[str], text: str) -> int:
    year = int(match["year"])
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise FuzzyDateError(f"year {match['year']!r} in {text!r} is outside 1000..9999")
    return year


def _day(match: re.Match[str], year: int, text: str) -> date:
    try:
        return date(year, int(match["month"]), int(match["day"]))
    except ValueError as exc:
        raise FuzzyDateError(f"invalid calendar date {match[0]!r} in {text!r}: {exc}") from None


def _parse_set(s: str, text: str) -> FuzzyDate:
    found = _SET.fullmatch(s)
    if found is None:
        raise FuzzyDateError(f"malformed set of days (expected {{a,b,...}}): {text!r}")
    if not found["items"].strip():
        raise FuzzyDateError(f"a set of days needs at least one day: {text!r}")
    days = []
    for item in found["items"].split(","):
        match = _match(item.strip(), text)
        if match["day"] is None:
            raise FuzzyDateError(f"a set may only list whole days, got {item!r} in {text!r}")
        days.append(_day(match, _year(match, text), text))
    return FuzzyDate.days(days, provisional=found["mark"] == "?")


def _parse_range(s: str, text: str) -> FuzzyDate:
    parts = s.split("/")
    if len(parts) != 2:
        raise FuzzyDateError(f"a range has exactly one '/': {text!r}")
    if any(part.strip("?") in ("", "..", _UNKNOWN) for part in parts):
        raise FuzzyDateError(f"open or unknown range ends are not supported: {text!r}")
    (start_body, start_mark), (end_body, end_mark) = (_split_mark(part) for part in parts)
    start, start_unit = _endpoint(start_body, text)
    end, end_unit = _endpoint(end_body, text)
    if start_unit is not end_unit:
        raise FuzzyDateError(
            f"range endpoints must both be days, months or years, got a {start_unit.value}"
            f" and a {end_unit.value}: {text!r}"
        )
    if end < start:
        raise FuzzyDateError(f"range ends before it starts: {text!r}")
    try:
        return FuzzyDate.range(start, end, unit=start_unit, provisional=start_mark or end_mark)
    except FuzzyDateError as exc:
        raise FuzzyDateError(f"invalid range {text!r}: {exc}") from None


def _endpoint(body: str, text: str) -> tuple[date, Precision]:
    """The first day of a range endpoint and its unit."""
    match = _match(body, text)
    year = _year(match, text)
    if match["day"] is not None:
        return _day(match, year, text), Precision.DAY
    if match["month"] is None:
        return date(year, 1, 1), Precision.YEAR
    month = int(match["month"])
    if not 1 <= month <= 12:
        raise FuzzyDateError(
            f"range endpoints must be days, months (01-12) or years, got {body!r} in {text!r}"
        )
    return date(year, month, 1), Precision.MONTH

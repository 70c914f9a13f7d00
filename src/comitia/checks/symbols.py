"""What the checks add to :mod:`comitia.symbols`: the year and session a symbol carries.

``comitia.symbols.parse_symbol`` says whether text has the shape of a symbol. A symbol of the
right shape can still be wrong: every symbol of the Organization ends with its year
(``CP/CSH-1933/19``) or, for resolutions of the General Assembly, its session and year
(``AG/RES. 2945 (XLIX-O/19)``, the 49th regular session, held in 2019).
"""

from __future__ import annotations

import re

from comitia.symbols import SymbolError, parse_symbol

_SESSION = re.compile(r"\((?P<session>[IVXLC]+)-(?P<kind>[OE])/(?P<year>\d{2})\)")
_YEAR = re.compile(r"/(?P<year>\d{2}|\d{4})(?=$|\s)")
_ROMAN = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}

# The Organization of American States was founded in 1948; its General Assembly held its
# first regular session in 1971, so regular session N met in 1970 + N.
FIRST_YEAR = 1948
FIRST_REGULAR_SESSION_YEAR = 1970


def roman(value: str) -> int | None:
    """The value of a Roman numeral, or None if it is not a well-formed one."""
    if not value or not _ROMAN.match(value):
        return None
    total = 0
    for current, following in zip(value, [*value[1:], ""], strict=True):
        amount = _ROMAN_VALUES[current]
        total += -amount if following and _ROMAN_VALUES[following] > amount else amount
    return total


def full_year(digits: str, latest: int) -> int:
    """The year that a two- (or four-) digit year stands for, at most ``latest`` if it can."""
    if len(digits) == 4:
        return int(digits)
    year = 2000 + int(digits)
    return year if year <= latest else year - 100


def symbol_problem(symbol: str, *, latest_year: int) -> str | None:
    """None for a well-formed symbol, else why not: ``format``, ``year`` or ``session``.

    ``latest_year`` is the last year a symbol can carry (the year after the plan's term);
    a two-digit year is read as the latest year it can stand for.
    """
    try:
        parsed = parse_symbol(symbol)
    except SymbolError:
        return "format"
    text = parsed.original
    if (match := _SESSION.search(text)) is not None:
        session = roman(match["session"])
        year = full_year(match["year"], latest_year)
        if session is None:
            return "format"
        if year < FIRST_YEAR:
            return "year"
        regular_assembly = text.startswith("AG/") and match["kind"] == "O"
        if regular_assembly and session != year - FIRST_REGULAR_SESSION_YEAR:
            return "session"
        return None
    if (match := _YEAR.search(text)) is None:
        return "format"  # every symbol of the Organization carries its year
    year = full_year(match["year"], latest_year)
    if not FIRST_YEAR <= year <= latest_year:
        return "year"
    return None

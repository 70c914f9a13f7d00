"""Document symbols of the OAS: find them in text, normalize them for comparison, keep the original.

Shapes seen (design glossary): ``AG/RES. 2945 (XLIX-O/19)`` (resolution 2945 of the 49th regular
session, 2019), ``AG/RES. 1 (LIII-E/18) rev. 1``, ``CP/RES. 1061/16``, ``CP/CSH-1933/19 rev. 2``,
``CP/CSH/INF. 499/19 rev. 1``, ``CP/doc.5545/19 rev. 1``, ``AG/doc.5667/19 rev. 1``,
``GT/VE-3/15 rev. 1``. Real documents vary the spacing ("CP/CSH-1933/19  rev. 1",
"CP/CSH/INF.506/20") and sometimes the hyphen ("CP/CSH 1870/18"): ``normalize`` maps these
variants to one key, while ``Symbol.original`` keeps the text as printed for display.

Contract: ``parse_symbol`` returns a ``Symbol`` or raises ``SymbolError`` (a ``ValueError``);
``find_symbols`` never raises and returns the symbols in the order they appear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SPACE = r"[ \u00a0\u202f]?"
# Organ, then one or more /segments (RES., CSH, INF., doc.), then the number, then the session
# "(XLIX-O/19)" or the year "/19", then revisions and corrigenda.
SYMBOL_PATTERN = re.compile(
    r"(?<![\w/])"
    r"(?P<path>[A-Z]{2,8}(?:/[A-Za-z]{2,8}\.?)+)"
    r"(?P<number>(?:" + _SPACE + r"|-)\d{1,5}(?:-\d{1,5})?)"
    r"(?P<session>" + _SPACE + r"\([IVXLC]+-[OE]/\d{2}\)|/\d{2,4})?"
    r"(?P<rev>(?:[ \u00a0\u202f]+(?:rev|corr|add)\.[ \u00a0\u202f]*\d{1,2})*)",
)


class SymbolError(ValueError):
    """Text that is not a document symbol."""


@dataclass(frozen=True)
class Symbol:
    """A document symbol: as printed (``original``) and as compared (``key``)."""

    original: str
    key: str

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Symbol):
            return NotImplemented
        return self.key == other.key

    def __hash__(self) -> int:
        return hash(self.key)

    def __str__(self) -> str:
        return self.original


def normalize(text: str) -> str:
    """The comparison key of a symbol: upper case, no spaces, no hyphen before the number.

    ``normalize("CP/CSH-1933/19  rev. 1") == normalize("CP/CSH 1933/19 Rev.1")``.
    """
    key = re.sub(r"\s+", "", text.replace("\u00a0", " ")).upper()
    return re.sub(r"(?<=[A-Z.])-(?=\d)", "", key)


def display(text: str) -> str:
    """The symbol as printed, with runs of spaces made one ordinary space."""
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def parse_symbol(text: str) -> Symbol:
    """The symbol that is the whole of ``text`` (surrounding spaces ignored)."""
    stripped = text.strip()
    match = SYMBOL_PATTERN.fullmatch(stripped)
    if match is None:
        raise SymbolError(f"{text!r} is not a document symbol")
    return Symbol(display(stripped), normalize(stripped))


def find_symbols(text: str) -> list[Symbol]:
    """Every symbol in ``text``, in order of appearance."""
    return [
        Symbol(display(m.group(0)), normalize(m.group(0))) for m in SYMBOL_PATTERN.finditer(text)
    ]


@dataclass(frozen=True)
class Session:
    """A session of the General Assembly named in a symbol: "(XLIX-O/19)" is the 49th regular
    session, of 2019; "(LIII-E/18)" the 53rd special session, of 2018."""

    number: int
    special: bool
    year: int


_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_SESSION = re.compile(r"\((?P<roman>[IVXLC]+)-(?P<kind>[OE])/(?P<year>\d{2})\)")


def _roman(numeral: str) -> int:
    total = 0
    for letter, following in zip(numeral, numeral[1:] + " ", strict=True):
        value = _ROMAN_VALUES[letter]
        total += -value if _ROMAN_VALUES.get(following, 0) > value else value
    return total


def session_of(symbol: Symbol) -> Session | None:
    """The session a symbol names ("(XLIX-O/19)"), else ``None``. The two-digit year is of
    the Organization's sessions, held since 1971: 71 to 99 are 1971 to 1999."""
    match = _SESSION.search(symbol.key)
    if match is None:
        return None
    year = int(match["year"])
    return Session(
        number=_roman(match["roman"]),
        special=match["kind"] == "E",
        year=year + (1900 if year >= 71 else 2000),
    )


def resolution_number(symbol: Symbol) -> str | None:
    """The number of a resolution ("2945" for AG/RES. 2945 (XLIX-O/19)), else ``None``."""
    match = re.match(r"^[A-Z]+/RES\.?(\d+)", symbol.key)
    return match[1] if match else None


__all__ = [
    "SYMBOL_PATTERN",
    "Session",
    "Symbol",
    "SymbolError",
    "display",
    "find_symbols",
    "normalize",
    "parse_symbol",
    "resolution_number",
    "session_of",
]

"""Text folded for reading dates, with the way back to offsets in the original text.

Folding drops accents (so that "mediodía" and "mediodia", "à" and "a" read alike), writes every
dash as "-", every no-break space as a space and curly apostrophes as "'", and keeps the case
(English month names and time-zone abbreviations need it). Each character of the original
text gives one character of the folded text, except combining marks, which are dropped: text
in decomposed Unicode (NFD, "e" followed by U+0301) folds to the same text as its composed
form, and ``Folded.span`` maps offsets found in the folded text back to the original, the
combining marks after a span's last letter included.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_SPECIAL = {
    "\u00a0": " ",  # no-break space
    "\u202f": " ",  # narrow no-break space (French before ":" and in "10 h 00")
    "\u2009": " ",  # thin space
    "\u2019": "'",
    "\u2018": "'",
    "\u02bc": "'",
    **dict.fromkeys("‐‑‒–—−", "-"),
}


class _Table(dict[int, str]):
    """``str.translate`` table computed as characters are met: each maps to one character."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        mapped = _SPECIAL.get(char)
        if mapped is None:
            decomposed = unicodedata.normalize("NFD", char)
            mapped = "".join(c for c in decomposed if not unicodedata.combining(c))
            if len(mapped) != 1:
                mapped = char
        self[code] = mapped
        return mapped


_TABLE = _Table()
# Combining marks (the blocks that Latin-script text in NFD uses).
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


@dataclass(frozen=True)
class Folded:
    """``text`` folded from ``original``; ``origin[i]`` is where folded character i came from
    (``None`` when every character stayed in place)."""

    original: str
    text: str
    origin: tuple[int, ...] | None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The offsets in the original text of the folded text's ``[start, end)``."""
        if self.origin is None:
            return start, end
        if start >= end:
            point = self.origin[start] if start < len(self.origin) else len(self.original)
            return point, point
        first = self.origin[start]
        last = self.origin[end - 1] + 1
        while last < len(self.original) and unicodedata.combining(self.original[last]):
            last += 1
        return first, last


def fold(text: str) -> Folded:
    """``text`` folded (see the module's docstring), never failing on a string."""
    if _COMBINING.search(text) is None:
        return Folded(text, text.translate(_TABLE), None)
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        if unicodedata.combining(char):
            continue
        chars.append(_TABLE[ord(char)])
        origin.append(index)
    return Folded(text, "".join(chars), tuple(origin))


def unaccent(word: str) -> str:
    """``word`` folded: no accents, one dash, one apostrophe."""
    return fold(word).text


__all__ = ["Folded", "fold", "unaccent"]

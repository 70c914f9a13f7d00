"""Comparing texts written by people: normalised words and how much two titles share."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from comitia.plan import Text

# Short function words of the four languages; they say nothing about what an event is.
_STOPWORDS = frozenset((
    "a", "al", "and", "as", "at", "au", "aux", "by", "da", "das", "de", "del", "des", "do",
    "dos", "du", "e", "el", "en", "et", "for", "in", "la", "las", "le", "les", "los", "na",
    "nas", "no", "nos", "o", "of", "on", "os", "ou", "para", "par", "por", "pour", "sur", "the",
    "to", "un", "una", "une", "y",
))  # fmt: skip
_WORD = re.compile(r"[a-z0-9]+")


def normalise(value: str) -> str:
    """Lower case, without accents, typographic quotes or runs of spaces."""
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_WORD.findall(plain))


def words(value: str | Text) -> frozenset[str]:
    """The meaningful words of a text (of every language it is written in)."""
    texts: Iterable[str] = value.root.values() if isinstance(value, Text) else (value,)
    found: set[str] = set()
    for text in texts:
        found.update(w for w in normalise(text).split() if w not in _STOPWORDS and len(w) > 1)
    return frozenset(found)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """How much the shorter of two word sets is contained in the other, from 0 to 1.

    A summary shortens the calendar's titles ("Séminaire sur la cyberdéfense et la sécurité"
    for "Séminaire sur la cyberdéfense et la sécurité (CID)"), so containment, not equality,
    says that two titles name the same event.
    """
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


SAME_EVENT = 0.75

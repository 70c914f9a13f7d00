"""The word-level difference between two texts: what a reader sees as struck out and inserted.

``diff_words(old, new)`` cuts both texts into words with the spaces and punctuation that follow
them, aligns the two sequences (``difflib``, without its heuristic that drops frequent words) and
returns the pieces of text in reading order, each kept, deleted or inserted. Joining the kept and
deleted pieces gives ``old`` back; joining the kept and inserted ones gives ``new``: nothing is
lost or normalized, so a comparison prints the texts exactly as they are.

Plain Python: the document renderers print the pieces (Word's tracked changes, marked HTML) and
the web shows a delegation's amendment with them.
"""

from __future__ import annotations

import difflib
import enum
import re
from dataclasses import dataclass

# A word (letters, digits, and the apostrophes and hyphens inside words) or a run of
# punctuation, each with the spaces that follow it; spaces at the start stand alone. A word's
# punctuation is a token of its own, so "2021." becoming "2021:" changes the colon only.
_TOKEN = re.compile(r"[\w’'-]+\s*|[^\w\s’'-]+\s*|\s+")


class PieceKind(enum.StrEnum):
    KEPT = "kept"
    DELETED = "deleted"
    INSERTED = "inserted"


@dataclass(frozen=True)
class Piece:
    kind: PieceKind
    text: str


def tokens(text: str) -> list[str]:
    """``text`` cut into words and punctuation, each with the spaces after it; joined, they
    give ``text``."""
    return _TOKEN.findall(text)


def diff_words(old: str, new: str) -> list[Piece]:
    """The pieces that turn ``old`` into ``new``, deletions before insertions at each change.

    Adjacent pieces of one kind are merged, so a changed phrase is one deletion and one
    insertion, not one per word.
    """
    before, after = tokens(old), tokens(new)
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    pieces: list[Piece] = []

    def add(kind: PieceKind, words: list[str]) -> None:
        text = "".join(words)
        if not text:
            return
        if pieces and pieces[-1].kind is kind:
            pieces[-1] = Piece(kind, pieces[-1].text + text)
        else:
            pieces.append(Piece(kind, text))

    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            add(PieceKind.KEPT, before[i1:i2])
            continue
        add(PieceKind.DELETED, before[i1:i2])
        add(PieceKind.INSERTED, after[j1:j2])
    return pieces


def old_text(pieces: list[Piece]) -> str:
    """The text before the change: the kept and deleted pieces."""
    return "".join(p.text for p in pieces if p.kind is not PieceKind.INSERTED)


def new_text(pieces: list[Piece]) -> str:
    """The text after the change: the kept and inserted pieces."""
    return "".join(p.text for p in pieces if p.kind is not PieceKind.DELETED)

"""What changed between two revisions of a draft resolution, paragraph by paragraph.

Paragraphs are paired by kind and number, in the newer revision's order; a paragraph of the
older one only is listed where it stood (after the paragraph it followed there, else first).
Each pair says whether the paragraph was added, removed, changed or left as it was, its status
before and after, and the word-level difference of its text in one language
(``comitia.revisions.words``), sub-paragraphs by letter.

Pending passages (``[[…]]`` in the data) are shown as printed, between single square brackets
and marked pending (``marked``): a reader never sees the data's markup, and brackets added or
taken away show as inserted or deleted brackets.

Plain Python: the web's comparison page prints these lines, the DOCX of a revision prints the
same texts as Word tracked changes (``comitia.render.document.resolution``).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass

from comitia.plan.fields import Text
from comitia.plan.resolutions import CLOSE, OPEN, Paragraph, Resolution
from comitia.revisions.words import Piece, PieceKind, diff_words

# What a pending passage is printed between (as in the documents).
OPEN_BRACKET, CLOSE_BRACKET = "[", "]"
_MARK = re.compile(r"(\[\[|\]\])")


@dataclass(frozen=True)
class MarkedPiece:
    """A piece of a difference as a reader sees it: ``pending`` for a passage in brackets (or
    one of its brackets)."""

    kind: PieceKind
    text: str
    pending: bool


def marked(pieces: Sequence[Piece]) -> list[MarkedPiece]:
    """``pieces`` (of texts holding ``[[…]]`` marks) with the marks printed as single brackets
    and the passages between them flagged pending.

    The older and the newer text each have their own state: a deleted mark opens or closes a
    passage of the older text only, an inserted one of the newer only, a kept one of both; a
    kept or inserted piece is pending as the newer text has it, a deleted one as the older.
    Marks that do not pair up (an amendment's own text is free) print as brackets all the same.
    """
    old_pending = new_pending = False
    out: list[MarkedPiece] = []
    for piece in pieces:
        for part in _MARK.split(piece.text):
            if not part:
                continue
            if part in (OPEN, CLOSE):
                opens = part == OPEN
                if piece.kind is not PieceKind.INSERTED:
                    old_pending = opens
                if piece.kind is not PieceKind.DELETED:
                    new_pending = opens
                part, pending = OPEN_BRACKET if opens else CLOSE_BRACKET, True
            else:
                pending = old_pending if piece.kind is PieceKind.DELETED else new_pending
            if out and out[-1].kind is piece.kind and out[-1].pending == pending:
                out[-1] = MarkedPiece(piece.kind, out[-1].text + part, pending)
            else:
                out.append(MarkedPiece(piece.kind, part, pending))
    return out


def _boundary(before: str, after: str) -> bool:
    """Whether a cut between ``before`` and ``after`` falls between words, not inside one."""
    return not (before[-1:].isalnum() and after[:1].isalnum())


def _common_ends(old: str, new: str) -> tuple[str, str, str, str]:
    """``old`` and ``new`` as (prefix, old's middle, new's middle, suffix): the longest common
    beginning and end that are cut between words."""
    k = 0
    while k < min(len(old), len(new)) and old[k] == new[k]:
        k += 1
    while k and not (_boundary(old[:k], old[k:]) and _boundary(new[:k], new[k:])):
        k -= 1
    prefix, old, new = old[:k], old[k:], new[k:]
    j = 0
    while j < min(len(old), len(new)) and old[-1 - j] == new[-1 - j]:
        j += 1
    while j and not (_boundary(old[:-j], old[-j:]) and _boundary(new[:-j], new[-j:])):
        j -= 1
    suffix = old[len(old) - j :] if j else ""
    return prefix, old[: len(old) - j], new[: len(new) - j], suffix


def tidy(pieces: Sequence[Piece]) -> list[Piece]:
    """``pieces`` with what a deletion and the insertion after it share at their ends kept:
    words carry the spaces after them, so "report." becoming "report annually." is "report"
    kept and " annually" inserted, not the whole word deleted and inserted again."""
    out: list[Piece] = []
    items = list(pieces)
    i = 0
    while i < len(items):
        piece = items[i]
        following = items[i + 1] if i + 1 < len(items) else None
        if piece.kind is PieceKind.DELETED and following and following.kind is PieceKind.INSERTED:
            prefix, old, new, suffix = _common_ends(piece.text, following.text)
            for kind, text in (
                (PieceKind.KEPT, prefix),
                (PieceKind.DELETED, old),
                (PieceKind.INSERTED, new),
                (PieceKind.KEPT, suffix),
            ):
                if not text:
                    continue
                if out and out[-1].kind is kind:
                    out[-1] = Piece(kind, out[-1].text + text)
                else:
                    out.append(Piece(kind, text))
            i += 2
            continue
        if out and out[-1].kind is piece.kind:
            out[-1] = Piece(piece.kind, out[-1].text + piece.text)
        else:
            out.append(piece)
        i += 1
    return out


def marked_diff(old: str, new: str) -> list[MarkedPiece]:
    """The word-level difference of two texts holding ``[[…]]`` marks, as a reader sees it
    (``tidy``, then ``marked``)."""
    if old == new:
        return marked([Piece(PieceKind.KEPT, new)]) if new else []
    return marked(tidy(diff_words(old, new)))


class ParagraphChange(enum.StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class SubparagraphLine:
    letter: str
    change: ParagraphChange
    pieces: list[MarkedPiece]
    fallback: str | None = None


@dataclass(frozen=True)
class ComparedParagraph:
    """One paragraph of the comparison. ``pieces`` is its text's difference in the language
    asked (the whole text inserted for an added paragraph, deleted for a removed one);
    ``fallback`` the original language a text was taken in when it has none in that one."""

    kind: str
    number: str
    section: str | None
    change: ParagraphChange
    old_status: str | None
    new_status: str | None
    pieces: list[MarkedPiece]
    subparagraphs: list[SubparagraphLine]
    fallback: str | None
    # The languages (codes, sorted) whose words of the paragraph changed, its text's or a
    # sub-paragraph's (a translation added is no change): a change in another language than
    # the one shown means the translation shown may be outdated.
    changed_in: tuple[str, ...] = ()

    @property
    def outdated_here(self) -> bool:
        """Whether the text changed in other languages but not in the one shown."""
        return (
            bool(self.changed_in)
            and not any(piece.kind is not PieceKind.KEPT for piece in self.pieces)
            and all(s.change is ParagraphChange.UNCHANGED for s in self.subparagraphs)
        )

    @property
    def status_changed(self) -> bool:
        return self.change is ParagraphChange.CHANGED and self.old_status != self.new_status


def _text(value: Text | None, lang: str) -> tuple[str, str | None]:
    if value is None:
        return "", None
    text, fallback = value.get(lang)
    return text, value.original.value if fallback else None


def pair_paragraphs(
    old: Sequence[Paragraph], new: Sequence[Paragraph]
) -> list[tuple[Paragraph | None, Paragraph | None]]:
    """The paragraphs of two revisions paired by kind and number, in the newer one's order,
    a paragraph of the older one only after the paragraph it followed there (or first)."""

    def key(p: Paragraph) -> tuple[str, str]:
        return (p.kind.value, p.number)

    kept = {key(p) for p in new}
    older = {key(p): p for p in old}
    gone_after: dict[tuple[str, str] | None, list[Paragraph]] = {}
    previous: tuple[str, str] | None = None
    for p in old:
        if key(p) in kept:
            previous = key(p)
        else:
            gone_after.setdefault(previous, []).append(p)
    pairs: list[tuple[Paragraph | None, Paragraph | None]] = [
        (gone, None) for gone in gone_after.pop(None, [])
    ]
    for p in new:
        pairs.append((older.get(key(p)), p))
        pairs.extend((gone, None) for gone in gone_after.pop(key(p), []))
    return pairs


def _whole(text: str, kind: PieceKind) -> list[MarkedPiece]:
    return marked([Piece(kind, text)]) if text else []


def _subparagraphs(
    old: Paragraph | None, new: Paragraph | None, lang: str
) -> list[SubparagraphLine]:
    before = {s.letter: _text(s.text, lang) for s in (old.subparagraphs if old else [])}
    after = [(s.letter, *_text(s.text, lang)) for s in (new.subparagraphs if new else [])]
    lines = []
    for letter, text, fallback in after:
        if letter not in before:
            pieces = _whole(text, PieceKind.INSERTED)
            lines.append(SubparagraphLine(letter, ParagraphChange.ADDED, pieces, fallback))
            continue
        old_text = before[letter][0]
        change = ParagraphChange.UNCHANGED if old_text == text else ParagraphChange.CHANGED
        lines.append(SubparagraphLine(letter, change, marked_diff(old_text, text), fallback))
    letters = {letter for letter, _, _ in after}
    for letter, (text, fallback) in before.items():
        if letter not in letters:
            pieces = _whole(text, PieceKind.DELETED)
            lines.append(SubparagraphLine(letter, ParagraphChange.REMOVED, pieces, fallback))
    return lines


def _changed_languages(old: Paragraph, new: Paragraph) -> tuple[str, ...]:
    def texts(p: Paragraph) -> list[Text | None]:
        return [p.text, *(s.text for s in p.subparagraphs)]

    languages: list[str] = []
    before, after = texts(old), texts(new)
    if len(before) != len(after):
        return ()  # sub-paragraphs added or removed: shown in every language
    for a, b in zip(before, after, strict=True):
        for lang in {*(a.root if a else {}), *(b.root if b else {})}:
            one = a.root.get(lang) if a else None
            two = b.root.get(lang) if b else None
            if one is not None and two is not None and one != two and lang.value not in languages:
                languages.append(lang.value)
    return tuple(sorted(languages))


def compare_resolutions(old: Resolution, new: Resolution, lang: str) -> list[ComparedParagraph]:
    """Every paragraph of ``new`` and of ``old``, paired, with what changed, in ``lang``."""
    lines = []
    for before, after in pair_paragraphs(old.paragraphs, new.paragraphs):
        either = after or before
        assert either is not None
        old_text, old_fallback = _text(before.text if before else None, lang)
        new_text, new_fallback = _text(after.text if after else None, lang)
        subs = _subparagraphs(before, after, lang)
        changed_in = _changed_languages(before, after) if before is not None and after else ()
        if before is None:
            change, pieces = ParagraphChange.ADDED, _whole(new_text, PieceKind.INSERTED)
        elif after is None:
            change, pieces = ParagraphChange.REMOVED, _whole(old_text, PieceKind.DELETED)
        else:
            same = (
                old_text == new_text
                and before.status == after.status
                and all(s.change is ParagraphChange.UNCHANGED for s in subs)
                and not changed_in
            )
            change = ParagraphChange.UNCHANGED if same else ParagraphChange.CHANGED
            pieces = marked_diff(old_text, new_text)
        lines.append(
            ComparedParagraph(
                kind=either.kind.value,
                number=either.number,
                section=either.section,
                change=change,
                old_status=before.status.value if before and before.status else None,
                new_status=after.status.value if after and after.status else None,
                pieces=pieces,
                subparagraphs=subs,
                fallback=new_fallback or old_fallback,
                changed_in=changed_in,
            )
        )
    return lines

"""Read a document into numbered lines, with its footnotes taken apart.

A text export (UTF-8, as Word writes it) is read as is. A DOCX is read by ``comitia.importer.docx``
into the same shape: one line per paragraph, table cells joined by tabs, list paragraphs marked
with a bullet, footnotes written inline as a text export writes them
(``[footnoteRef:N] [N: text]``). Everything after this module sees lines only, and the
document's ``Origin``: whether Comitia wrote it, and in which language.

``read_lines`` raises ``UnreadableDocument`` with a one-line message for anything it cannot read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024


class UnreadableDocument(Exception):
    """The input is not a document the importer can read (binary, empty, bad encoding, ...)."""


@dataclass(frozen=True)
class Footnote:
    number: int
    text: str


@dataclass(frozen=True)
class Origin:
    """What a document says about itself: whether Comitia wrote it, and its language."""

    by_comitia: bool = False
    lang: str | None = None
    # The language of content printed untranslated, when it is not ``lang``.
    content_lang: str | None = None
    # A DOCX's tables: rows of cells (``comitia.importer.docx.TableCell``), by line numbers.
    tables: tuple[Any, ...] = ()


@dataclass
class Line:
    """One line of the document: ``text`` is cleaned (no footnotes, one space between words)."""

    number: int
    raw: str
    text: str
    footnotes: list[Footnote] = field(default_factory=list)
    bullet: bool = False
    numbered: bool = False
    # The list level when the source says it (a DOCX list paragraph): 0, 1, 2.
    level: int | None = None
    # The agenda node's kind when the source says it (a DOCX that Comitia wrote): "area",
    # "topic" or "item"; ``level`` is then the node's depth in the agenda tree.
    agenda: str | None = None

    @property
    def blank(self) -> bool:
        return not self.text


_FOOTNOTE_REF = re.compile(r"\s*\[footnoteRef:(\d+)\]\s*/?")
_FOOTNOTE_BODY = re.compile(r"\s*\[(\d+):(.*?)\]")
_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
_BULLET = re.compile(r"^[·•▪◦●]\s*")
# The DOCX reader marks list paragraphs whose level it knows: "[list:1] ...".
_LIST_LEVEL = re.compile(r"^\[list:(\d)\]\s*")
# ... and the agenda paragraphs of a DOCX that Comitia wrote: "[agenda:topic:1] ...".
_AGENDA = re.compile(r"^\[agenda:(area|topic|item)(?::(\d))?\]\s*")
# "1. ", "IV.\t", "a) ", and outline numbers "4.1 " or "4.1. ".
_NUMBERED = re.compile(
    r"^(?:\d{1,2}\.\d{1,2}(?:\.\d{1,2})*\.?|\d{1,2}[.)]|[IVX]{1,4}[.)]|[a-z][.)])\s+(?=\S)"
)
_PAGE_NUMBER = re.compile(r"^-\s*\d{1,3}\s*-$")
# A time written with a dot at the start of a line ("15.00 a 18.00 horas") is no outline number.
_TIME_FIRST = re.compile(
    r"^\d{1,2}\.\d{2}\s*(?:a|à|al|às|as|to|-|–|—|h|hrs?|horas|heures|[ap]\.?m\.?)(?!\w)",
    re.IGNORECASE,
)


def clean(text: str) -> str:
    """One ordinary space between words, none at either end."""
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def make_line(number: int, raw: str) -> Line:
    text = _BOOKMARK.sub("", raw)
    footnotes: list[Footnote] = []
    for match in _FOOTNOTE_BODY.finditer(text):
        body = clean(match[2])
        body = re.sub(r"^[.\s]+", "", body)
        footnotes.append(Footnote(int(match[1]), body))
    text = _FOOTNOTE_BODY.sub("", text)
    text = _FOOTNOTE_REF.sub("", text)
    text = clean(text)
    bullet = numbered = False
    if _PAGE_NUMBER.match(text):
        return Line(number, raw, text, footnotes)
    level: int | None = None
    if (agenda := _AGENDA.match(text)) is not None:
        text = text[agenda.end() :]
        if agenda[1] == "area":
            return Line(number, raw, text, footnotes, agenda="area")
        return Line(number, raw, text, footnotes, True, False, int(agenda[2]), agenda[1])
    if (marked := _LIST_LEVEL.match(text)) is not None:
        text, bullet, level = text[marked.end() :], True, int(marked[1])
    elif _BULLET.match(text):
        text, bullet = _BULLET.sub("", text), True
    elif _NUMBERED.match(text) and not _TIME_FIRST.match(text):
        text, numbered = _NUMBERED.sub("", text), True
    return Line(number, raw, text, footnotes, bullet, numbered, level)


_NOTE_START = re.compile(r"\[(\d+):")
_REFERENCE = re.compile(r"\[footnoteRef:\d+\] ?")


def split_footnotes(raw: str) -> tuple[str, list[Footnote]]:
    """A raw line's text without its footnotes, and the footnotes, whose texts may hold square
    brackets of their own (a draft's pending passages): each note ends at the "]" that closes
    its "[N:", not at the first one."""
    text, notes, start = [], [], 0
    for match in _NOTE_START.finditer(raw):
        if match.start() < start:
            continue
        depth, end = 1, match.end()
        while end < len(raw) and depth:
            depth += {"[": 1, "]": -1}.get(raw[end], 0)
            end += 1
        if depth:
            break  # not closed: not a note
        text.append(raw[start : match.start()])
        body = re.sub(r"^[.\s]+", "", clean(raw[match.end() : end - 1]))
        notes.append(Footnote(int(match[1]), body))
        start = end
    text.append(raw[start:])
    # The reference goes with the space written after it, before its note: the text around
    # it keeps its own spaces ("word[footnoteRef:1] [1: …] next" is "word next").
    return _REFERENCE.sub("", "".join(text)), notes


def numbered_text(line: Line) -> str:
    """The line's text as the document prints it, its numbering kept ("3 bis. Encourage …",
    "(a) with …"): without footnotes, bookmarks and the list marks of a DOCX, cleaned."""
    text = clean(split_footnotes(_BOOKMARK.sub("", line.raw))[0])
    for mark in (_AGENDA, _LIST_LEVEL, _BULLET):
        text = mark.sub("", text, count=1)
    return text


def is_page_number(line: Line) -> bool:
    return bool(_PAGE_NUMBER.match(line.text))


def lines_from_text(text: str) -> list[Line]:
    return [make_line(n, raw) for n, raw in enumerate(text.splitlines(), start=1)]


def read_lines(path: Path) -> list[Line]:
    """The lines of the text export or DOCX at ``path``."""
    return read_source(path)[0]


def read_source(path: Path) -> tuple[list[Line], Origin]:
    """The lines of the text export or DOCX at ``path``, and what the document says of itself."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise UnreadableDocument(f"cannot read {path}: {error.strerror}") from None
    if size == 0:
        raise UnreadableDocument(f"{path} is empty")
    if size > MAX_DOCUMENT_BYTES:
        raise UnreadableDocument(
            f"{path} is {size} bytes; documents over {MAX_DOCUMENT_BYTES} bytes are refused"
        )
    data = path.read_bytes()
    if data[:4] == b"PK\x03\x04" or path.suffix.lower() == ".docx":
        from comitia.importer.docx import read_docx

        content = read_docx(data, str(path))
        origin = Origin(content.by_comitia, content.lang, content.content_lang, content.tables)
        return lines_from_text(content.text), origin
    return lines_from_text(decode_text(data, str(path))), Origin()


def decode_text(data: bytes, name: str) -> str:
    if b"\x00" in data:
        raise UnreadableDocument(f"{name} is a binary file, not a text export or a DOCX")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableDocument(
            f"{name} is not UTF-8 text (byte {error.start}); export it from Word as UTF-8"
        ) from None
    if not text.strip():
        raise UnreadableDocument(f"{name} holds no text")
    return text

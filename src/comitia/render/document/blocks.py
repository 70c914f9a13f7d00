"""The document as plain data: blocks of text that every output format knows how to print.

The builder (``comitia.render.document.build``) turns a plan into these blocks once; the DOCX and
HTML renderers only walk them, so the wording, the order and every derived figure are the same
in every format. Footnotes are inline spans; each renderer numbers them in reading order.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class ChangeMark(enum.StrEnum):
    """How a comparison of two texts marks a run: inserted, or deleted (shown struck out)."""

    INSERTED = "inserted"
    DELETED = "deleted"


@dataclass(frozen=True)
class Span:
    """A run of text. ``note`` makes it a footnote: ``text`` is then the note's text.

    ``lang`` is set when the text is printed in its original language because the document's
    language has no translation yet. ``change`` marks a run of a comparison as inserted or
    deleted: DOCX prints it as a Word tracked change, HTML and PDF as marked text.
    """

    text: str
    bold: bool = False
    italic: bool = False
    note: bool = False
    lang: str | None = None
    change: ChangeMark | None = None


Inline = tuple[Span, ...]


class ParagraphStyle(enum.StrEnum):
    BODY = "body"
    TITLE = "title"
    SUBTITLE = "subtitle"
    SYMBOL = "symbol"
    AREA = "area"  # a thematic area heading inside the calendar
    MEETING = "meeting"  # the date line of a meeting in the calendar
    SMALL = "small"
    # A short bold line that introduces what follows (a reminder's title above its requests, a
    # date above its activities): a sub-heading, kept on the page of what follows.
    LEAD = "lead"
    # Short lines of a compact list, separated by "\n" in the text: small type, no spacing.
    LINE = "line"
    # A numbered paragraph of a resolution: its number, a tab, its text (hanging indent).
    CLAUSE = "clause"
    # A sub-paragraph of a resolution's paragraph, "(a)", a tab, its text, indented further.
    SUBCLAUSE = "subclause"
    # What a resolution says of a paragraph besides its text: its lead delegations.
    CLAUSE_NOTE = "clause_note"


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    spans: Inline
    style: ParagraphStyle = ParagraphStyle.BODY


@dataclass(frozen=True)
class AgendaPlace:
    """Where a list item sits in a meeting's agenda tree, so a format can print it unambiguously.

    ``depth`` counts from the agenda's top: 0 for a topic or item outside any thematic area, 1
    for a child of an area, and so on. A list item's ``level`` is its indentation inside its
    list, which starts afresh under each area heading: an area's topics and a top-level item
    that follows the area share level 0 but not depth.
    """

    kind: str  # an AgendaKind value: "topic" or "item"
    depth: int


@dataclass(frozen=True)
class ListItem:
    spans: Inline
    level: int = 0
    agenda: AgendaPlace | None = None


@dataclass(frozen=True)
class ItemList:
    items: tuple[ListItem, ...]
    ordered: bool = False


Block = Heading | Paragraph | ItemList


class RowKind(enum.StrEnum):
    HEADER = "header"  # column headings
    GROUP = "group"  # a year or a month, across the columns
    ENTRY = "entry"


@dataclass(frozen=True)
class Row:
    kind: RowKind
    cells: tuple[tuple[Block, ...], ...]


class TableKind(enum.StrEnum):
    CALENDAR = "calendar"
    SUMMARY = "summary"
    UNTRANSLATED = "untranslated"  # the annex of texts awaiting translation
    BUDGET = "budget"  # periods, appropriations, estimated cost and balance


@dataclass(frozen=True)
class Table:
    kind: TableKind
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class PageBreak:
    pass


Element = Block | Table | PageBreak


@dataclass(frozen=True)
class Document:
    """A whole document in one language: its metadata and its elements in reading order."""

    lang: str
    title: str
    symbol: str | None
    elements: tuple[Element, ...]
    untranslated: tuple[tuple[str, str], ...] = field(default=())
    """(original language, text) of every content text printed untranslated, once each."""

"""Read a DOCX safely into the text-export shape that the importer's grammar reads.

A DOCX is untrusted input. Before anything is decompressed, the zip directory is checked: the
number of entries, the total uncompressed size and each entry's compression ratio are bounded,
so a zip bomb is refused without being expanded. Only ``word/document.xml``,
``word/footnotes.xml`` and ``docProps/core.xml`` are read, each within a size limit, and each is
parsed as it is decompressed, chunk by chunk, with defusedxml's refusals (DTDs, entity
declarations and external references: billion laughs, XXE; see ``comitia.importer.docx_xml``).
No tree is built: the reader keeps the text it writes out and a few counters, so memory grows
with the text kept, not with the XML, and every element is met once, whatever the nesting.

Paragraphs become lines; list paragraphs start with "· ", or with "[list:N] " when the DOCX
gives their level (headings of Heading styles are written in capitals, as Word's text export
shows them); the paragraphs of table cells follow each other, cell by cell, with a blank line
after each row; a footnote reference becomes ``[footnoteRef:N] [N: text]`` as in Word's text
export. A table in a cell is read in its place, once: its paragraphs, with a blank line after
each of its rows, then the rest of the cell (nested tables are flattened, at any depth). A
paragraph inside a paragraph (a text box) is part of the outer paragraph's text, once. Only
paragraphs and tables directly in the body are read (a content control around body paragraphs,
such as Word's table of contents, is skipped), and within a table only the paragraphs of cells.

A DOCX that Comitia wrote (``docProps/core.xml`` names Comitia as its creator) says more, and
is read for it: its language, the language of the content it printed untranslated (its runs
are marked with their language), and the place of every agenda node. Its thematic areas are
paragraphs in the "Comitia Area" style and its topics and items list paragraphs in the
"Comitia Agenda Topic" and "Comitia Agenda Item" styles, whose list level is their depth in
the agenda tree; they become "[agenda:area] ", "[agenda:topic:N] " and "[agenda:item:N] " marks
(see ``comitia.importer.source``), so the calendar reader places them without guessing. Other
documents never use those styles and keep being read by the grammar's heuristics.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO

from comitia.importer.docx_xml import parse
from comitia.importer.source import UnreadableDocument

MAX_ENTRIES = 2000
MAX_TOTAL_UNCOMPRESSED = 100 * 1024 * 1024
MAX_PART_BYTES = 50 * 1024 * 1024
MAX_RATIO = 100
# Footnote text that references may write into the document's text, in all: as much as the
# footnotes part may hold (each footnote is referenced once in a real document).
MAX_FOOTNOTE_CHARS = MAX_PART_BYTES
# Decompressed bytes handed to the parser at a time.
CHUNK_BYTES = 1 << 16

# Names as the parser gives them: "namespace}local" (see comitia.importer.docx_xml).
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DC = "http://purl.org/dc/elements/1.1/}"
_BODY, _P, _R, _T, _TBL, _TR, _TC = (W + n for n in ("body", "p", "r", "t", "tbl", "tr", "tc"))
_TAB, _BR, _CR, _FOOTNOTE_REFERENCE = (W + n for n in ("tab", "br", "cr", "footnoteReference"))
_PPR, _PSTYLE, _NUMPR, _ILVL, _LANG = (W + n for n in ("pPr", "pStyle", "numPr", "ilvl", "lang"))
_FOOTNOTE, _VAL, _ID, _TYPE = W + "footnote", W + "val", W + "id", W + "type"
_GRIDSPAN, _VMERGE = W + "gridSpan", W + "vMerge"
_CREATOR, _LANGUAGE = DC + "creator", DC + "language"
# The creator that Comitia's DOCX renderer writes in the document's properties.
COMITIA = "Comitia"
# Style ids (Word's ids: the style names without spaces) of Comitia's agenda paragraphs.
_AGENDA_STYLES = {"ComitiaAgendaTopic": "topic", "ComitiaAgendaItem": "item"}
_AREA_STYLE = "ComitiaArea"
_LEVELS = {str(n) for n in range(9)}
# A list paragraph's mark depends on whether any list of the body nests, known at its end: the
# paragraph is written with this mark and its level, replaced once the body is read. XML text
# cannot hold U+0000, so no text of the document can be mistaken for it.
_LIST_MARK = "\x00"
_LIST_MARKS = re.compile("\x00([0-8])")


@dataclass(frozen=True)
class DocxContent:
    """The text of a DOCX (see the module's docstring) and what its properties say."""

    text: str
    by_comitia: bool = False
    lang: str | None = None
    # The language most runs marked with a language are in: content that Comitia printed
    # untranslated, in the plan's original language.
    content_lang: str | None = None
    # The tables directly in the body: rows of cells, each cell the numbers of its lines.
    tables: tuple[tuple[tuple[TableCell, ...], ...], ...] = ()


@dataclass
class TableCell:
    """One cell of a table directly in the body: its lines ``first`` to ``last`` (numbers of
    the text's lines, from 1; ``last < first`` for an empty cell), the grid columns it spans,
    and whether it continues the cell above it (a vertically merged cell)."""

    first: int
    last: int = 0
    span: int = 1
    merged: bool = False


def docx_text(data: bytes, name: str) -> str:
    """The text of the DOCX in ``data``; ``UnreadableDocument`` for anything unsafe or broken."""
    return read_docx(data, name).text


def read_docx(data: bytes, name: str) -> DocxContent:
    """The DOCX in ``data``, read; ``UnreadableDocument`` for anything unsafe or broken."""
    try:
        archive = zipfile.ZipFile(BytesIO(data))
    except (zipfile.BadZipFile, OSError):
        raise UnreadableDocument(f"{name} is not a DOCX (not a zip archive)") from None
    with archive:
        _check_directory(archive, name)
        document = _part(archive, "word/document.xml", name)
        if document is None:
            raise UnreadableDocument(f"{name} is a zip archive but not a DOCX (no document.xml)")
        footnotes_xml = _part(archive, "word/footnotes.xml", name)
        core_xml = _part(archive, "docProps/core.xml", name)
        properties = _Properties()
        if core_xml is not None:
            parse(core_xml, properties, name)
        by_comitia = properties.creator == COMITIA
        footnotes = _Footnotes()
        if footnotes_xml is not None:
            parse(footnotes_xml, footnotes, name)
        body = _Body(footnotes.notes, by_comitia, name)
        parse(document, body, name)
    if not body.seen:
        raise UnreadableDocument(f"{name}: the DOCX has no body")
    text = body.lines.text(body.nested)
    tables = tuple(tuple(tuple(row) for row in table) for table in body.tables)
    if not by_comitia:
        return DocxContent(text, tables=tables)
    return DocxContent(
        text, True, properties.lang, body.content_language() or properties.lang, tables
    )


def _check_directory(archive: zipfile.ZipFile, name: str) -> None:
    entries = archive.infolist()
    if len(entries) > MAX_ENTRIES:
        raise UnreadableDocument(f"{name}: the DOCX has {len(entries)} parts; refused")
    total = sum(entry.file_size for entry in entries)
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise UnreadableDocument(
            f"{name}: the DOCX would expand to {total} bytes (limit {MAX_TOTAL_UNCOMPRESSED});"
            " refused as a possible zip bomb"
        )
    for entry in entries:
        if (
            entry.file_size > MAX_RATIO * max(entry.compress_size, 1)
            and entry.file_size > 1_000_000
        ):
            raise UnreadableDocument(
                f"{name}: the part {entry.filename} is compressed {entry.file_size} to"
                f" {entry.compress_size} bytes; refused as a possible zip bomb"
            )


def _part(archive: zipfile.ZipFile, part: str, name: str) -> Iterator[bytes] | None:
    """The decompressed chunks of ``part``, or None if the DOCX has no such part. Its size in
    the zip directory is checked now; the bytes, as they are decompressed."""
    try:
        info = archive.getinfo(part)
    except KeyError:
        return None
    if info.file_size > MAX_PART_BYTES:
        raise UnreadableDocument(f"{name}: {part} is {info.file_size} bytes; refused")
    return _chunks(archive, info, name)


# What zipfile raises for a part it cannot decompress: a bad checksum or header (BadZipFile),
# a truncated stream (EOFError), corrupt deflate data (zlib.error), an unknown method
# (NotImplementedError), a password-protected part (RuntimeError).
_ZIP_ERRORS = (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError, RuntimeError)


def _chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> Iterator[bytes]:
    try:
        stream = archive.open(info)
    except _ZIP_ERRORS as error:
        raise UnreadableDocument(f"{name}: cannot read {info.filename} ({error})") from None
    read = 0
    with stream:
        while True:
            try:
                chunk = stream.read(CHUNK_BYTES)
            except _ZIP_ERRORS as error:
                raise UnreadableDocument(f"{name}: cannot read {info.filename} ({error})") from None
            if not chunk:
                return
            read += len(chunk)
            # The directory's sizes are not trusted alone.
            if read > MAX_PART_BYTES:
                raise UnreadableDocument(
                    f"{name}: {info.filename} expands beyond {MAX_PART_BYTES} bytes; refused"
                )
            yield chunk


class _Properties:
    """``docProps/core.xml``: the creator and language elements under its root (the first
    of each), as ElementTree's ``.text`` gives them (the text before their first child)."""

    def __init__(self) -> None:
        self.creator: str | None = None
        self.lang: str | None = None
        self._depth = 0
        self._reading: str | None = None
        self._parts: list[str] = []

    def start(self, tag: str, _attributes: dict[str, str]) -> None:
        self._depth += 1
        if self._reading is not None:
            self._finish()
        elif self._depth == 2 and (
            (tag == _CREATOR and self.creator is None) or (tag == _LANGUAGE and self.lang is None)
        ):
            self._reading, self._parts = tag, []

    def end(self, _tag: str) -> None:
        if self._reading is not None:
            self._finish()
        self._depth -= 1

    def text(self, data: str) -> None:
        if self._reading is not None:
            self._parts.append(data)

    def _finish(self) -> None:
        text = "".join(self._parts)
        if self._reading == _CREATOR:
            self.creator = text
        else:
            self.lang = text.strip().split("-")[0].lower() or None
        self._reading = None


class _Footnotes:
    """``word/footnotes.xml``: each footnote's paragraphs, joined by spaces; separators are
    skipped. A footnote inside a footnote (never written by Word) is part of the outer one."""

    def __init__(self) -> None:
        self.notes: dict[str, str] = {}
        self._depth = 0
        self._note = 0  # the depth of the footnote being read, 0 outside
        self._number = ""
        self._paragraphs: list[str] = []
        self._runs = _Runs({}, "")

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        depth = self._depth = self._depth + 1
        if self._note:
            self._runs.start(tag, attributes, depth)
        elif tag == _FOOTNOTE:
            number = attributes.get(_ID)
            if number is not None and attributes.get(_TYPE) not in (
                "separator",
                "continuationSeparator",
            ):
                self._note, self._number, self._paragraphs = depth, number, []

    def end(self, _tag: str) -> None:
        depth = self._depth
        self._depth = depth - 1
        if not self._note:
            return
        self._runs.reading_text = False
        if depth == self._note:
            self.notes[self._number] = " ".join(self._paragraphs).strip()
            self._note = 0
        elif depth == self._runs.paragraph:
            self._paragraphs.append(self._runs.finish())

    def text(self, data: str) -> None:
        if self._runs.reading_text:
            self._runs.parts.append(data)


class _Runs:
    """The text of the outermost paragraph open, as Word's text export writes it: its ``w:t``
    texts, tabs, breaks as spaces and footnote references with their text, in document order.
    A paragraph inside it (in a text box) adds to its text."""

    def __init__(self, footnotes: dict[str, str], name: str) -> None:
        self.footnotes = footnotes
        self.name = name
        # Footnote text written at references: a short reference repeated to a long footnote
        # would otherwise multiply the text kept far beyond the file's size.
        self.footnote_chars = 0
        self.paragraph = 0  # the depth of the paragraph being read, 0 outside
        self.parts: list[str] = []
        # Whether the innermost element is a w:t of that paragraph: its text is kept up to its
        # first child, as ElementTree's .text would give it.
        self.reading_text = False

    def start(self, tag: str, attributes: dict[str, str], depth: int) -> None:
        """Take the start of an element at ``depth`` inside the paragraph or starting one; the
        caller marks the end of every element inside it (``reading_text``) and its own end
        (``finish``)."""
        self.reading_text = False
        if not self.paragraph:
            if tag == _P:
                self.paragraph, self.parts = depth, []
        elif tag == _T:
            self.reading_text = True
        elif tag == _TAB:
            self.parts.append("\t")
        elif tag in (_BR, _CR):
            self.parts.append(" ")
        elif tag == _FOOTNOTE_REFERENCE:
            number = attributes.get(_ID) or ""
            if number in self.footnotes:
                note = self.footnotes[number]
                self.footnote_chars += len(note)
                if self.footnote_chars > MAX_FOOTNOTE_CHARS:
                    raise UnreadableDocument(
                        f"{self.name}: the DOCX's footnote references repeat more than"
                        f" {MAX_FOOTNOTE_CHARS} characters of footnotes; refused"
                    )
                self.parts.append(f"[footnoteRef:{number}] [{number}: {note}]")

    def finish(self) -> str:
        """End the paragraph: its text."""
        self.paragraph = 0
        return "".join(self.parts)


@dataclass
class _ParagraphProperties:
    """What a paragraph's own ``w:pPr`` (its first) says: its style, whether it is numbered,
    and the list level of its first ``w:numPr``, and of any (as ElementTree's
    ``find("numPr/ilvl")``), as the attribute's value ("" when the element has none)."""

    depth: int
    style: str | None = None
    numbered: bool = False
    numbering_depth: int = 0
    numberings: int = 0
    level: str | None = None
    any_level: str | None = None


class _Body:
    """``word/document.xml``: the lines of its first body (see the module's docstring)."""

    def __init__(self, footnotes: dict[str, str], by_comitia: bool, name: str) -> None:
        self.by_comitia = by_comitia
        self.lines = _Lines()
        self.seen = False
        # List levels say how items nest only where a document nests them; a document whose
        # lists are all flat (as most typed by hand are) is read by the grammar, like its text
        # export.
        self.nested = False
        self._languages: dict[str, int] = {}
        self._runs = _Runs(footnotes, name)
        self._properties: _ParagraphProperties | None = None
        self._depth = 0
        self._body = 0  # the body's depth while it is open
        self._table = 0  # the depth of the table directly in the body being read
        self._cells = 0  # the cells of that table open around the current element
        self.tables: list[list[list[TableCell]]] = []
        self._cell: TableCell | None = None  # the cell of the body's table being read

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        depth = self._depth = self._depth + 1
        runs = self._runs
        if runs.paragraph:
            if tag == _R:  # the most frequent element: nothing to take from it
                runs.reading_text = False
                return
            runs.start(tag, attributes, depth)
            if tag == _T:
                return
            properties = self._properties
            if tag == _PPR:
                if depth == runs.paragraph + 1 and properties is None:
                    self._properties = _ParagraphProperties(depth)
            elif properties is None:
                pass
            elif depth == properties.depth + 1:
                if tag == _PSTYLE and properties.style is None:
                    properties.style = attributes.get(_VAL) or ""
                elif tag == _NUMPR:
                    properties.numbered = True
                    properties.numberings += 1
                    properties.numbering_depth = depth
            elif tag == _ILVL and depth == properties.numbering_depth + 1:
                value = attributes.get(_VAL, "")
                if properties.any_level is None:
                    properties.any_level = value
                if properties.numberings == 1 and properties.level is None:
                    properties.level = value
        elif tag == _P:
            if self._body and (depth == self._body + 1 or self._cells):
                runs.start(tag, attributes, depth)
                self._properties = None
            return
        elif tag == _TC:
            if self._table:
                self._cells += 1
                if depth == self._table + 2 and self.tables and self.tables[-1]:
                    self._cell = TableCell(self.lines.count + 1)
                    self.tables[-1][-1].append(self._cell)
            return
        elif tag == _TR:
            if self._table and depth == self._table + 1:
                self.tables[-1].append([])
            return
        elif tag == _TBL:
            if self._body and depth == self._body + 1:
                self._table = depth
                self.tables.append([])
            return
        elif self._cell is not None and depth == self._table + 4:
            # tc > tcPr > gridSpan, vMerge of the body table's cell being read.
            if tag == _GRIDSPAN:
                value = attributes.get(_VAL) or "1"
                self._cell.span = int(value) if value.isdigit() and 0 < int(value) < 64 else 1
            elif tag == _VMERGE:
                self._cell.merged = (attributes.get(_VAL) or "continue") != "restart"
            return
        elif tag == _BODY:
            if depth == 2 and not self.seen:
                self._body, self.seen = depth, True
            return
        if not self._body:
            return
        if tag == _ILVL:
            if (attributes.get(_VAL) or "0") != "0":
                self.nested = True
        elif tag == _LANG and self.by_comitia:
            language = (attributes.get(_VAL) or "").split("-")[0].lower()
            if language:
                self._languages[language] = self._languages.get(language, 0) + 1

    def end(self, tag: str) -> None:
        depth = self._depth
        self._depth = depth - 1
        runs = self._runs
        if runs.paragraph:
            runs.reading_text = False
            if depth == runs.paragraph:
                self.lines.add(self._line(runs.finish(), self._properties))
            elif self._properties is not None and depth == self._properties.numbering_depth:
                self._properties.numbering_depth = 0
        elif tag == _TR:
            if self._table:
                self.lines.add("")
        elif tag == _TC:
            if self._table:
                self._cells -= 1
                if depth == self._table + 2 and self._cell is not None:
                    self._cell.last = self.lines.count
                    self._cell = None
        elif depth == self._table:
            self._table = 0
        elif depth == self._body:
            self._body = 0

    def text(self, data: str) -> None:
        if self._runs.reading_text:
            self._runs.parts.append(data)

    def content_language(self) -> str | None:
        """The language that the most runs of the body are marked with, if any."""
        counts = self._languages
        return max(counts, key=lambda lang: counts[lang]) if counts else None

    def _line(self, text: str, properties: _ParagraphProperties | None) -> str:
        if properties is None or not text.strip():
            return text
        style_name = properties.style or ""
        if self.by_comitia and style_name == _AREA_STYLE:
            return f"[agenda:area] {text}"
        if self.by_comitia and style_name in _AGENDA_STYLES:
            return f"[agenda:{_AGENDA_STYLES[style_name]}:{_level(properties.any_level)}] {text}"
        if style_name.startswith("Heading"):
            # Section headings: the grammar knows them by their capitals, as in a text export.
            return _upper_outside_footnotes(text)
        if "Number" in style_name:
            return "1. " + text
        if properties.level is not None:
            # "[list:N] " if the body's lists nest, else "· " (see _LIST_MARK).
            return f"{_LIST_MARK}{_level(properties.level)}{text}"
        if properties.numbered or "List" in style_name:
            return "· " + text
        return text


class _Lines:
    """Lines, kept as a few long strings rather than one string each."""

    def __init__(self) -> None:
        self._chunks: list[str] = []
        self._pending: list[str] = []
        self._marked = False
        self.count = 0  # the lines added so far

    def add(self, line: str) -> None:
        self.count += 1
        self._pending.append(line)
        if len(self._pending) >= 4096:
            self._flush()

    def text(self, nested: bool) -> str:
        """The lines, each ended by a newline, with list levels marked if ``nested``."""
        self._flush()
        text = "".join(self._chunks) or "\n"
        self._chunks = []  # not kept beside the text
        if _LIST_MARK not in text:
            return text
        return _LIST_MARKS.sub(r"[list:\1] " if nested else "· ", text)

    def _flush(self) -> None:
        if self._pending:
            self._chunks.append("\n".join(self._pending) + "\n")
            self._pending = []


def _level(value: str | None) -> int:
    """A list level, 0 to 8 as Word allows; anything else in an untrusted file reads as 0."""
    return int(value) if value in _LEVELS else 0


def _upper_outside_footnotes(text: str) -> str:
    parts = re.split(r"(\[footnoteRef:\d+\] \[\d+: .*?\])", text)
    return "".join(part if part.startswith("[footnoteRef:") else part.upper() for part in parts)

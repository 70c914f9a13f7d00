"""Read a DOCX safely into the text-export shape that the importer's grammar reads.

A DOCX is untrusted input. Before anything is decompressed, the zip directory is checked: the
number of entries, the total uncompressed size and each entry's compression ratio are bounded,
so a zip bomb is refused without being expanded. XML is parsed with defusedxml, which refuses
DTDs, entity declarations and external references (billion laughs, XXE). Only
``word/document.xml``, ``word/footnotes.xml`` and ``docProps/core.xml`` are read, each within a
size limit.

Paragraphs become lines; list paragraphs start with "· ", or with "[list:N] " when the DOCX
gives their level (headings of Heading styles are written in capitals, as Word's text export
shows them); the paragraphs of table cells follow each other, cell by cell, with a blank line
after each row; a footnote reference becomes ``[footnoteRef:N] [N: text]`` as in Word's text
export.

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

import io
import re
import zipfile
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from comitia.importer.source import UnreadableDocument

MAX_ENTRIES = 2000
MAX_TOTAL_UNCOMPRESSED = 100 * 1024 * 1024
MAX_PART_BYTES = 50 * 1024 * 1024
MAX_RATIO = 100

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DC = "{http://purl.org/dc/elements/1.1/}"
# The creator that Comitia's DOCX renderer writes in the document's properties.
COMITIA = "Comitia"
# Style ids (Word's ids: the style names without spaces) of Comitia's agenda paragraphs.
_AGENDA_STYLES = {"ComitiaAgendaTopic": "topic", "ComitiaAgendaItem": "item"}
_AREA_STYLE = "ComitiaArea"
_LEVELS = {str(n) for n in range(9)}


@dataclass(frozen=True)
class DocxContent:
    """The text of a DOCX (see the module's docstring) and what its properties say."""

    text: str
    by_comitia: bool = False
    lang: str | None = None
    # The language most runs marked with a language are in: content that Comitia printed
    # untranslated, in the plan's original language.
    content_lang: str | None = None


def docx_text(data: bytes, name: str) -> str:
    """The text of the DOCX in ``data``; ``UnreadableDocument`` for anything unsafe or broken."""
    return read_docx(data, name).text


def read_docx(data: bytes, name: str) -> DocxContent:
    """The DOCX in ``data``, read; ``UnreadableDocument`` for anything unsafe or broken."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError):
        raise UnreadableDocument(f"{name} is not a DOCX (not a zip archive)") from None
    with archive:
        _check_directory(archive, name)
        document = _part(archive, "word/document.xml", name)
        if document is None:
            raise UnreadableDocument(f"{name} is a zip archive but not a DOCX (no document.xml)")
        footnotes_xml = _part(archive, "word/footnotes.xml", name)
        core_xml = _part(archive, "docProps/core.xml", name)
    by_comitia, lang = _properties(core_xml, name) if core_xml is not None else (False, None)
    footnotes = _footnotes(footnotes_xml, name) if footnotes_xml is not None else {}
    root = _xml(document, name)
    body = root.find(f"{W}body")
    if body is None:
        raise UnreadableDocument(f"{name}: the DOCX has no body")
    lines: list[str] = []
    # List levels say how items nest only where a document nests them; a document whose lists
    # are all flat (as most typed by hand are) is read by the grammar, like its text export.
    nested = any((level.get(f"{W}val") or "0") != "0" for level in body.iter(f"{W}ilvl"))
    for child in body:
        if child.tag == f"{W}p":
            lines.append(_paragraph(child, footnotes, nested, by_comitia))
        elif child.tag == f"{W}tbl":
            for row in child.iter(f"{W}tr"):
                for cell in row.iter(f"{W}tc"):
                    lines.extend(
                        _paragraph(p, footnotes, nested, by_comitia) for p in cell.iter(f"{W}p")
                    )
                lines.append("")
    if not by_comitia:
        return DocxContent("\n".join(lines) + "\n")
    return DocxContent("\n".join(lines) + "\n", True, lang, _content_language(body) or lang)


def _content_language(body: Element) -> str | None:
    """The language that the most runs of the body are marked with, if any."""
    counts: dict[str, int] = {}
    for mark in body.iter(f"{W}lang"):
        value = (mark.get(f"{W}val") or "").split("-")[0].lower()
        if value:
            counts[value] = counts.get(value, 0) + 1
    return max(counts, key=lambda lang: counts[lang]) if counts else None


def _properties(content: bytes, name: str) -> tuple[bool, str | None]:
    """Whether Comitia wrote the document, and the language its properties give."""
    root = _xml(content, name)
    creator = root.find(f"{DC}creator")
    language = root.find(f"{DC}language")
    lang = (language.text or "").strip().split("-")[0].lower() if language is not None else ""
    return (creator is not None and creator.text == COMITIA), (lang or None)


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


def _part(archive: zipfile.ZipFile, part: str, name: str) -> bytes | None:
    try:
        info = archive.getinfo(part)
    except KeyError:
        return None
    if info.file_size > MAX_PART_BYTES:
        raise UnreadableDocument(f"{name}: {part} is {info.file_size} bytes; refused")
    try:
        with archive.open(info) as stream:
            # Read at most the limit: the directory's sizes are not trusted alone.
            content = stream.read(MAX_PART_BYTES + 1)
    except (zipfile.BadZipFile, OSError, NotImplementedError) as error:
        raise UnreadableDocument(f"{name}: cannot read {part} ({error})") from None
    if len(content) > MAX_PART_BYTES:
        raise UnreadableDocument(f"{name}: {part} expands beyond {MAX_PART_BYTES} bytes; refused")
    return content


def _xml(content: bytes, name: str) -> Element:
    try:
        root: Element = fromstring(content, forbid_dtd=True)
    except DefusedXmlException:
        raise UnreadableDocument(
            f"{name}: the DOCX declares a DTD or entities (refused as a possible XML bomb)"
        ) from None
    except ParseError as error:
        raise UnreadableDocument(f"{name}: the DOCX holds broken XML ({error})") from None
    return root


def _footnotes(content: bytes, name: str) -> dict[str, str]:
    root = _xml(content, name)
    notes: dict[str, str] = {}
    for note in root.iter(f"{W}footnote"):
        number = note.get(f"{W}id")
        if number is None or note.get(f"{W}type") in ("separator", "continuationSeparator"):
            continue
        notes[number] = " ".join(_runs_text(p, {}) for p in note.iter(f"{W}p")).strip()
    return notes


def _paragraph(
    paragraph: Element, footnotes: dict[str, str], nested: bool, by_comitia: bool = False
) -> str:
    text = _runs_text(paragraph, footnotes)
    properties = paragraph.find(f"{W}pPr")
    if properties is not None and text.strip():
        style = properties.find(f"{W}pStyle")
        style_name = (style.get(f"{W}val") or "") if style is not None else ""
        if by_comitia and style_name == _AREA_STYLE:
            return f"[agenda:area] {text}"
        if by_comitia and style_name in _AGENDA_STYLES:
            depth = _level(properties.find(f"{W}numPr/{W}ilvl"))
            return f"[agenda:{_AGENDA_STYLES[style_name]}:{depth}] {text}"
        if style_name.startswith("Heading"):
            # Section headings: the grammar knows them by their capitals, as in a text export.
            return _upper_outside_footnotes(text)
        if "Number" in style_name:
            return "1. " + text
        numbering = properties.find(f"{W}numPr")
        level_element = numbering.find(f"{W}ilvl") if numbering is not None else None
        if level_element is not None and nested:
            # The level is kept as a mark, like the text export's [footnoteRef:N].
            return f"[list:{_level(level_element)}] {text}"
        if numbering is not None or "List" in style_name:
            return "· " + text
    return text


def _level(element: Element | None) -> int:
    """A list level, 0 to 8 as Word allows; anything else in an untrusted file reads as 0."""
    value = element.get(f"{W}val") if element is not None else None
    return int(value) if value in _LEVELS else 0


def _upper_outside_footnotes(text: str) -> str:
    parts = re.split(r"(\[footnoteRef:\d+\] \[\d+: .*?\])", text)
    return "".join(part if part.startswith("[footnoteRef:") else part.upper() for part in parts)


def _runs_text(element: Element, footnotes: dict[str, str]) -> str:
    parts: list[str] = []
    for node in element.iter():
        if node.tag == f"{W}t" and node.text:
            parts.append(node.text)
        elif node.tag == f"{W}tab":
            parts.append("\t")
        elif node.tag in (f"{W}br", f"{W}cr"):
            parts.append(" ")
        elif node.tag == f"{W}footnoteReference":
            number = node.get(f"{W}id") or ""
            if number in footnotes:
                parts.append(f"[footnoteRef:{number}] [{number}: {footnotes[number]}]")
    return "".join(parts)

"""Write a ``Document`` of blocks as DOCX.

python-docx has no footnote API: the footnotes part is written here as XML and related to the
document part, which is what Word itself does. Tables are built row by row from the XML
elements (python-docx's ``row.cells`` walks the whole table each time, which makes a naive
build quadratic in the number of rows).

Agenda trees are printed so that a reader (and ``comitia import``) can tell every node's place
without guessing: a thematic area is a paragraph in the "Comitia Area" style; its topics and
items are list paragraphs in the "Comitia Agenda Topic" and "Comitia Agenda Item" styles whose
list level is their depth in the tree (1 under an area, 0 for a top-level item that is not in
any area), so an item that follows an area but does not belong to it sits visibly to its left.
"""

from __future__ import annotations

import io
import re
from typing import Any
from xml.sax.saxutils import escape

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from comitia.render.document.blocks import (
    Block,
    ChangeMark,
    Document,
    Element,
    Heading,
    PageBreak,
    Paragraph,
    ParagraphStyle,
    Row,
    RowKind,
    Span,
    Table,
    TableKind,
)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

_STYLE_NAMES = {
    ParagraphStyle.BODY: "Normal",
    ParagraphStyle.TITLE: "Title",
    ParagraphStyle.SUBTITLE: "Subtitle",
    ParagraphStyle.SYMBOL: "Comitia Symbol",
    ParagraphStyle.AREA: "Comitia Area",
    ParagraphStyle.MEETING: "Comitia Meeting",
    ParagraphStyle.SMALL: "Comitia Small",
    ParagraphStyle.LEAD: "Comitia Lead",
    ParagraphStyle.LINE: "Comitia Line",
    ParagraphStyle.CLAUSE: "Comitia Clause",
    ParagraphStyle.SUBCLAUSE: "Comitia Subclause",
    ParagraphStyle.CLAUSE_NOTE: "Comitia Clause Note",
}
_CLAUSE_STYLES = {ParagraphStyle.CLAUSE, ParagraphStyle.SUBCLAUSE, ParagraphStyle.CLAUSE_NOTE}
# The author Word shows for the tracked changes of a comparison.
CHANGES_AUTHOR = "Comitia"

# Elements of w:settings that the schema places after w:footnotePr.
_AFTER_FOOTNOTE_PR = {
    qn(f"w:{name}")
    for name in [
        "endnotePr",
        "compat",
        "docVars",
        "rsids",
        "attachedSchema",
        "themeFontLang",
        "clrSchemeMapping",
        "doNotIncludeSubdocsInStats",
        "doNotAutoCompressPictures",
        "forceUpgrade",
        "captions",
        "readModeInkLockDown",
        "smartTagType",
        "shapeDefaults",
        "doNotEmbedSmartTags",
        "decimalSymbol",
        "listSeparator",
    ]
} | {"{http://schemas.openxmlformats.org/officeDocument/2006/math}mathPr"}

_BULLET_ABSTRACT = 90
_ORDERED_ABSTRACT = 91
_BULLETS = ("•", "◦", "▪", "–")
_ORDERED_FORMATS = ("decimal", "lowerLetter", "lowerRoman", "decimal")
# Word's limit: list levels 0 to 8.
_LIST_LEVELS = 9
# Agenda list paragraphs, by the kind of node they print (an AgendaKind value).
AGENDA_STYLES = {"topic": "Comitia Agenda Topic", "item": "Comitia Agenda Item"}


# Characters a plan's text may hold but XML 1.0 may not (U+FFFE, U+FFFF); printed as U+FFFD.
_NOT_XML = re.compile("[\ufffe\uffff]")


def _xml_safe(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


_VAL, _SPACE = qn("w:val"), qn("xml:space")
# What python-docx writes for a tab and a line break in a run's text.
_RUN_BREAKS = re.compile(r"([\t\r\n])")
_BREAK_TAGS = {"\t": "w:tab", "\r": "w:br", "\n": "w:br"}


def _child(parent: Any, tag: str) -> Any:
    child = OxmlElement(tag)
    parent.append(child)
    return child


def _run(text: str, span: Span) -> Any:
    """The ``w:r`` element that python-docx's ``add_run(text)`` and its bold, italic and
    language setters make, built directly: python-docx finds the place of each child in the
    schema's order, which made runs half the DOCX time."""
    r = OxmlElement("w:r")
    if span.bold or span.italic or span.lang:
        r_pr = _child(r, "w:rPr")
        if span.bold:
            _child(r_pr, "w:b")
        if span.italic:
            _child(r_pr, "w:i")
        if span.lang:
            _child(r_pr, "w:lang").set(_VAL, span.lang)
    # A deleted run keeps its text in w:delText, as Word writes it: w:t there is invalid.
    text_tag = "w:delText" if span.change is ChangeMark.DELETED else "w:t"
    for piece in _RUN_BREAKS.split(text):
        if piece in _BREAK_TAGS:
            _child(r, _BREAK_TAGS[piece])
        elif piece:
            t = _child(r, text_tag)
            t.text = piece
            if len(piece.strip()) < len(piece):
                t.set(_SPACE, "preserve")
    return r


def write_docx(document: Document) -> bytes:
    return _Writer(document).write()


class _Writer:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.doc: Any = docx.Document()
        self.notes: list[str] = []  # footnote XML, in order
        self.numbering = self.doc.part.numbering_part.element
        self.next_num_id = 100
        self.bullet_num_id = 0
        self.style_ids: dict[str, str] = {}
        self.changes = 0  # tracked changes written, for their ids

    # ------------------------------------------------------------------ set-up

    def setup(self) -> None:
        doc = self.doc
        styles = doc.styles
        normal = styles["Normal"]
        normal.font.name = "Times New Roman"
        normal.font.size = Pt(11)
        normal.paragraph_format.space_after = Pt(4)
        for name, size, caps in (("Heading 1", 12, True), ("Heading 2", 11, False)):
            style = styles[name]
            style.font.name = "Times New Roman"
            style.font.size = Pt(size)
            style.font.bold = True
            style.font.all_caps = caps
            style.font.color.rgb = RGBColor(0, 0, 0)
            style.paragraph_format.space_before = Pt(12)
            style.paragraph_format.space_after = Pt(6)
            # A heading is never left alone at the bottom of a page.
            style.paragraph_format.keep_with_next = True
        title = styles["Title"]
        title.font.name = "Times New Roman"
        title.font.size = Pt(13)
        title.font.bold = True
        title.font.all_caps = True
        title.font.color.rgb = RGBColor(0, 0, 0)
        title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        subtitle = styles["Subtitle"]
        subtitle.font.name = "Times New Roman"
        subtitle.font.size = Pt(11)
        subtitle.font.italic = False
        subtitle.font.color.rgb = RGBColor(0, 0, 0)
        subtitle.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER

        def paragraph_style(name: str, **font: Any) -> Any:
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = normal
            for key, value in font.items():
                setattr(style.font, key, value)
            return style

        symbol = paragraph_style("Comitia Symbol")
        symbol.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        meeting = paragraph_style("Comitia Meeting", bold=True)
        # No "keep with next" on these: inside a table it keeps the whole row with the next
        # one, and Word and LibreOffice then leave half pages empty before long rows.
        meeting.paragraph_format.space_before = Pt(6)
        area = paragraph_style("Comitia Area", bold=True, underline=True)
        area.paragraph_format.space_before = Pt(6)
        paragraph_style("Comitia Small", size=Pt(9))
        paragraph_style("Comitia Lead").paragraph_format.keep_with_next = True
        # The lines of the annex of texts awaiting translation.
        paragraph_style("Comitia Line", size=Pt(9)).paragraph_format.space_after = Pt(0)
        if self._prints_clauses():
            self._clause_styles(paragraph_style)
        list_style = paragraph_style("Comitia List")
        list_style.paragraph_format.space_after = Pt(2)
        for name in AGENDA_STYLES.values():
            agenda_style = paragraph_style(name)
            agenda_style.base_style = list_style
        # Word's own names for its built-in footnote styles, so Word and LibreOffice treat
        # them as their footnote styles; the ids are the ones the footnote XML refers to.
        note_text = paragraph_style("footnote text", size=Pt(9))
        note_text.style_id = "FootnoteText"
        note_text.paragraph_format.space_after = Pt(0)
        reference = styles.add_style("footnote reference", WD_STYLE_TYPE.CHARACTER)
        reference.style_id = "FootnoteReference"
        reference.font.superscript = True

        for name in ("Normal", "Heading 1", "Heading 2", "Title", "Subtitle"):
            _plain_font(styles[name])
        for section in doc.sections:
            section.left_margin = section.right_margin = Cm(2.2)
            section.top_margin = section.bottom_margin = Cm(2.0)
            # The first page shows the symbol in the text; the others in the header.
            section.different_first_page_header_footer = True
            header = section.header.paragraphs[0]
            header.text = _xml_safe(self.document.symbol or "")
            header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            for footer in (section.footer, section.first_page_footer):
                paragraph = footer.paragraphs[0]
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                paragraph.add_run("- ")
                paragraph._p.append(
                    parse_xml(
                        f'<w:fldSimple {nsdecls("w")} w:instr="PAGE">'
                        "<w:r><w:t>1</w:t></w:r></w:fldSimple>"
                    )
                )
                paragraph.add_run(" -")
        self._numbering_definitions()
        self.style_ids = {style.name: style.style_id for style in styles}
        doc.core_properties.title = _xml_safe(self.document.title)
        doc.core_properties.language = self.document.lang
        doc.core_properties.author = "Comitia"

    def _prints_clauses(self) -> bool:
        """Whether the document has a resolution's paragraphs: their styles cost every
        document a little (python-docx looks each new style's name up among all)."""
        return any(
            isinstance(e, Paragraph) and e.style in _CLAUSE_STYLES for e in self.document.elements
        )

    @staticmethod
    def _clause_styles(paragraph_style: Any) -> None:
        """A resolution's numbered paragraphs: the number hangs in the margin of the text."""
        clause = paragraph_style("Comitia Clause")
        clause.paragraph_format.left_indent = Cm(1.25)
        clause.paragraph_format.first_line_indent = Cm(-1.25)
        clause.paragraph_format.space_after = Pt(6)
        clause.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        clause.paragraph_format.tab_stops.add_tab_stop(Cm(1.25))
        subclause = paragraph_style("Comitia Subclause")
        subclause.paragraph_format.left_indent = Cm(2.5)
        subclause.paragraph_format.first_line_indent = Cm(-1.25)
        subclause.paragraph_format.space_after = Pt(4)
        subclause.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        subclause.paragraph_format.tab_stops.add_tab_stop(Cm(2.5))
        clause_note = paragraph_style("Comitia Clause Note", size=Pt(9), italic=True)
        clause_note.paragraph_format.left_indent = Cm(1.25)
        clause_note.paragraph_format.space_after = Pt(8)

    def _numbering_definitions(self) -> None:
        def levels(ordered: bool) -> str:
            out = []
            for level in range(_LIST_LEVELS):
                if ordered:
                    fmt = _ORDERED_FORMATS[level % len(_ORDERED_FORMATS)]
                    text = f"%{level + 1}."
                    start = '<w:start w:val="1"/>'
                else:
                    fmt, text, start = "bullet", _BULLETS[level % len(_BULLETS)], ""
                indent = 360 * (level + 1)
                out.append(
                    f'<w:lvl w:ilvl="{level}">{start}<w:numFmt w:val="{fmt}"/>'
                    f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                    f'<w:pPr><w:ind w:left="{indent}" w:hanging="360"/></w:pPr></w:lvl>'
                )
            return "".join(out)

        for abstract_id, ordered in ((_BULLET_ABSTRACT, False), (_ORDERED_ABSTRACT, True)):
            element = parse_xml(
                f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
                f'<w:multiLevelType w:val="multilevel"/>{levels(ordered)}</w:abstractNum>'
            )
            # abstractNum elements come after any numPicBullet and before the num elements.
            first_num = self.numbering.find(qn("w:num"))
            if first_num is None:
                self.numbering.append(element)
            else:
                first_num.addprevious(element)
        self.bullet_num_id = self._new_num(_BULLET_ABSTRACT, restart=False)

    def _new_num(self, abstract_id: int, *, restart: bool) -> int:
        num_id = self.next_num_id
        self.next_num_id += 1
        overrides = (
            "".join(
                f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="1"/></w:lvlOverride>'
                for level in range(_LIST_LEVELS)
            )
            if restart
            else ""
        )
        self.numbering.append(
            parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                f'<w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'
            )
        )
        return num_id

    # ------------------------------------------------------------------ content

    def write(self) -> bytes:
        self.setup()
        body = self.doc
        for element in self.document.elements:
            self.element(body, element)
        self._footnotes_part()
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()

    def element(self, container: Any, element: Element) -> None:
        if isinstance(element, PageBreak):
            container.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif isinstance(element, Table):
            self.table(element)
        else:
            self.block(container, element)

    def block(self, container: Any, block: Block, *, first: DocxParagraph | None = None) -> None:
        if isinstance(block, Heading):
            paragraph = self._paragraph(container, first, f"Heading {min(block.level, 9)}")
            paragraph._p.append(_run(_xml_safe(block.text), Span(block.text)))
        elif isinstance(block, Paragraph):
            paragraph = self._paragraph(container, first, _STYLE_NAMES[block.style])
            self.spans(paragraph, block.spans)
        else:
            num_id = (
                self._new_num(_ORDERED_ABSTRACT, restart=True)
                if block.ordered
                else self.bullet_num_id
            )
            for index, item in enumerate(block.items):
                style, level = "Comitia List", item.level
                if item.agenda is not None:
                    style, level = AGENDA_STYLES[item.agenda.kind], item.agenda.depth
                paragraph = self._paragraph(container, first if index == 0 else None, style)
                paragraph._p.get_or_add_pPr().append(
                    parse_xml(
                        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{min(level, _LIST_LEVELS - 1)}"/>'
                        f'<w:numId w:val="{num_id}"/></w:numPr>'
                    )
                )
                self.spans(paragraph, item.spans)

    def _paragraph(self, container: Any, first: DocxParagraph | None, style: str) -> DocxParagraph:
        # Styles are set by id: python-docx's lookup by name scans every style each time. A new
        # paragraph has no properties yet: they are made here, where python-docx's setter would
        # search the schema's order of the paragraph's children (a fifth of the DOCX time).
        paragraph: DocxParagraph = first if first is not None else container.add_paragraph()
        p = paragraph._p
        if p.pPr is None:
            p_pr = OxmlElement("w:pPr")
            _child(p_pr, "w:pStyle").set(_VAL, self.style_ids[style])
            p.insert(0, p_pr)
        else:
            p.style = self.style_ids[style]
        return paragraph

    def spans(self, paragraph: DocxParagraph, spans: tuple[Span, ...]) -> None:
        p = paragraph._p
        after_note = False
        for span in spans:
            if span.note and after_note:
                # Two references in a row would read as one number ("12" for 1 and 2).
                p.append(
                    parse_xml(
                        f'<w:r {nsdecls("w")}><w:rPr><w:rStyle w:val="FootnoteReference"/>'
                        f'</w:rPr><w:t xml:space="preserve">{NOTE_SEPARATOR}</w:t></w:r>'
                    )
                )
            after_note = span.note
            if span.note:
                self._footnote(paragraph, _xml_safe(span.text))
            elif span.change is not None:
                p.append(self._tracked(_run(_xml_safe(span.text), span), span.change))
            else:
                p.append(_run(_xml_safe(span.text), span))

    def _tracked(self, run: Any, change: ChangeMark) -> Any:
        """``run`` inside a w:ins or w:del: a revision Word shows, accepts or rejects."""
        self.changes += 1
        wrapper = OxmlElement("w:ins" if change is ChangeMark.INSERTED else "w:del")
        wrapper.set(qn("w:id"), str(self.changes))
        wrapper.set(qn("w:author"), CHANGES_AUTHOR)
        wrapper.append(run)
        return wrapper

    def _footnote(self, paragraph: DocxParagraph, text: str) -> None:
        note_id = len(self.notes) + 1
        paragraph._p.append(
            parse_xml(
                f'<w:r {nsdecls("w")}><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                f'<w:footnoteReference w:id="{note_id}"/></w:r>'
            )
        )
        self.notes.append(
            f'<w:footnote w:id="{note_id}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/>'
            '</w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/>'
            f'</w:r><w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p>'
            "</w:footnote>"
        )

    def _footnotes_part(self) -> None:
        separators = (
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0"/>'
            "</w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>"
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr>'
            '<w:spacing w:after="0"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p>'
            "</w:footnote>"
        )
        xml = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:footnotes xmlns:w="{W_NS}">{separators}{"".join(self.notes)}</w:footnotes>'
        )
        part = Part(
            PackURI("/word/footnotes.xml"),
            CONTENT_TYPE.WML_FOOTNOTES,
            xml.encode("utf-8"),
            self.doc.part.package,
        )
        self.doc.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
        # Word reads settings in schema order: footnotePr goes before endnotePr, compat, ...
        settings = self.doc.settings.element
        footnote_pr = parse_xml(
            f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/>'
            "</w:footnotePr>"
        )
        later = next((c for c in settings if c.tag in _AFTER_FOOTNOTE_PR), None)
        if later is None:
            settings.append(footnote_pr)
        else:
            later.addprevious(footnote_pr)

    def table(self, table: Table) -> None:
        widths = _WIDTHS.get(table.kind, (Cm(4), Cm(12.6)))
        grid = self.doc.add_table(rows=0, cols=len(widths))
        grid.style = "Table Grid"
        grid.alignment = WD_TABLE_ALIGNMENT.CENTER
        grid.autofit = False
        for column, width in zip(grid.columns, widths, strict=True):
            column.width = width
        # A row of the annex of texts awaiting translation is a place and its few texts: it is
        # kept whole on one page, as the PDF does. Calendar rows may be longer than a page.
        whole_rows = table.kind is TableKind.UNTRANSLATED
        for row in table.rows:
            self._row(grid, row, widths, whole=whole_rows)

    def _row(self, grid: Any, row: Row, widths: tuple[Any, ...], *, whole: bool) -> None:
        docx_row = grid.add_row()
        tr = docx_row._tr
        if whole or row.kind is not RowKind.ENTRY:
            # A one-line row is never split; the header row repeats on every page.
            tr_pr = tr.get_or_add_trPr()
            tr_pr.append(OxmlElement("w:cantSplit"))
            if row.kind is RowKind.HEADER:
                tr_pr.append(OxmlElement("w:tblHeader"))
        for tc, blocks, width in zip(tr.tc_lst, row.cells, widths, strict=True):
            cell = _Cell(tc, grid)
            cell.width = width
            if row.kind is not RowKind.ENTRY:
                tc.get_or_add_tcPr().append(
                    parse_xml(
                        f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="E7E6E6"/>'
                    )
                )
            first: DocxParagraph | None = cell.paragraphs[0]
            for block in blocks:
                self.block(cell, block, first=first)
                first = None
            if row.kind is RowKind.GROUP:
                # A year's or a month's row stays with the first row under it: on a row's
                # paragraphs, "keep with next" keeps the row with the next one.
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True


# Between two footnote references on one word, superscript as they are: "1, 2".
NOTE_SEPARATOR = ", "

# Column widths per kind of table (the others: a narrow column of places and a wide one).
_WIDTHS = {
    TableKind.CALENDAR: (Cm(8.3), Cm(8.3)),
    TableKind.BUDGET: (Cm(6.2), Cm(3.5), Cm(3.5), Cm(3.4)),
}


def _plain_font(style: Any) -> None:
    """Drop the theme fonts of a built-in style, so its own font name applies."""
    fonts = style.element.rPr.rFonts if style.element.rPr is not None else None
    if fonts is not None:
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attribute), None)
    spacing = style.element.rPr.find(qn("w:spacing")) if style.element.rPr is not None else None
    if spacing is not None:
        style.element.rPr.remove(spacing)


def footnote_texts(data: bytes) -> list[str]:
    """The texts of the footnotes of a DOCX file, in order (for tests and checks)."""
    document = docx.Document(io.BytesIO(data))
    for rel in document.part.rels.values():
        if rel.reltype == RELATIONSHIP_TYPE.FOOTNOTES:
            root = parse_xml(rel.target_part.blob)
            notes = []
            for note in root.iter(qn("w:footnote")):
                if note.get(qn("w:type")):
                    continue
                notes.append("".join(t.text or "" for t in note.iter(qn("w:t"))).strip())
            return notes
    return []

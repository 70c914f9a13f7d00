"""A DOCX's structure is read once, in reading order, in time and memory bounded by the file.

The documents here are written by hand as Word writes their XML: tables whose cells hold
tables (Word nests them when a layout table holds a calendar), merged cells, tab-separated
times, text boxes, and a document of a million tiny paragraphs. The builders are used by
``benchmarks/bench_docx_import.py`` too.
"""

from __future__ import annotations

import io
import random
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from comitia.importer import UnreadableDocument, import_document
from comitia.importer import docx as docx_reader
from comitia.importer.docx import read_docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
V_NS = "urn:schemas-microsoft-com:vml"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels"'
    ' ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
TITLE = (
    "WORK PLAN AND CALENDAR OF ACTIVITIES 2021-2022",
    "OF THE COMMITTEE ON HEMISPHERIC SECURITY AND OTHER OAS ACTIVITIES",
    "(Approved by the Committee on October 28, 2021)",
)


def document_xml(body: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W_NS}" xmlns:v="{V_NS}"><w:body>{body}'
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
    )


def package(
    body: str, footnotes: dict[str, str] | None = None, compression: int = zipfile.ZIP_DEFLATED
) -> bytes:
    """A DOCX whose body is ``body`` (WordprocessingML), with ``footnotes`` by number."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("word/document.xml", document_xml(body))
        if footnotes is not None:
            notes = "".join(
                f'<w:footnote w:id="{n}"><w:p><w:r><w:t xml:space="preserve">{text}</w:t>'
                "</w:r></w:p></w:footnote>"
                for n, text in footnotes.items()
            )
            archive.writestr(
                "word/footnotes.xml",
                f'<?xml version="1.0" encoding="UTF-8"?><w:footnotes xmlns:w="{W_NS}">'
                '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
                f"</w:footnote>{notes}</w:footnotes>",
            )
    return out.getvalue()


def p(text: str = "", style: str | None = None, level: int | None = None) -> str:
    properties = ""
    if style is not None or level is not None:
        style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
        numbering = (
            f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr>'
            if level is not None
            else ""
        )
        properties = f"<w:pPr>{style_xml}{numbering}</w:pPr>"
    runs = "".join(
        "<w:r><w:tab/></w:r>"
        if part == "\t"
        else f'<w:r><w:t xml:space="preserve">{part}</w:t></w:r>'
        for part in _tabbed(text)
    )
    return f"<w:p>{properties}{runs}</w:p>"


def _tabbed(text: str) -> list[str]:
    parts: list[str] = []
    for i, piece in enumerate(text.split("\t")):
        if i:
            parts.append("\t")
        if piece:
            parts.append(piece)
    return parts


def cell(*content: str, properties: str = "") -> str:
    tc_pr = f"<w:tcPr>{properties}</w:tcPr>" if properties else ""
    return f"<w:tc>{tc_pr}{''.join(content) or p()}</w:tc>"


def table(*rows: list[str]) -> str:
    grid = "<w:tblGrid>" + '<w:gridCol w:w="3000"/>' * max(len(r) for r in rows) + "</w:tblGrid>"
    return (
        f"<w:tbl><w:tblPr/>{grid}"
        + "".join(f"<w:tr>{''.join(r)}</w:tr>" for r in rows)
        + "</w:tbl>"
    )


def nested_tables(depth: int, inner: str = "Innermost paragraph") -> str:
    """Tables nested ``depth`` deep, one cell each: the innermost cell holds ``inner``, every
    other cell its table and the empty paragraph that Word puts after a table in a cell.
    Written iteratively, with Word's minimal markup (about 47 bytes a level)."""
    opening = "<w:tbl><w:tr><w:tc>" * depth
    closing = "</w:tc></w:tr></w:tbl>" + "<w:p/></w:tc></w:tr></w:tbl>" * (depth - 1)
    return opening + p(inner) + closing


def tiny_paragraphs(count: int, seed: int = 2021) -> str:
    """``count`` paragraphs of one short word each, of random letters so that the DOCX
    compresses about as a real one does (far below the zip-bomb ratio)."""
    chooser = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyz"
    return "".join(
        f"<w:p><w:r><w:t>{''.join(chooser.choices(letters, k=chooser.randint(3, 9)))}</w:t>"
        "</w:r></w:p>"
        for _ in range(count)
    )


def _text(body: str, footnotes: dict[str, str] | None = None) -> str:
    return read_docx(package(body, footnotes), "test.docx").text


def test_a_table_in_a_cell_is_read_once_in_reading_order() -> None:
    inner = table([cell(p("09:00\t10:00")), cell(p("Opening"))], [cell(p("10:00")), cell()])
    outer = table(
        [cell(p("Thursday, October 28, 2021")), cell(p("Before"), inner, p("After"))],
        [cell(p("Last row")), cell()],
    )
    assert _text(p("Title") + outer + p("End")) == (
        "Title\n"
        "Thursday, October 28, 2021\nBefore\n09:00\t10:00\nOpening\n\n10:00\n\n\nAfter\n\n"
        "Last row\n\n\n"
        "End\n"
    )


def test_the_paragraph_inside_tables_nested_300_deep_comes_out_once() -> None:
    text = _text(nested_tables(300))
    assert text.count("Innermost paragraph") == 1
    # Its line, then for each table the end of its row, and in each outer cell the empty
    # paragraph after the table.
    assert text == "Innermost paragraph\n" + "\n" * (1 + 2 * 299)


def test_tables_nested_20000_deep_import_with_output_bounded_by_the_file(tmp_path: Path) -> None:
    body = "".join(p(line) for line in TITLE) + nested_tables(20_000)
    data = package(body, compression=zipfile.ZIP_STORED)
    xml_size = len(document_xml(body).encode())
    content = read_docx(data, "deep.docx")
    assert content.text.count("Innermost paragraph") == 1
    # Linear work: every character out stands for at least one of the XML's.
    assert len(content.text) < xml_size / 10
    path = tmp_path / "deep.docx"
    path.write_bytes(data)
    term = import_document(path).plan.term
    assert (term.committee, term.label) == ("csh", "2021-2022")


def test_merged_cells_tabs_footnotes_and_lists_in_a_table_read_as_before() -> None:
    calendar = table(
        [cell(p("Thursday, October 28, 2021"), properties='<w:gridSpan w:val="2"/>')],
        [
            cell(p("[10:00\t13:00]"), properties='<w:vMerge w:val="restart"/>'),
            cell(
                p("Installation of the Committee")
                + '<w:p><w:r><w:t>Report</w:t></w:r><w:r><w:footnoteReference w:id="3"/></w:r>'
                "<w:r><w:br/><w:t>second line</w:t></w:r></w:p>"
            ),
        ],
        [cell(properties="<w:vMerge/>"), cell(p("Election of officers", "ListBullet", 1))],
    )
    body = p("Calendar", "Heading1") + calendar + p("Closing", "ListParagraph", 0)
    assert _text(body, {"3": "Originally scheduled for October 21, 2021."}) == (
        "CALENDAR\n"
        "Thursday, October 28, 2021\n\n"
        "[10:00\t13:00]\nInstallation of the Committee\n"
        "Report[footnoteRef:3] [3: Originally scheduled for October 21, 2021.] second line\n\n"
        "\n[list:1] Election of officers\n\n"
        "[list:0] Closing\n"
    )


def _text_box(text: str) -> str:
    return (
        "<w:r><w:pict><v:shape><v:textbox><w:txbxContent>"
        f"{p(text)}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )


def test_a_text_box_is_read_once_within_its_paragraph() -> None:
    boxed = f'<w:p><w:r><w:t xml:space="preserve">Venue: </w:t></w:r>{_text_box("Room A")}</w:p>'
    assert _text(boxed + table([cell(boxed)])) == "Venue: Room A\nVenue: Room A\n\n"


def test_content_controls_around_the_body_are_skipped_as_before() -> None:
    # Word writes its table of contents as a content control (w:sdt) directly in the body.
    contents = f"<w:sdt><w:sdtContent>{p('Contents')}{p('I. Introduction')}</w:sdtContent></w:sdt>"
    in_cell = f"<w:sdt><w:sdtContent>{p('Controlled')}</w:sdtContent></w:sdt>"
    assert _text(contents + p("Body") + table([cell(in_cell)])) == "Body\nControlled\n\n"


def test_reading_takes_memory_for_the_text_kept_not_for_the_xml() -> None:
    body = tiny_paragraphs(60_000)
    data = package(body)
    xml_size = len(document_xml(body).encode())
    tracemalloc.start()
    try:
        content = read_docx(data, "tiny.docx")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert content.text.count("\n") == 60_000
    # The whole tree of this XML (2.4 MB) would take several times its size; the reader keeps
    # the text (0.4 MB) and a window of the XML.
    assert peak < 4 * len(content.text) + 1_000_000
    assert peak < xml_size / 2


def test_a_corrupt_compressed_part_is_refused_in_one_line() -> None:
    data = bytearray(package(tiny_paragraphs(2000)))
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + 100 : start + 140] = b"\xff" * 40
    with pytest.raises(UnreadableDocument) as caught:
        read_docx(bytes(data), "corrupt.docx")
    assert "\n" not in str(caught.value)


def _central_entry(archive: zipfile.ZipFile, part: str) -> int:
    """The offset of ``part``'s entry in the zip's central directory."""
    offset = archive.start_dir
    for info in archive.infolist():
        if info.filename == part:
            return offset
        offset += 46 + len(info.filename.encode()) + len(info.extra) + len(info.comment)
    raise KeyError(part)


def test_an_encrypted_part_is_refused_in_one_line() -> None:
    data = bytearray(package(p("Secret")))
    archive = zipfile.ZipFile(io.BytesIO(bytes(data)))
    info = archive.getinfo("word/document.xml")
    # The "encrypted" flag (bit 0 of the flags) in the local header and the central directory.
    data[info.header_offset + 6] |= 1
    data[_central_entry(archive, info.filename) + 8] |= 1
    with pytest.raises(UnreadableDocument, match=r"cannot read word/document\.xml"):
        read_docx(bytes(data), "encrypted.docx")


def test_footnote_references_that_repeat_a_long_footnote_beyond_the_limit_are_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reference = '<w:r><w:footnoteReference w:id="1"/></w:r>'
    body = f"<w:p>{reference * 200}</w:p>"
    note = {"1": "Originally scheduled for October 21, 2021; then for October 28, 2021."}
    assert _text(body, note).count("[footnoteRef:1]") == 200
    monkeypatch.setattr(docx_reader, "MAX_FOOTNOTE_CHARS", 199 * len(note["1"]))
    with pytest.raises(UnreadableDocument, match="repeat more than") as caught:
        _text(body, note)
    assert "\n" not in str(caught.value)

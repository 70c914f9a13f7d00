"""A DOCX imports like its text export, and unsafe DOCX files are refused without expanding.

The DOCX is built here with python-docx from the English fixture: paragraphs, bullet and
numbered lists, the calendar as a two-column table. python-docx cannot write footnotes, so the
test adds them to the package itself (word/footnotes.xml and w:footnoteReference runs), as Word
writes them.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from docx import Document

from comitia.importer import UnreadableDocument, import_document
from comitia.importer import docx as docx_reader
from tests.importer import compare

DATA = Path(__file__).resolve().parents[1] / "data" / "importer"
TEXT = DATA / "csh-workplan-2021-2022.en.txt"

FOOTNOTE = re.compile(r"\s*\[footnoteRef:(\d+)\]\s*\[\d+:\s*(.*?)\]")
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _paragraph(container: object, text: str, notes: dict[str, str]) -> None:
    style = None
    if text.startswith("• "):
        text, style = text[2:], "List Bullet"
    elif re.match(r"^\d\. ", text):
        text, style = text[3:], "List Number"
    paragraph = container.add_paragraph(style=style)  # type: ignore[attr-defined]
    position = 0
    for match in FOOTNOTE.finditer(text):
        paragraph.add_run(text[position : match.start()])
        notes[match[1]] = match[2]
        paragraph.add_run(f"FOOTNOTE{match[1]}")
        position = match.end()
    paragraph.add_run(text[position:])


def build_docx(path: Path, *, numbered: bool = False) -> None:
    lines = [line.strip() for line in TEXT.read_text(encoding="utf-8").splitlines()]
    document = Document()
    notes: dict[str, str] = {}
    start = lines.index("ANNEX – CALENDAR OF ACTIVITIES 2021-2022")
    end = next(i for i, line in enumerate(lines) if line.startswith("SUMMARY OF MEETINGS"))
    for line in lines[: start + 1]:
        if line:
            _paragraph(document, line, notes)
    table = document.add_table(rows=0, cols=2)
    row = None
    for line in lines[start + 1 : end]:
        if not line:
            # Word keeps empty paragraphs; in an agenda they separate its parts.
            if row is not None:
                row.cells[0].add_paragraph("")
            continue
        is_activity = re.match(r"^[A-Z][a-z]+( \d+.*?| \(tentative\)| half of 2022)?: ", line)
        is_header = re.match(r"^(Thursday|Tuesday),", line)
        if re.fullmatch(r"20\d\d|ACTIVITIES OF .*|OTHER OAS .*", line):
            row = table.add_row()
            row.cells[0].text = line
            continue
        if is_header or row is None:
            row = table.add_row()
            row.cells[0].paragraphs[0].text = ""
        cell = row.cells[1] if is_activity else row.cells[0]
        _paragraph(cell, line, notes)
    for line in lines[end:]:
        if line:
            _paragraph(document, line, notes)
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(_with_footnotes(buffer.getvalue(), notes, numbered=numbered))


def _with_footnotes(data: bytes, notes: dict[str, str], *, numbered: bool = False) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "word/document.xml":
                text = content.decode("utf-8")
                for number in notes:
                    text = text.replace(
                        f"<w:t>FOOTNOTE{number}</w:t>",
                        f'<w:footnoteReference w:id="{number}"/>',
                    )
                if numbered:
                    # Word's own lists: numbering properties on each paragraph, all at level 0.
                    text = text.replace(
                        '<w:pStyle w:val="ListBullet"/>',
                        '<w:pStyle w:val="ListBullet"/><w:numPr><w:ilvl w:val="0"/>'
                        '<w:numId w:val="1"/></w:numPr>',
                    )
                content = text.encode("utf-8")
            target.writestr(item, content)
        body = "".join(
            f'<w:footnote w:id="{n}"><w:p><w:r><w:t xml:space="preserve">{t}</w:t></w:r></w:p>'
            "</w:footnote>"
            for n, t in notes.items()
        )
        target.writestr(
            "word/footnotes.xml",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:footnotes xmlns:w="{W_NS}">'
            '<w:footnote w:type="separator" w:id="-1"><w:p/></w:footnote>'
            f"{body}</w:footnotes>",
        )
    return out.getvalue()


@pytest.fixture(scope="module")
def docx_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("docx") / "csh-workplan-2021-2022.en.docx"
    build_docx(path)
    return path


def test_a_docx_imports_to_the_same_plan_as_its_text_export(docx_path: Path) -> None:
    from_docx = import_document(docx_path)
    from_text = import_document(TEXT)
    a, b = from_docx.plan, from_text.plan
    assert from_docx.report.unused == []
    assert [compare.meeting(a, m) for m in a.meetings] == [
        compare.meeting(b, m) for m in b.meetings
    ]
    # The footnote "originally scheduled for January 27, 2022" is a real DOCX footnote here.
    assert [d.isoformat() for d in a.meetings[3].previous_dates] == ["2022-01-27"]
    assert a.mandates[0].excluded_paragraphs == ["40", "41"]
    assert [compare.activity(a, x) for x in a.activities] == [
        compare.activity(b, x) for x in b.activities
    ]
    assert [compare.officer(o) for o in a.officers] == [compare.officer(o) for o in b.officers]
    assert [compare.obligation(o) for o in a.obligations] == [
        compare.obligation(o) for o in b.obligations
    ]
    assert a.mandates == b.mandates
    assert a.thematic_areas == b.thematic_areas


def test_flat_word_lists_read_like_the_text_export(tmp_path: Path) -> None:
    path = tmp_path / "numbered.docx"
    build_docx(path, numbered=True)
    assert b"w:numPr" in zipfile.ZipFile(path).read("word/document.xml")
    a, b = import_document(path).plan, import_document(TEXT).plan
    assert [compare.meeting(a, m) for m in a.meetings] == [
        compare.meeting(b, m) for m in b.meetings
    ]


def _zip(entries: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return out.getvalue()


def test_a_zip_bomb_is_refused_from_the_zip_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 30 MB of zeros compress to about 30 kB: refused by its ratio before any expansion.
    path = tmp_path / "bomb.docx"
    path.write_bytes(_zip({"word/document.xml": b"\0" * 30_000_000}))
    expanded: list[str] = []
    monkeypatch.setattr(docx_reader, "_part", lambda *args: expanded.append("x"))
    with pytest.raises(UnreadableDocument, match="zip bomb"):
        import_document(path)
    assert expanded == []


def test_a_docx_that_expands_beyond_the_total_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(docx_reader, "MAX_TOTAL_UNCOMPRESSED", 1000)
    path = tmp_path / "big.docx"
    path.write_bytes(_zip({"word/document.xml": b"<a/>" * 500}, zipfile.ZIP_STORED))
    with pytest.raises(UnreadableDocument, match="would expand to 2000 bytes"):
        import_document(path)


def test_an_xml_bomb_is_refused(tmp_path: Path) -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b"<w:document xmlns:w='" + W_NS.encode() + b"'><w:body><w:p><w:r><w:t>&lol2;"
        b"</w:t></w:r></w:p></w:body></w:document>"
    )
    path = tmp_path / "lol.docx"
    path.write_bytes(_zip({"word/document.xml": bomb}))
    with pytest.raises(UnreadableDocument, match="DTD or entities"):
        import_document(path)


def test_an_external_entity_is_refused(tmp_path: Path) -> None:
    xxe = b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>'
    path = tmp_path / "xxe.docx"
    path.write_bytes(_zip({"word/document.xml": xxe}))
    with pytest.raises(UnreadableDocument, match="DTD or entities"):
        import_document(path)


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ({"other.txt": b"x"}, "not a DOCX"),
        ({"word/document.xml": b"<w:document"}, "broken XML"),
    ],
)
def test_a_zip_that_is_no_docx_is_refused_in_one_line(
    tmp_path: Path, entries: dict[str, bytes], message: str
) -> None:
    path = tmp_path / "x.docx"
    path.write_bytes(_zip(entries))
    with pytest.raises(UnreadableDocument, match=message) as caught:
        import_document(path)
    assert "\n" not in str(caught.value)


def test_a_document_over_the_size_limit_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from comitia.importer import source

    monkeypatch.setattr(source, "MAX_DOCUMENT_BYTES", 10)
    path = tmp_path / "big.txt"
    path.write_text("PLAN DE TRAVAIL 2019-2020\n", encoding="utf-8")
    with pytest.raises(UnreadableDocument, match="are refused"):
        import_document(path)

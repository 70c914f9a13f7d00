"""The resolution in Word: its paragraphs in their styles, and a comparison as real tracked
changes (w:ins, w:del with w:delText) that Word accepts or rejects."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from lxml import etree

from comitia.render.docx.writer import CHANGES_AUTHOR, footnote_texts
from comitia.render.formats import output_format
from tests.render.resolutions import draft, illustrative_plan

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def body(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read("word/document.xml"))


def comparison(lang: str = "en") -> bytes:
    return output_format("docx").render_resolution(illustrative_plan(2), lang, earlier=draft(1))


def paragraph_text(p: etree._Element, *, accepted: bool) -> str:
    """The text Word shows once every change is accepted (or, if not, rejected)."""
    out = []
    for node in p.iter(f"{{{W}}}t", f"{{{W}}}delText", f"{{{W}}}tab"):
        inside_del = any(a.tag == f"{{{W}}}del" for a in node.iterancestors())
        inside_ins = any(a.tag == f"{{{W}}}ins" for a in node.iterancestors())
        if (accepted and inside_del) or (not accepted and inside_ins):
            continue
        out.append("\t" if node.tag == f"{{{W}}}tab" else node.text or "")
    return "".join(out)


@pytest.mark.parametrize("lang", ["fr", "en", "es", "pt"])
def test_the_draft_opens_in_word_with_its_styles_and_footnote(lang: str) -> None:
    data = output_format("docx").render_resolution(illustrative_plan(), lang)
    document = docx.Document(io.BytesIO(data))
    styles = [p.style.name for p in document.paragraphs]
    assert styles.count("Comitia Clause") == 5
    assert styles.count("Comitia Subclause") == 2
    assert styles.count("Comitia Clause Note") == 4
    assert document.core_properties.language == lang
    assert len(footnote_texts(data)) == 1
    # No tracked change outside a comparison.
    assert body(data).xpath("//w:ins | //w:del", namespaces=NS) == []


def test_a_comparison_is_written_as_word_tracked_changes() -> None:
    root = body(comparison())
    insertions = root.xpath("//w:ins", namespaces=NS)
    deletions = root.xpath("//w:del", namespaces=NS)
    assert insertions and deletions
    ids = [c.get(f"{{{W}}}id") for c in insertions + deletions]
    assert len(set(ids)) == len(ids)
    assert {c.get(f"{{{W}}}author") for c in insertions + deletions} == {CHANGES_AUTHOR}
    # A deleted run holds its text in w:delText, never w:t; an inserted one in w:t.
    assert root.xpath("//w:del//w:t", namespaces=NS) == []
    assert "".join(root.xpath("//w:del//w:delText/text()", namespaces=NS)).count("Permanent")
    assert root.xpath("//w:ins//w:delText", namespaces=NS) == []


def test_accepting_the_changes_gives_the_newer_text_and_rejecting_them_the_older() -> None:
    root = body(comparison())
    clause = next(
        p for p in root.iter(f"{{{W}}}p") if "To instruct" in paragraph_text(p, accepted=True)
    )
    assert paragraph_text(clause, accepted=True) == (
        "2.\tTo instruct the Committee on Hemispheric Security to hold a special meeting on "
        "[emerging threats] in 2021: (Pending)"
    )
    assert paragraph_text(clause, accepted=False) == (
        "2.\tTo instruct the Permanent Council to hold a special meeting on "
        "[emerging threats] in 2021. (Pending)"
    )
    removed = next(
        p for p in root.iter(f"{{{W}}}p") if "To encourage" in paragraph_text(p, accepted=False)
    )
    assert paragraph_text(removed, accepted=True) == ""

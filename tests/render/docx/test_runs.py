"""Runs built directly as XML are the runs python-docx itself would make."""

from __future__ import annotations

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from hypothesis import given
from hypothesis import strategies as st

from comitia.render.document.blocks import Span
from comitia.render.docx.writer import _run


def python_docx_run(span: Span) -> bytes:
    paragraph = docx.Document().add_paragraph()
    run = paragraph.add_run(span.text)
    if span.bold:
        run.bold = True
    if span.italic:
        run.italic = True
    if span.lang:
        run._r.get_or_add_rPr().append(parse_xml(f'<w:lang {nsdecls("w")} w:val="{span.lang}"/>'))
    return bytes(run._r.xml, "utf-8")


@given(
    text=st.text(st.sampled_from("aé \t\n\r"), max_size=12),
    bold=st.booleans(),
    italic=st.booleans(),
    lang=st.sampled_from([None, "fr", "es"]),
)
def test_a_run_is_the_one_python_docx_makes(
    text: str, bold: bool, italic: bool, lang: str | None
) -> None:
    span = Span(text, bold=bold, italic=italic, lang=lang)
    paragraph = docx.Document().add_paragraph()
    paragraph._p.append(_run(text, span))
    assert bytes(paragraph.runs[0]._r.xml, "utf-8") == python_docx_run(span)

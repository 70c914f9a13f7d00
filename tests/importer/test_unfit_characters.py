"""Imported documents with characters no text may hold: refused by name, never a traceback.

A Word document can hold DEL and the C1 controls (XML 1.0 allows them); a text export read
with another encoding can hold any of them. The importer's plan is checked by the plan model,
so either the document is refused with ``ImportFailure`` or its plan holds none of them.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comitia.importer import ImportFailure, UnreadableDocument, import_document, import_text
from comitia.plan.fields import unfit_character
from comitia.plan.files import dump_plan_json
from tests.importer.test_docx import docx_path

__all__ = ["docx_path"]

MODEL_TEXT = (Path(__file__).parents[1] / "data" / "csh-workplan-2019-2020.fr.txt").read_text(
    encoding="utf-8"
)
UNFIT = st.sampled_from(
    [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0), 0xD800, 0xDBFF, 0xDC00, 0xDFFF]
).map(chr)
FEW = settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _assert_clean(text: str) -> None:
    assert unfit_character(text) is None
    text.encode("utf-8")


@given(position=st.integers(0, len(MODEL_TEXT)), character=UNFIT)
@FEW
def test_an_unfit_character_in_a_text_export_is_refused_or_left_out(
    position: int, character: str
) -> None:
    text = MODEL_TEXT[:position] + character + MODEL_TEXT[position:]
    try:
        result = import_text(text)
    except ImportFailure as failure:
        str(failure).encode("utf-8", "backslashreplace")
    else:
        _assert_clean(dump_plan_json(result.plan))


@pytest.mark.parametrize("character", ["\x7f", "\x85", "\x9f"])
def test_a_control_character_that_xml_allows_in_a_docx_is_refused_or_left_out(
    docx_path: Path, tmp_path: Path, character: str
) -> None:
    source = zipfile.ZipFile(docx_path)
    body = source.read("word/document.xml").decode("utf-8")
    # Into the first run of text of the document.
    body = body.replace("<w:t>", f"<w:t>{character}", 1).replace(
        '<w:t xml:space="preserve">', f'<w:t xml:space="preserve">{character}', 1
    )
    assert character in body
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = (
                body.encode("utf-8") if info.filename == "word/document.xml" else source.read(info)
            )
            target.writestr(info, data)
    path = tmp_path / "with-control.docx"
    path.write_bytes(out.getvalue())
    try:
        result = import_document(path)
    except (ImportFailure, UnreadableDocument):
        pass
    else:
        _assert_clean(dump_plan_json(result.plan))

"""``comitia render`` writes the document formats; the document model is not a format."""

from __future__ import annotations

from pathlib import Path

import pytest

from comitia.cli import main
from comitia.render import available_formats
from tests.render.model import MODEL_PLAN


def test_document_is_shared_code_not_a_format() -> None:
    formats = available_formats()
    assert {"docx", "html", "pdf"} <= set(formats)
    assert "document" not in formats


@pytest.mark.parametrize(("fmt", "magic"), [("docx", b"PK"), ("html", b"<!DOCTYPE html>")])
def test_render_writes_the_document(tmp_path: Path, fmt: str, magic: bytes) -> None:
    out = tmp_path / f"plan.{fmt}"
    assert main(["render", str(MODEL_PLAN), "--format", fmt, "--lang", "pt", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(magic)

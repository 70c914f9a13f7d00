"""The PDF document of the model plan: it opens, numbers its pages and holds the meetings."""

from __future__ import annotations

import functools
import io
import re

import pytest
from pypdf import PdfReader

from comitia.render.pdf import render
from tests.render.model import AFTERNOON_MEETING, FIRST_MEETING, MOVED_NOTE, model_plan


@functools.cache
def rendered(lang: str) -> bytes:
    return render(model_plan(), lang)


@functools.cache
def pages(lang: str) -> list[str]:
    reader = PdfReader(io.BytesIO(rendered(lang)))
    return [re.sub(r"\s+", " ", page.extract_text()) for page in reader.pages]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_pdf_opens_and_every_page_carries_its_number(lang: str) -> None:
    texts = pages(lang)
    assert len(texts) > 10
    for number, text in enumerate(texts, start=1):
        assert f"- {number} -" in text


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_pdf_text_holds_the_meetings_and_the_notes_on_moved_meetings(lang: str) -> None:
    text = " ".join(pages(lang))
    assert FIRST_MEETING[lang] in text
    assert AFTERNOON_MEETING[lang] in text
    assert MOVED_NOTE[lang] in text
    from comitia.dates import format_day

    for meeting in model_plan().meetings:
        printed = format_day(meeting.date, lang, weekday=True)
        assert printed[:1].upper() + printed[1:] in text


def test_the_pdf_is_titled_with_the_document_and_its_symbol() -> None:
    reader = PdfReader(io.BytesIO(rendered("en")))
    assert reader.metadata is not None
    assert reader.metadata.title is not None
    assert reader.metadata.title.endswith("(CP/CSH-1933/19 rev. 2)")

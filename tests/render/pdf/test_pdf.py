"""The PDF document of the model plan: it opens, numbers its pages and holds the meetings."""

from __future__ import annotations

import functools
import io
import itertools
import re

import pytest
from pypdf import PdfReader

from comitia.render.document import build_document
from comitia.render.document.blocks import Heading, Paragraph
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


def test_two_notes_on_one_word_print_as_one_comma_two() -> None:
    first = pages("fr")[0]
    assert "multidimensionnelle ».1, 2" in first.replace(" 1, 2", "1, 2")


def test_no_heading_is_left_alone_at_the_bottom_of_a_page() -> None:
    elements = build_document(model_plan(), "fr").elements
    texts = pages("fr")
    checked = page = 0
    for heading, after in itertools.pairwise(elements):
        if not isinstance(heading, Heading):
            continue
        # The headings come in order: each is looked for from the page of the one before.
        page = next(n for n in range(page, len(texts)) if heading.text.upper() in texts[n].upper())
        if isinstance(after, Paragraph):
            start = "".join(s.text for s in after.spans if not s.note)[:30]
            assert start in texts[page], (heading.text, start)
            checked += 1
    assert checked >= 8

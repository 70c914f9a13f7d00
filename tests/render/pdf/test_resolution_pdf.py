"""The resolution as PDF, in the four languages: it opens and reads as the draft."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from comitia.render.formats import output_format
from tests.render.resolutions import draft, illustrative_plan

OPENINGS = {
    "fr": ("PROJET DE RÉSOLUTION", "L’ASSEMBLÉE GÉNÉRALE,", "DÉCIDE :", "(Convenu ad referendum)"),
    "en": ("DRAFT RESOLUTION", "THE GENERAL ASSEMBLY,", "RESOLVES:", "(Agreed ad referendum)"),
    "es": (
        "PROYECTO DE RESOLUCIÓN",
        "LA ASAMBLEA GENERAL,",
        "RESUELVE:",
        "(Acordado ad referéndum)",
    ),
    "pt": ("PROJETO DE RESOLUÇÃO", "A ASSEMBLEIA GERAL,", "RESOLVE:", "(Acordado ad referendum)"),
}


def pdf_text(data: bytes) -> str:
    return " ".join(
        " ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(data)).pages
    )


@pytest.mark.parametrize("lang", sorted(OPENINGS))
def test_the_draft_pdf_holds_its_fixed_words_statuses_and_footnote(lang: str) -> None:
    data = output_format("pdf").render_resolution(illustrative_plan(), lang)
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    for words in OPENINGS[lang]:
        assert words in text, words
    assert "CP/CSH-2030/20 rev. 2" in text


def test_the_comparison_pdf_shows_both_versions_of_a_changed_passage() -> None:
    data = output_format("pdf").render_resolution(illustrative_plan(2), "en", earlier=draft(1))
    text = pdf_text(data)
    assert "Permanent Council" in text and "Committee on Hemispheric Security" in text
    assert "Changes from CP/CSH-2030/20 rev. 1" in text

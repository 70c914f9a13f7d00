"""The resolution as HTML: numbered paragraphs, and a comparison as <ins> and <del>."""

from __future__ import annotations

import re

import pytest

from comitia.render.formats import output_format
from tests.render.resolutions import draft, illustrative_plan


@pytest.mark.parametrize(
    ("lang", "status"),
    [("fr", "(Convenu ad referendum)"), ("es", "(Acordado ad referéndum)")],
)
def test_the_draft_page_holds_its_paragraphs_and_statuses(lang: str, status: str) -> None:
    page = output_format("html").render_resolution(illustrative_plan(), lang).decode()
    assert f'<html lang="{lang}">' in page
    assert page.count('<p class="clause">') == 5
    assert '<span class="clause-number">2 bis.\t</span>' in page
    assert f"<em>{status}</em>" in page
    assert "<ins>" not in page and "<del>" not in page


def test_content_printed_in_its_original_language_is_marked_with_it() -> None:
    # The subject of paragraph 2 bis is written in English and French only.
    page = output_format("html").render_resolution(illustrative_plan(), "es").decode()
    assert '<span lang="en" class="original">Cooperation with' in page
    page = output_format("html").render_resolution(illustrative_plan(), "fr").decode()
    assert "Coopération avec l’Organisation interaméricaine de défense" in page


def test_a_comparison_marks_insertions_and_deletions() -> None:
    page = (
        output_format("html")
        .render_resolution(illustrative_plan(2), "en", earlier=draft(1))
        .decode()
    )
    assert "<del>Permanent Council </del><ins>Committee on Hemispheric Security </ins>" in page
    assert re.search(r"<del><em>\(Proposed\)</em></del><ins><em>\(Agreed ad referendum\)", page)

"""The HTML document: one page, escaped content, notes, language marks."""

from __future__ import annotations

import functools
import html
import re

from comitia.plan.fields import Text
from comitia.render.document import build_document
from comitia.render.html import render
from comitia.render.html.writer import render_article
from tests.render.model import FIRST_MEETING, MOVED_NOTE, model_plan


@functools.cache
def page(lang: str) -> str:
    return render(model_plan(), lang).decode("utf-8")


def visible_text(markup: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", markup)))


def test_the_page_is_a_whole_html_document_in_the_language_asked_for() -> None:
    markup = page("es")
    assert markup.startswith("<!DOCTYPE html>")
    assert '<html lang="es">' in markup
    assert "@page" in markup  # the print styles WeasyPrint uses


def test_meetings_and_notes_are_in_the_page() -> None:
    text = visible_text(page("fr"))
    assert FIRST_MEETING["fr"] in text
    assert MOVED_NOTE["fr"] in text


def test_untranslated_content_is_marked_with_its_language() -> None:
    assert '<span lang="fr" class="original">Élection de la première' in page("en")
    assert 'class="original"' not in page("fr")


def test_content_is_escaped() -> None:
    plan = model_plan()
    meeting = plan.meetings[0].model_copy(update={"title": Text.of("fr", "<script>x</script>")})
    article = render_article(build_document(plan.model_copy(update={"meetings": [meeting]}), "fr"))
    assert "<script>" not in article
    assert "&lt;script&gt;x&lt;/script&gt;" in article


def test_every_note_call_links_to_its_note() -> None:
    markup = page("fr")
    calls = re.findall(r'href="#note-(\d+)"', markup)
    notes = re.findall(r'<li id="note-(\d+)"', markup)
    assert calls == notes
    assert calls == [str(n) for n in range(1, len(calls) + 1)]

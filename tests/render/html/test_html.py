"""The HTML document: one page, escaped content, notes, language marks."""

from __future__ import annotations

import functools
import html
import re
from html.parser import HTMLParser
from typing import ClassVar

from comitia.plan.fields import Text
from comitia.render.document import build_document
from comitia.render.html import render
from comitia.render.html.writer import marker, render_article, render_page
from tests.render.model import FIRST_MEETING, MOVED_NOTE, french_model_plan, model_plan


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


class _Languages(HTMLParser):
    """Each run of text of a page with the language in force there (the nearest ``lang``)."""

    VOID: ClassVar[set[str]] = {"meta", "br", "hr", "img", "link", "input"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, str | None]] = []
        self.runs: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            lang = dict(attrs).get("lang") or (self.stack[-1][1] if self.stack else None)
            self.stack.append((tag, lang))

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        if data.strip() and self.stack and self.stack[-1][0] not in {"style", "title"}:
            self.runs.append((data.strip(), self.stack[-1][1] or ""))


def languages(markup: str) -> dict[str, set[str]]:
    parser = _Languages()
    parser.feed(markup)
    found: dict[str, set[str]] = {}
    for text, lang in parser.runs:
        for line in text.split("\n"):
            found.setdefault(line, set()).add(lang)
    return found


def french_page(lang: str) -> str:
    """The page of the model plan as the OAS wrote it, in French alone."""
    return render(french_model_plan(), lang).decode("utf-8")


def test_untranslated_content_is_marked_with_its_language() -> None:
    document = build_document(french_model_plan(), "en")
    marked = languages(french_page("en"))
    # Every one is marked wherever it is printed, inside a sentence of the document's language
    # too (the budget's resolution titles, the names in the introduction).
    assert len(document.untranslated) > 200
    for original, text in document.untranslated:
        assert marked[text] == {original}, text
    assert marked["Thursday, October 24, 2019"] == {"en"}
    assert marked["Texts awaiting translation"] == {"en"}
    assert 'class="original"' not in page("fr")


def test_an_untranslated_title_inside_a_sentence_is_marked_alone() -> None:
    title = "Approbation de la répartition des ressources par sous-programme pour 2020"
    sentence = next(line for line in french_page("en").splitlines() if title in line)
    assert sentence.startswith('<p class="body">By resolution CP/RES. 1138/19 “<span lang="fr"')
    assert languages(sentence)["By resolution CP/RES. 1138/19 “"] == {""}  # the page's language


def test_a_list_of_texts_in_one_original_language_is_marked_once() -> None:
    markup = french_page("en")
    assert '<ul class="original" lang="fr">\n<li>Élection de la première' in markup


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


class _ListDepths(HTMLParser):
    """The own text of each list item (not its sublists') and how many lists enclose it."""

    def __init__(self) -> None:
        super().__init__()
        self.lists = 0
        self.open: list[tuple[list[str], int]] = []  # each open <li>: its text, its depth
        self.depths: dict[str, int] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"ul", "ol"}:
            self.lists += 1
        elif tag == "li":
            self.open.append(([], self.lists))

    def handle_endtag(self, tag: str) -> None:
        if tag in {"ul", "ol"}:
            self.lists -= 1
        elif tag == "li":
            parts, depth = self.open.pop()
            text = " ".join("".join(parts).split())
            if text:
                self.depths[text] = depth

    def handle_data(self, data: str) -> None:
        if self.open:
            self.open[-1][0].append(data)


def list_depths(markup: str) -> dict[str, int]:
    """Each list item's text and its depth: 1 in an outermost list, 2 in a list inside it..."""
    parser = _ListDepths()
    parser.feed(markup)
    return parser.depths


def meeting_row(markup: str, date_line: str) -> str:
    """The calendar row of the meeting whose date line starts with ``date_line``."""
    start = markup.index(f"<strong>{date_line}</strong>")
    return markup[markup.rindex("<tr", 0, start) : markup.index("</tr>", start)]


def test_an_item_after_a_thematic_area_is_printed_back_at_the_outer_level() -> None:
    # Both meetings list the area's topics, then a top-level item that is in no area.
    april = list_depths(meeting_row(page("fr"), "Mardi 14 avril 2020"))
    assert april == {
        "Les Amériques en tant que zone de paix": 2,
        "Réunion avec la Commission de consolidation de la paix des Nations Unies, "
        "paragraphe 7. Point de l’ordre du jour en suspens": 3,
        "Examen du projet de résolution destiné à l’Assemblée générale": 1,
    }
    may = list_depths(meeting_row(page("fr"), "Mardi 19 mai 2020"))
    assert may == {
        "Exposé du SMM sur l’élaboration de la Stratégie nationale modèle sur la protection "
        "des infrastructures essentielles en cas de catastrophes naturelles, paragraphe 83": 2,
        "Examen du projet de résolution destiné à l’Assemblée générale.": 1,
    }


def test_the_page_for_print_numbers_and_bullets_items_as_a_browser_does() -> None:
    assert [marker(True, 0, n) for n in (1, 2, 10)] == ["1.", "2.", "10."]
    assert [marker(True, 1, n) for n in (1, 2, 26, 27)] == ["a.", "b.", "z.", "aa."]
    assert [marker(True, depth, 4) for depth in (2, 3)] == ["iv.", "iv."]
    assert marker(True, 2, 1994) == "mcmxciv."
    assert [marker(False, depth, 1) for depth in range(4)] == [
        "\u2022",
        "\u25e6",
        "\u25aa",
        "\u25aa",
    ]


def test_the_page_for_print_writes_markers_as_text_and_no_language_below_the_document() -> None:
    markup = render_page(build_document(model_plan(), "en"), for_print=True)
    body = markup[markup.index("<body>") :]
    assert body.count("lang=") == 1  # the article's, the document's language
    assert (
        '<li><span class="number">1.&nbsp;</span><strong>From the Forty-ninth Regular Session of '
        "2019</strong>" in body
    )
    assert "<li>\u2022&nbsp;" in body
    # The text is the web page's text.
    assert visible_text(body.replace("&nbsp;", " ")).count("Réunion") == visible_text(
        page("en")
    ).count("Réunion")


def test_two_note_calls_in_a_row_are_separated() -> None:
    markup = page("fr")
    mandate = markup[markup.index("une approche multidimensionnelle") :]
    mandate = mandate[: mandate.index("</li>")]
    calls = re.findall(r'class="(note-call|note-separator)"', mandate)
    assert calls == ["note-call", "note-separator", "note-call"]
    assert '<span class="note-separator">, </span>' in mandate


def test_the_print_styles_keep_headings_and_year_rows_with_what_follows() -> None:
    markup = render_page(build_document(model_plan(), "fr"), for_print=True)
    print_css = markup[markup.index("@media print") :]
    kept = re.search(r"\.work-plan h2, \.work-plan h3([^{]*)\{[^}]*break-after: avoid", print_css)
    assert kept is not None and "p.lead" in kept[1]
    assert '<p class="lead">' in markup
    assert re.search(r"\.work-plan tr\.group \{[^}]*break-after: avoid", print_css)

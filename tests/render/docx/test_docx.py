"""The DOCX document of the model plan, read back with python-docx, in the four languages."""

from __future__ import annotations

import datetime as dt
import functools
import io
import re

import docx
import pytest
from babel.dates import get_month_names

from comitia.dates import format_day
from comitia.render.document import build_document
from comitia.render.document.derive import held_meetings
from comitia.render.docx import render
from comitia.render.docx.writer import footnote_texts, write_docx
from tests.render.model import (
    AFTERNOON_MEETING,
    BUDGET,
    COUNTS,
    FIRST_MEETING,
    MOVED,
    MOVED_NOTE,
    budget_table,
    french_model_plan,
    model_plan,
    plan_tables,
)

LANGUAGES = ["fr", "en", "es", "pt"]
W = "{" + docx.oxml.ns.nsmap["w"] + "}"  # an element name in Clark notation


@functools.cache
def rendered(lang: str) -> bytes:
    return render(model_plan(), lang)


def read(lang: str) -> docx.document.Document:
    return docx.Document(io.BytesIO(rendered(lang)))


def all_text(document: docx.document.Document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                parts.extend(p.text for p in cell.paragraphs)
    return "\n".join(parts)


def term_days() -> list[dt.date]:
    plan = model_plan()
    days = (plan.term.end - plan.term.start).days + 1
    return [plan.term.start + dt.timedelta(n) for n in range(days)]


def calendar_meeting_dates(document: docx.document.Document, lang: str) -> list[dt.date]:
    """The dates of the meetings printed in the calendar table, read from its date lines."""
    by_text = {}
    for day in term_days():
        text = format_day(day, lang, weekday=True)
        by_text[text[:1].upper() + text[1:]] = day
    dates = []
    for row in plan_tables(document)[0].rows:
        first = row.cells[0].paragraphs[0]
        if first.style.name == "Comitia Meeting":
            printed = first.text.split(" (")[0]
            dates.append(by_text[printed])
    return dates


def summary_meeting_dates(document: docx.document.Document, lang: str) -> list[dt.date]:
    """The dates of the committee's meetings in the summary: its entries not in italics."""
    months = {
        str(name).upper(): number
        for number, name in get_month_names("wide", context="stand-alone", locale=lang).items()
    }
    year = month = 0
    dates = []
    for row in plan_tables(document)[1].rows:
        label = row.cells[0].text.strip()
        if re.fullmatch(r"\d{4}", label):
            year = int(label)
        elif label in months:
            month = months[label]
        else:
            runs = [run for p in row.cells[1].paragraphs for run in p.runs if run.text.strip()]
            if any(run.italic for run in runs):
                continue  # another body's activity
            day = dt.date(year, month, int(label.split()[0]))
            if day not in {h.date for h in model_plan().non_meeting_days}:
                dates.append(day)
    return dates


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_committee_meeting_is_printed_with_its_weekday_date_and_time(lang: str) -> None:
    text = all_text(read(lang))
    assert FIRST_MEETING[lang] in text
    assert AFTERNOON_MEETING[lang] in text
    assert calendar_meeting_dates(read(lang), lang) == [m.date for m in held_meetings(model_plan())]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_moved_meeting_has_a_footnote_saying_when_it_was_first_scheduled(lang: str) -> None:
    notes = footnote_texts(rendered(lang))
    assert MOVED_NOTE[lang] in notes
    moved_notes = [n for n in notes if n.startswith(MOVED_NOTE[lang].split(" 30")[0][:20])]
    assert len(moved_notes) == len(MOVED)
    for earlier in MOVED.values():
        assert any(format_day(earlier, lang) in note for note in moved_notes)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_summary_matches_the_calendar_meeting_for_meeting(lang: str) -> None:
    document = read(lang)
    assert summary_meeting_dates(document, lang) == calendar_meeting_dates(document, lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_budget_figures_and_their_difference_are_printed_in_figures_and_words(
    lang: str,
) -> None:
    text = all_text(read(lang))
    for expected in BUDGET[lang]:
        assert expected in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_introduction_counts_the_meetings_by_kind(lang: str) -> None:
    assert COUNTS[lang] in all_text(read(lang))


def test_the_document_uses_word_headings_lists_and_a_page_number_field() -> None:
    document = read("fr")
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[:5] == [
        "1. Introduction",
        "2. Bureau",
        "3. Mandats",
        "4. Méthodologie",
        "5. Considérations générales",
    ]
    # The budget is the methodology's fourth part, as in the model document.
    subheadings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert "4.4 Budget pour la période 2019-2020" in subheadings
    numbered = [
        p for p in document.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None
    ]
    assert len(numbered) > 20
    footer = document.sections[0].footer._element.xml
    assert 'w:instr="PAGE"' in footer
    # The budget table, the calendar and the summary.
    assert len(document.tables) == 3


def test_the_calendar_is_one_table_of_two_columns_with_a_header_row_repeated() -> None:
    calendar = plan_tables(read("fr"))[0]
    assert len(calendar.columns) == 2
    assert calendar.rows[0].cells[0].text == "Activités de la Commission"
    assert "<w:tblHeader" in calendar.rows[0]._tr.xml


def test_an_activity_on_the_day_of_a_meeting_shares_its_row() -> None:
    calendar = plan_tables(read("fr"))[0]
    row = next(r for r in calendar.rows if r.cells[0].text.startswith("Jeudi 2 avril 2020"))
    assert "Réunion préparatoire du Comité consultatif" in row.cells[1].text


def french_only(lang: str) -> docx.document.Document:
    """The document of the model plan as the OAS wrote it, in French alone."""
    return docx.Document(io.BytesIO(render(french_model_plan(), lang)))


def test_content_without_translation_is_printed_in_the_original_and_listed_at_the_end() -> None:
    french = all_text(french_only("fr"))
    english = all_text(french_only("en"))
    assert "Texts awaiting translation" in english
    assert "Textes en attente de traduction" not in french
    title = "Élection de la première, deuxième et troisième Vice-présidences de la CSH"
    assert english.count(title) == 2  # in the calendar, then in the list


def test_a_translated_text_is_printed_in_the_document_language_and_not_listed() -> None:
    plan = model_plan()
    first = plan.meetings[0]
    item = first.agenda[0].model_copy(
        update={
            "title": first.agenda[0].title.model_validate(  # type: ignore[union-attr]
                {"fr": first.agenda[0].title["fr"], "en": "Election of the vice-chairs"}  # type: ignore[index]
            )
        }
    )
    meeting = first.model_copy(update={"agenda": [item, *first.agenda[1:]]})
    translated = plan.model_copy(update={"meetings": [meeting, *plan.meetings[1:]]})
    document = docx.Document(io.BytesIO(write_docx(build_document(translated, "en"))))
    text = all_text(document)
    assert "Election of the vice-chairs" in text
    assert "Élection de la première, deuxième et troisième Vice-présidences" not in text


def test_agenda_paragraphs_say_their_kind_and_their_depth_in_the_tree() -> None:
    # 14 April 2020: an area, its topic and the topic's item, then an item outside any area.
    document = read("fr")
    cell = next(
        row.cells[0]
        for row in plan_tables(document)[0].rows
        if row.cells[0].paragraphs[0].text.startswith("Mardi 14 avril 2020")
    )
    shape = []
    for paragraph in cell.paragraphs[1:]:
        level = paragraph._p.find(".//" + docx.oxml.ns.qn("w:ilvl"))
        depth = None if level is None else int(level.get(docx.oxml.ns.qn("w:val")))
        shape.append((paragraph.style.name, depth))
    assert shape == [
        ("Comitia Area", None),
        ("Comitia Agenda Topic", 1),
        ("Comitia Agenda Item", 2),
        ("Comitia Agenda Item", 0),
    ]


@pytest.mark.parametrize("lang", ["en", "es", "pt"])
def test_the_translated_model_plan_prints_no_french_and_no_annex_of_texts_awaiting_translation(
    lang: str,
) -> None:
    text = all_text(read(lang))
    assert build_document(model_plan(), lang).untranslated == ()
    for french in (
        "Texts awaiting translation",
        "Textos pendientes",
        "Conseil permanent",
        "Commission sur la sécurité continentale",
        "Exposé du SSM",
        "Réunion",
    ):
        assert french not in text
    assert "Casa del Soldado" in text  # a proper name, the same in every language


def test_rows_of_the_texts_awaiting_translation_are_never_split_across_pages() -> None:
    document = french_only("en")
    header, *entries = (row._tr for row in document.tables[-1].rows)
    assert document.tables[-1].rows[0].cells[1].text == "Text"
    assert len(entries) > 10
    assert header.find(f"{W}trPr/{W}tblHeader") is not None
    for tr in (header, *entries):
        assert tr.find(f"{W}trPr/{W}cantSplit") is not None
    # A calendar row can be longer than a page: Word may split it.
    calendar = plan_tables(document)[0]
    assert any(row._tr.find(f"{W}trPr/{W}cantSplit") is None for row in calendar.rows)


@pytest.mark.parametrize(
    ("lang", "first_row"),
    [
        ("fr", ["2019", "US$ 126\u202f200", "US$ 14\u202f400", "US$ 111\u202f800"]),
        ("en", ["2019", "US$126,200", "US$14,400", "US$111,800"]),
        ("es", ["2019", "US$126.200", "US$14.400", "US$111.800"]),
        ("pt", ["2019", "US$126.200", "US$14.400", "US$111.800"]),
    ],
)
def test_the_budget_table_reads_back_with_its_periods_and_balances(
    lang: str, first_row: list[str]
) -> None:
    rows = [[cell.text for cell in row.cells] for row in budget_table(read(lang)).rows]
    header, *periods = rows
    assert len(header) == 4
    assert periods[0] == first_row
    # October to December 2019, then 2020 and its two semesters (no appropriation of their own).
    assert [len(periods), periods[3][1], periods[4][3]] == [5, "—", "—"]
    amount = re.compile(r"[^\d]")
    for _, appropriation, planned, balance in periods:
        if appropriation != "—":
            figures = [int(amount.sub("", value)) for value in (appropriation, planned, balance)]
            assert figures[0] - figures[1] == figures[2]


def test_two_notes_on_one_word_are_separated_by_a_superscript_comma() -> None:
    document = read("fr")
    mandate = next(p for p in document.paragraphs if "une approche multidimensionnelle" in p.text)
    runs = [r for r in mandate._p.iter(f"{W}r") if r.find(f"{W}rPr/{W}rStyle") is not None]
    calls = [
        "ref" if r.find(f"{W}footnoteReference") is not None else r.findtext(f"{W}t") for r in runs
    ]
    assert calls == ["ref", ", ", "ref"]
    assert runs[1].find(f"{W}rPr/{W}rStyle").get(f"{W}val") == "FootnoteReference"


def test_headings_and_the_year_and_month_rows_keep_with_the_next_paragraph() -> None:
    document = read("fr")
    for name in ("Heading 1", "Heading 2"):
        assert document.styles[name].paragraph_format.keep_with_next is True
    calendar, summary = plan_tables(document)[:2]
    for table in (calendar, summary):
        groups = [r for r in table.rows if r.cells[0].text in {"2019", "2020", "JANVIER"}]
        assert groups
        for row in groups:
            assert all(p.paragraph_format.keep_with_next for p in row.cells[0].paragraphs)
    # A meeting's row does not: it would take the next row with it and leave half pages empty.
    meeting = next(r for r in calendar.rows if r.cells[0].text.startswith("Jeudi 24 octobre"))
    assert not any(p.paragraph_format.keep_with_next for p in meeting.cells[0].paragraphs)


def test_a_reminders_title_keeps_with_its_requests() -> None:
    document = read("fr")
    title = next(p for p in document.paragraphs if "Registre des mines terrestres" in p.text)
    assert title.style.name == "Comitia Lead"
    assert title.style.paragraph_format.keep_with_next is True

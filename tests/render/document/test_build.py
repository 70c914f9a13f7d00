"""The document model: sections, derived figures and notes, without any output format."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from comitia.dates import Precision, format_day
from comitia.plan.entities import MandateGroup, MeetingKind, MeetingStatus
from comitia.render.document import UnknownLanguage, build_document
from comitia.render.document.blocks import (
    Heading,
    ItemList,
    Paragraph,
    RowKind,
    Span,
    Table,
    TableKind,
)
from comitia.render.document.build import excerpt
from comitia.render.document.derive import (
    activities_to_confirm,
    dated_activities,
    half_and_full_days,
    is_full_day,
    meetings_by_kind,
    meetings_within,
    yearly_differences,
)
from comitia.render.document.i18n import amount_in_words, format_time, session_ordinal
from tests.factories import build_plan
from tests.render.model import french_model_plan, model_plan


def texts(lang: str, plan: object = None) -> list[str]:
    document = build_document(plan or model_plan(), lang)  # type: ignore[arg-type]
    out = []
    for element in document.elements:
        if isinstance(element, Heading):
            out.append(element.text)
        elif isinstance(element, Paragraph):
            out.append("".join(s.text for s in element.spans if not s.note))
    return out


def notes(plan: object, lang: str = "fr") -> list[str]:
    document = build_document(plan, lang)  # type: ignore[arg-type]
    found: list[str] = []

    def walk(spans: tuple[Span, ...]) -> None:
        found.extend(s.text for s in spans if s.note)

    for element in document.elements:
        if isinstance(element, Table):
            for row in element.rows:
                for cell in row.cells:
                    for block in cell:
                        if isinstance(block, Paragraph):
                            walk(block.spans)
    return found


def test_the_sections_follow_the_model_document() -> None:
    headings = [t for t in texts("fr") if t[:2] in {"1.", "2.", "3.", "4.", "5.", "6."}]
    assert headings == [
        "1. Introduction",
        "2. Bureau",
        "3. Mandats",
        "4. Méthodologie",
        "4.1 Préparation d’événements ayant trait aux mandats",
        "4.2 Suivi de questions faisant l’objet d’un mandat",
        "4.3 Négociation du projet de résolution omnibus",
        "4.4 Budget pour la période 2019-2020",
        "5. Considérations générales",
    ]
    rest = texts("fr")
    for title in (
        "Annexe – Calendrier des activités 2019-2020",
        "Résumé des réunions programmées pour 2019-2020",
        "Activités dont la date doit être confirmée",
        "Rappels des rapports sur des thèmes relevant de la sécurité continentale",
    ):
        assert title in rest


def test_counts_leave_cancelled_meetings_out() -> None:
    plan = model_plan()
    cancelled = plan.meetings[0].model_copy(update={"status": MeetingStatus.CANCELLED})
    changed = plan.model_copy(update={"meetings": [cancelled, *plan.meetings[1:]]})
    assert meetings_by_kind(plan)[MeetingKind.REGULAR] == 16
    assert meetings_by_kind(changed)[MeetingKind.REGULAR] == 15
    assert "(annulée)" in " ".join(
        s.text
        for e in build_document(changed, "fr").elements
        if isinstance(e, Table)
        for r in e.rows
        for c in r.cells
        for b in c
        if isinstance(b, Paragraph)
        for s in b.spans
    )


def test_may_has_three_half_day_and_two_full_day_meetings_derived_from_their_times() -> None:
    plan = model_plan()
    milestone = next(m for m in plan.negotiation.milestones if m.kind == "formal_review")  # type: ignore[union-attr]
    assert milestone.when is not None
    may = meetings_within(plan, milestone.when)
    assert half_and_full_days(may) == (3, 2)
    assert [is_full_day(m) for m in may] == [False, False, False, True, True]
    assert any(
        "3 réunions d’une demi-journée et 2 réunions de toute la journée" in t for t in texts("fr")
    )


def test_an_afternoon_meeting_is_a_half_day() -> None:
    afternoon = next(m for m in model_plan().meetings if m.date == dt.date(2020, 4, 14))
    assert not is_full_day(afternoon)


def test_the_budget_difference_is_derived_from_the_two_years() -> None:
    (difference,) = yearly_differences(model_plan())
    assert difference.change == Decimal(-21200)
    assert difference.previous.id == "budget-2019"


def test_a_meeting_moved_twice_says_both_earlier_dates() -> None:
    plan = model_plan()
    meeting = next(m for m in plan.meetings if m.id == "csh-2020-02-20")
    twice = meeting.model_copy(
        update={"previous_dates": [dt.date(2020, 1, 30), dt.date(2020, 2, 6)]}
    )
    changed = plan.model_copy(
        update={"meetings": [twice if m.id == meeting.id else m for m in plan.meetings]}
    )
    assert (
        "Cette réunion était initialement programmée pour le 30 janvier 2020 ; elle a ensuite "
        "été reportée au 6 février 2020." in notes(changed)
    )


def test_activities_dated_by_a_year_only_wait_for_their_date() -> None:
    waiting = [a.id for a in activities_to_confirm(model_plan())]
    assert waiting == ["cmda-xix", "points-contact-cto-2", "cifta-conference-etats-parties-v"]


@pytest.mark.parametrize(
    ("lang", "value", "words"),
    [
        ("fr", "126200", "cent vingt-six mille deux cents"),
        ("es", "21200", "veintiún mil doscientos"),
        ("es", "21", "veintiún"),
        ("es", "1", "un"),
        ("en", "1500.50", "one thousand five hundred 50/100"),
        ("pt", "105000", "cento e cinco mil"),
        # Brazilian, not European, Portuguese: "dezessete", not "dezassete".
        ("pt", "16", "dezesseis"),
        ("pt", "17", "dezessete"),
        ("pt", "19", "dezenove"),
    ],
)
def test_amounts_in_words(lang: str, value: str, words: str) -> None:
    assert amount_in_words(Decimal(value), lang) == words


def test_the_portuguese_budget_writes_amounts_in_brazilian_portuguese() -> None:
    plan = model_plan()
    first, *others = plan.appropriations
    plan = plan.model_copy(
        update={"appropriations": [first.model_copy(update={"amount": Decimal(16019)}), *others]}
    )
    budget = " ".join(t for t in texts("pt", plan) if "dólares" in t)
    # 16 019 set here; 17 000 is the model plan's appropriation for October to December 2019.
    assert "(dezesseis mil e dezenove dólares)" in budget
    assert "(dezessete mil dólares)" in budget
    assert not any(european in budget for european in ("dezass", "dezan"))


@pytest.mark.parametrize(
    ("lang", "text"),
    [("fr", "14 h 30"), ("en", "2:30 p.m."), ("es", "2:30 p.m."), ("pt", "14h30")],
)
def test_times_are_written_the_way_each_language_writes_them(lang: str, text: str) -> None:
    assert format_time(dt.time(14, 30), lang) == text


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(UnknownLanguage):
        build_document(model_plan(), "de")


@pytest.mark.parametrize("size", [1, 5])
def test_any_valid_plan_builds_in_every_language(size: int) -> None:
    plan = build_plan(size)
    for lang in ("fr", "en", "es", "pt"):
        assert build_document(plan, lang).elements


def test_requested_events_are_listed_in_date_order_with_the_date_of_their_meeting() -> None:
    plan = model_plan()
    reversed_plan = plan.model_copy(update={"requested_events": plan.requested_events[::-1]})
    document = build_document(reversed_plan, "fr")
    lists = [e for e in document.elements if isinstance(e, ItemList) and e.ordered]
    events = next(lst for lst in lists if "MISPA-VII" in lst.items[0].spans[0].text)
    dates = [item.spans[-1].text for item in events.items]
    assert dates[0] == "; 30 et 31 octobre 2019"
    # Held on 30 April although first proposed for 16 April: the meeting's date is printed.
    assert dates[-1] == "; 30 avril 2020"


def test_a_provisional_activity_keeps_its_mark_in_the_summary() -> None:
    document = build_document(model_plan(), "fr")
    summary = next(e for e in document.elements if isinstance(e, Table) and e.kind == "summary")
    texts = [
        "".join(s.text for b in row.cells[1] if isinstance(b, Paragraph) for s in b.spans)
        for row in summary.rows
    ]
    assert any(
        t.startswith("Réunion préparatoire du Comité consultatif")
        and t.endswith("(date provisoire)")
        for t in texts
    )


def awaiting_translation(lang: str) -> Table:
    document = build_document(french_model_plan(), lang)
    (table,) = (e for e in document.elements if isinstance(e, Table) and e.kind == "untranslated")
    return table


def cell_lines(cell: tuple[object, ...]) -> list[str]:
    """The lines of a cell: its paragraphs, each cut at its line breaks."""
    paragraphs = ["".join(s.text for s in b.spans) for b in cell if isinstance(b, Paragraph)]
    return [line for text in paragraphs for line in text.split("\n")]


def test_every_untranslated_text_has_one_line_in_the_annex_with_where_it_first_appears() -> None:
    document = build_document(french_model_plan(), "en")
    header, *rows = awaiting_translation("en").rows
    assert cell_lines(header.cells[0]) == ["Place in the document"]
    lines = [line for row in rows for line in cell_lines(row.cells[1])]
    assert len(lines) == len(document.untranslated) > 200
    for (_lang, text), line in zip(document.untranslated, lines, strict=True):
        assert line == text or (line.endswith("…") and text.startswith(line[:-1]))
    places = [cell_lines(row.cells[0]) for row in rows]
    first_meeting = places.index(["Thursday, October 24, 2019"])
    # The calendar's heading stands once, on its first row (an activity two days earlier).
    assert places[first_meeting - 1] == [
        "Annex – Calendar of activities 2019-2020",
        "October 22, 2019",
    ]
    assert (
        "Élection de la première, deuxième et troisième Vice-présidences de la CSH"
        in cell_lines(rows[first_meeting].cells[1])
    )


def test_the_annex_writes_each_section_once_and_marks_texts_with_their_language() -> None:
    _header, *rows = awaiting_translation("en").rows
    sections = [
        b.spans[0].text
        for row in rows
        for b in row.cells[0]
        if b.spans[0].bold  # type: ignore[union-attr]
    ]
    assert len(sections) == len(set(sections))
    assert all(
        s.lang == "fr"
        for row in rows
        for b in row.cells[1]
        for s in b.spans  # type: ignore[union-attr]
    )


def test_a_translated_document_has_no_annex_of_texts_awaiting_translation() -> None:
    document = build_document(model_plan(), "fr")
    assert document.untranslated == ()
    assert not any(isinstance(e, Table) and e.kind == "untranslated" for e in document.elements)


@pytest.mark.parametrize(
    ("text", "length", "expected"),
    [
        ("Short text", 80, "Short text"),
        ("Two  spaces\nand a line", 80, "Two spaces and a line"),
        ("Revue et perspectives en matière de sécurité", 30, "Revue et perspectives en…"),
        ("Revue, perspectives: sécurité", 22, "Revue, perspectives…"),
        ("Anticonstitutionnellement", 10, "Anticonst…"),
    ],
)
def test_an_excerpt_is_one_line_cut_at_a_word(text: str, length: int, expected: str) -> None:
    assert excerpt(text, length) == expected
    assert len(excerpt(text, length)) <= length


def mandate_headings(plan: object, lang: str) -> list[str]:
    """The group headings of the list of mandates (its items at the first level)."""
    document = build_document(plan, lang)  # type: ignore[arg-type]
    lists = [e for e in document.elements if isinstance(e, ItemList) and e.ordered]
    mandates = next(lst for lst in lists if lst.items[0].spans[0].bold)
    return [item.spans[0].text for item in mandates.items if item.level == 0]


@pytest.mark.parametrize(
    ("lang", "heading"),
    [
        ("fr", "De la Quarante-neuvième Session ordinaire de l’année 2019"),
        ("en", "From the Forty-ninth Regular Session of 2019"),
        ("es", "Del Cuadragésimo noveno Período Ordinario de Sesiones de 2019"),
        ("pt", "Do Quadragésimo nono Período Ordinário de Sessões de 2019"),
    ],
)
def test_the_general_assemblys_mandates_are_headed_by_the_session_of_their_resolution(
    lang: str, heading: str
) -> None:
    assert mandate_headings(model_plan(), lang)[0] == heading


def test_mandates_of_two_sessions_have_a_heading_each_and_one_without_a_session_the_assemblys() -> (
    None
):
    plan = model_plan()
    first = next(m for m in plan.mandates if m.group is MandateGroup.GENERAL_ASSEMBLY)
    special = first.model_copy(
        update={"id": "ag-res-1-lii", "source": "AG/RES. 1 (LII-E/18)", "resolution": None}
    )
    unknown = first.model_copy(
        update={"id": "ag-doc", "source": "AG/doc.5667/19 rev. 1", "resolution": None}
    )
    changed = plan.model_copy(update={"mandates": [first, special, unknown, *plan.mandates[1:]]})
    assert mandate_headings(changed, "fr")[:3] == [
        "De la Quarante-neuvième Session ordinaire de l’année 2019",
        "De la Cinquante-deuxième Session extraordinaire de l’année 2018",
        "De l’Assemblée générale",
    ]


@pytest.mark.parametrize(
    ("lang", "number", "words"),
    [
        ("fr", 49, "Quarante-neuvième"),
        ("fr", 1, "Première"),  # la session
        ("fr", 80, "Quatre-vingtième"),
        ("en", 53, "Fifty-third"),
        ("es", 49, "Cuadragésimo noveno"),
        ("es", 10, "Décimo"),
        ("pt", 49, "Quadragésimo nono"),
    ],
)
def test_a_sessions_ordinal_is_written_in_words(lang: str, number: int, words: str) -> None:
    assert session_ordinal(number, lang) == words


def calendar_rows(plan: object, lang: str = "fr") -> list[tuple[str, list[str]]]:
    """The calendar's entry rows: the text of the meeting's cell, the activities' paragraphs."""
    document = build_document(plan, lang)  # type: ignore[arg-type]
    table = next(
        e for e in document.elements if isinstance(e, Table) and e.kind is TableKind.CALENDAR
    )

    def text(block: object) -> str:
        return "".join(s.text for s in getattr(block, "spans", ()) if not s.note)

    return [
        (" ".join(text(b) for b in row.cells[0]), [text(b) for b in row.cells[1]])
        for row in table.rows
        if row.kind is RowKind.ENTRY
    ]


def test_a_days_meeting_and_that_days_activities_share_one_row_as_in_the_model() -> None:
    plan = model_plan()
    meeting_days = {m.date for m in plan.meetings}
    rows = calendar_rows(plan)
    for activity in dated_activities(plan):
        day = activity.when.first_day
        title = activity.title["fr"]  # type: ignore[index]
        when = activity.when.format("fr")
        (row,) = [r for r in rows if any(a.startswith(when) and title in a for a in r[1])]
        paired = day in meeting_days and activity.when.precision is not Precision.MONTH
        # Beside the meeting of its day, else in a row of its own whose meeting cell is empty.
        assert row[0].startswith(format_day(day, "fr", weekday=True).capitalize()) is paired, title
        assert (row[0] == "") is not paired, title
    # The model's days: 2 April, with the preparatory meeting of the CIFTA's committee.
    april = next(r for r in rows if r[0].startswith("Jeudi 2 avril 2020"))
    assert len(april[1]) == 1 and "Réunion préparatoire" in april[1][0]

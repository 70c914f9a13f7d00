"""Earlier dates of meetings, read from their footnotes: every mark of each language.

The table is written here, not drawn from the vocabulary, so that a mark dropped from the
vocabulary fails its row; a second test makes every mark of the vocabulary have a row.
Footnotes are illustrative, written for these tests in the forms of OAS calendars.
"""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from comitia.importer.calendar import CalendarReader
from comitia.importer.context import Context, fold
from comitia.importer.source import Footnote, Line, lines_from_text
from comitia.importer.vocab import LANGUAGES

TERM = (date(2019, 10, 1), date(2020, 9, 30))
EARLIER = date(2020, 3, 26)

# A meeting on Thursday 2 April 2020, as each language's calendar prints it.
MEETING = {
    "en": "Thursday, April 2, 2020 (10:00 a.m. – 1:00 p.m.)",
    "fr": "Jeudi 2 avril (10 h 00 – 13 h 00)",
    "es": "Jueves 2 de abril (10:00 – 13:00)",
    "pt": "Quinta-feira, 2 de abril (10h – 13h)",
}

# (language, the mark the row is for, the footnote). Where a mark is the tail of a longer one
# ("initialement programmée pour" and "… pour le"), the row is written so that only it applies.
MARKS = [
    ("en", "originally scheduled for", "Originally scheduled for March 26, 2020."),
    (
        "en",
        "was originally scheduled for",
        "This meeting was originally scheduled for March 26, 2020.",
    ),
    ("en", "initially scheduled for", "The meeting was initially scheduled for March 26, 2020."),
    ("en", "previously scheduled for", "Previously scheduled for Thursday, March 26, 2020."),
    ("en", "rescheduled from", "Rescheduled from March 26, 2020, at the request of the Chair."),
    ("en", "moved from", "Moved from March 26, 2020 to allow for consultations."),
    ("en", "postponed from", "Postponed from March 26, 2020."),
    (
        "fr",
        "initialement programmée pour le",
        "Réunion initialement programmée pour le 26 mars 2020.",
    ),
    (
        "fr",
        "initialement programmée pour",
        "Réunion initialement programmée pour jeudi 26 mars 2020.",
    ),
    ("fr", "initialement prévue pour le", "Séance initialement prévue pour le 26 mars 2020."),
    ("fr", "initialement prévue le", "Séance initialement prévue le 26 mars 2020."),
    ("fr", "était prévue pour le", "Cette réunion était prévue pour le 26 mars 2020."),
    ("fr", "prévue initialement pour le", "Réunion prévue initialement pour le 26 mars 2020."),
    ("fr", "prévue initialement le", "Réunion prévue initialement le jeudi 26 mars 2020."),
    ("fr", "avait été prévue le", "La réunion avait été prévue le 26 mars 2020."),
    ("fr", "reportée du", "Réunion reportée du 26 mars 2020."),
    ("fr", "déplacée du", "Réunion déplacée du 26 mars 2020 à la demande de la présidence."),
    (
        "es",
        "originalmente programada para el",
        "Reunión originalmente programada para el 26 de marzo de 2020.",
    ),
    (
        "es",
        "programada originalmente para el",
        "Sesión programada originalmente para el 26 de marzo.",
    ),
    (
        "es",
        "inicialmente programada para el",
        "Reunión inicialmente programada para el 26 de marzo de 2020.",
    ),
    ("es", "estaba prevista para el", "Esta reunión estaba prevista para el jueves 26 de marzo."),
    (
        "es",
        "originalmente prevista para el",
        "Sesión originalmente prevista para el 26 de marzo de 2020.",
    ),
    ("es", "reprogramada del", "Sesión reprogramada del 26 de marzo de 2020."),
    (
        "es",
        "trasladada del",
        "Reunión trasladada del 26 de marzo de 2020 a solicitud de la Presidencia.",
    ),
    ("es", "pospuesta del", "Reunión pospuesta del 26 de marzo de 2020."),
    (
        "pt",
        "inicialmente programada para",
        "Reunião inicialmente programada para 26 de março de 2020.",
    ),
    ("pt", "originalmente programada para", "Sessão originalmente programada para 26 de março."),
    ("pt", "estava prevista para", "Esta reunião estava prevista para quinta-feira, 26 de março."),
    ("pt", "inicialmente prevista para", "Reunião inicialmente prevista para 26 de março de 2020."),
    ("pt", "remarcada de", "Reunião remarcada de 26 de março de 2020."),
    ("pt", "transferida de", "Sessão transferida de 26 de março de 2020 a pedido da Presidência."),
    ("pt", "adiada de", "Reunião adiada de 26 de março de 2020."),
]


def read_meeting(lang: str, footnote: str) -> tuple[list[date], list[str]]:
    """The earlier dates and notes of a meeting whose line carries ``footnote``."""
    ctx = Context(lines_from_text("x"), lang)
    ctx.period = TERM
    reader = CalendarReader(ctx, [])
    text = MEETING[lang]
    reader.read([Line(1, text, text, footnotes=[Footnote(1, footnote)])])
    (meeting,) = reader.meetings
    return meeting.previous, meeting.notes


@pytest.mark.parametrize("form", ["NFC", "NFD"])
@pytest.mark.parametrize(("lang", "mark", "footnote"), MARKS)
def test_a_footnote_with_an_earlier_date_mark_gives_the_earlier_date(
    lang: str, mark: str, footnote: str, form: str
) -> None:
    assert fold(mark) in fold(footnote)
    previous, notes = read_meeting(lang, unicodedata.normalize(form, footnote))
    assert (previous, notes) == ([EARLIER], [])


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_every_earlier_date_mark_of_the_vocabulary_has_a_row(lang: str) -> None:
    rows = {mark for row_lang, mark, _ in MARKS if row_lang == lang}
    assert set(LANGUAGES[lang].earlier_date_marks) <= rows


@pytest.mark.parametrize(
    ("lang", "footnote"),
    [
        ("en", "Joint meeting with the CAJP on March 26, 2020."),
        ("fr", "Réunion conjointe avec la CAJP, le 26 mars 2020."),
        ("es", "Reunión conjunta con la CAJP, el 26 de marzo de 2020."),
        ("pt", "Reunião conjunta com a CAJP, em 26 de março de 2020."),
    ],
)
def test_a_footnote_without_a_mark_is_a_note_not_an_earlier_date(lang: str, footnote: str) -> None:
    assert read_meeting(lang, footnote) == ([], [footnote])


def test_the_earlier_date_is_read_after_the_mark_in_decomposed_text() -> None:
    # Many accents before the mark: offsets found in the folded text (accents dropped) fall
    # short of the mark's end in decomposed text, and a slice by them would read the date
    # before the mark.
    footnote = (
        "Sessão temática sobre a cooperação jurídica e policial, a prevenção da violência, a"
        " segurança pública, a situação das prisões, a proteção de crianças e adolescentes, a"
        " participação da sociedade civil e as políticas públicas de segurança cidadã, anunciada"
        " em 19 de março, adiada de 12 de março de 2020."
    )
    decomposed = unicodedata.normalize("NFD", footnote)
    assert len(decomposed) - len(footnote) > len("19 de março, adiada de")
    assert read_meeting("pt", footnote)[0] == [date(2020, 3, 12)]
    assert read_meeting("pt", decomposed)[0] == [date(2020, 3, 12)]

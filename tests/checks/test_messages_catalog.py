"""The findings are worded by the core's gettext catalog, as the per-language tables worded them.

The expected texts are those of the former ``comitia.checks.messages.{fr,es,pt}`` tables, filled
in by hand: moving the templates into the catalog must not change a word of what prints.
"""

# The expected texts are tables, one case a line.
# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest

from comitia.checks.messages import label, render
from comitia.plan.entities import Frequency, Language

DAY = dt.date(2020, 3, 14)

EXPECTED = {
    ("DAT004", "message", "fr"): "La réunion du 14 mars 2020 tombe un week-end.",
    ("DAT004", "message", "es"): "La reunión del 14 de marzo de 2020 cae en fin de semana.",
    ("DAT004", "message", "pt"): "A reunião de 14 de março de 2020 cai num fim de semana.",
    ("REF004", "message.year", "fr"): (
        "La cote de document « CP/CSH-1933/91 » porte une année impossible."
    ),
    ("REF004", "message.year", "es"): (
        "La signatura del documento «CP/CSH-1933/91» tiene un año imposible."
    ),
    ("REF004", "message.year", "pt"): "A cota do documento “CP/CSH-1933/91” tem um ano impossível.",
    ("CLM001", "hint.moved", "fr"): (
        "La réunion du 14 mars 2020 était initialement prévue ce jour-là : le résumé garde "
        "l’ancienne date. Dérivez le résumé du calendrier."
    ),
    ("CLM001", "hint.moved", "es"): (
        "La reunión del 14 de marzo de 2020 estaba prevista inicialmente para ese día: el "
        "resumen conserva la fecha anterior. Derive el resumen del calendario."
    ),
    ("CLM001", "hint.moved", "pt"): (
        "A reunião de 14 de março de 2020 estava inicialmente prevista para esse dia: o resumo "
        "mantém a data antiga. Derive o resumo do calendário."
    ),
    ("ORG003", "message", "fr"): (
        "L’équipe d’interprètes « Équipe A » est réservée pour 3 réunions le 14 mars 2020 ; "
        "elle en assure 2 par jour."
    ),
    ("ORG003", "message", "es"): (
        "El equipo de intérpretes «Équipe A» está reservado para 3 reuniones el 14 de marzo de "
        "2020; cubre 2 por día."
    ),
    ("ORG003", "message", "pt"): (
        "A equipe de intérpretes “Équipe A” está reservada para 3 reuniões em 14 de março de "
        "2020; ela cobre 2 por dia."
    ),
    ("COV003", "hint", "fr"): (
        "Une obligation biennale est due tous les deux ans à partir de son année de référence : "
        "indiquez son année de référence (reference_year) dans le plan, ou traitez-la comme "
        "volontaire."
    ),
}

PARAMS = {
    "DAT004": {"date": DAY},
    "REF004": {"symbol": "CP/CSH-1933/91", "variant": "year"},
    "CLM001": {"meeting": DAY, "variant": "moved"},
    "ORG003": {"team": "Équipe A", "count": 3, "date": DAY, "limit": 2},
    "COV003": {"frequency": Frequency.BIENNIAL},
}


@pytest.mark.parametrize(("code", "part", "lang"), sorted(EXPECTED))
def test_a_finding_prints_in_french_spanish_and_portuguese_as_before(
    code: str, part: str, lang: str
) -> None:
    assert render(code, part.split(".")[0], PARAMS[code], lang) == EXPECTED[(code, part, lang)]


@pytest.mark.parametrize(
    ("lang", "summary", "french"),
    [
        ("fr", "{errors} erreur(s), {warnings} avertissement(s), {infos} information(s)", "le français"),
        ("es", "{errors} error(es), {warnings} advertencia(s), {infos} información(es)", "francés"),
        ("pt", "{errors} erro(s), {warnings} aviso(s), {infos} informação(ões)", "francês"),
        ("en", "{errors} error(s), {warnings} warning(s), {infos} information finding(s)", "French"),
    ],
)  # fmt: skip
def test_the_labels_come_from_the_catalog(lang: str, summary: str, french: str) -> None:
    assert label("summary", lang) == summary
    # A language quoted in a sentence has its own context: French gives it its article.
    assert label(Language.FR.value, lang) == french


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unsupported language"):
        render("DAT004", "message", {"date": DAY}, "de")

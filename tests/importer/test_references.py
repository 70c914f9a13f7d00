"""References in agenda items: paragraphs, articles, document symbols and presenters."""

from __future__ import annotations

import pytest

from comitia.importer.context import Context, expand_paragraphs
from comitia.importer.source import lines_from_text
from comitia.plan import Mandate, MandateGroup, Text


def context(lang: str) -> Context:
    ctx = Context(lines_from_text("x"), lang)
    ctx.mandates = [
        Mandate(
            id="ag-res-2945",
            group=MandateGroup.GENERAL_ASSEMBLY,
            title=Text.of(lang, "x"),
            source="AG/RES. 2945 (XLIX-O/19)",
        )
    ]
    ctx.default_mandate = "ag-res-2945"
    return ctx


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        ("52", ["52"]),
        ("9-14", ["9", "10", "11", "12", "13", "14"]),
        ("57, 59, 60 et 62", ["57", "59", "60", "62"]),
        ("57, 59, 60 and 62", ["57", "59", "60", "62"]),
        ("9 a 14", ["9", "10", "11", "12", "13", "14"]),
        ("44, 45 y 46", ["44", "45", "46"]),
    ],
)
def test_paragraph_lists_and_ranges_expand(text: str, paragraphs: list[str]) -> None:
    assert expand_paragraphs(text) == paragraphs


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "Lutte contre la criminalité, paragraphe 52.", [("ag-res-2945", None, ["52"])]),
        (
            "fr",
            "(paragraphes 9-14 AG/RES. 2945 (XLIX-O/19)",
            [("ag-res-2945", None, ["9", "10", "11", "12", "13", "14"])],
        ),
        (
            "en",
            "Presentation by the SMS on paragraphs 57, 59, 60 and 62",
            [("ag-res-2945", None, ["57", "59", "60", "62"])],
        ),
        (
            "fr",
            "Organisation interaméricaine de défense (JID), paragraphe 5 de la résolution"
            " AG/RES. 2631 (XLI-O/11)",
            [(None, "AG/RES. 2631 (XLI-O/11)", ["5"])],
        ),
        (
            "es",
            "Diálogo sobre los párrafos 9 a 14",
            [("ag-res-2945", None, [str(n) for n in range(9, 15)])],
        ),
        (
            "pt",
            "Relatório sobre os parágrafos 60, 61 e 63",
            [("ag-res-2945", None, ["60", "61", "63"])],
        ),
    ],
)
def test_paragraphs_cite_the_mandate_or_the_resolution_named(
    lang: str, text: str, expected: list[tuple[str | None, str | None, list[str]]]
) -> None:
    citations, _ = context(lang).citations(text)
    assert [(c.mandate, c.symbol, c.paragraphs) for c in citations] == expected


def test_other_symbols_are_documents_kept_as_printed() -> None:
    _, documents = context("fr").citations(
        "Examen de la proposition, paragraphe 5, CP/CSH/INF.506/20. (CP/CSH-1933/19  rev. 1)"
    )
    assert documents == ["CP/CSH/INF.506/20", "CP/CSH-1933/19 rev. 1"]


def test_a_charter_article_is_read_with_its_letter() -> None:
    assert context("fr").article("Rapports annuels, article 91.f de la Charte de l’OEA") == "91 f"
    assert context("en").article("Annual reports, Article 91.f of the OAS Charter") == "91 f"
    assert context("fr").article("article 30 de son Règlement") is None


@pytest.mark.parametrize(
    ("lang", "title", "presenters"),
    [
        ("fr", "Exposé du SSM sur la mise en œuvre", ["ssm"]),
        (
            "fr",
            "Exposé du SSM, de l’IIN et de la CIDH sur le paragraphe 35",
            ["ssm", "iin", "cidh"],
        ),
        ("fr", "Exposé du Secrétariat exécutif du CICTE sur le suivi", ["cicte"]),
        (
            "fr",
            "Présentation, par le SSM et le Secrétariat aux questions juridiques, d’une",
            ["ssm", "saj"],
        ),
        ("fr", "Exposé du Directeur du Collège interaméricain de défense (CID) sur", ["cid"]),
        ("fr", "Exposé de M. Rafael Guarín, Conseiller principal", []),
        ("fr", "Présentation du plan de travail annuel de la JID", []),
        ("fr", "Rapport du Groupe de travail chargé de coordonner la MISPA VII", []),
        ("en", "Presentation by the JID on the annual plan", ["jid"]),
        ("en", "Briefing by the Department against Transnational Organized Crime on", ["dtoc"]),
        ("es", "Presentación de la SSM y de la JID sobre los párrafos 52 y 54", ["ssm", "jid"]),
        ("pt", "Relatório do CICTE sobre os parágrafos 60, 61 e 63", ["cicte"]),
    ],
)
def test_presenters_resolve_against_known_bodies(
    lang: str, title: str, presenters: list[str]
) -> None:
    assert context(lang).presenters(title) == presenters

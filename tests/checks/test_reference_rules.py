"""REF rules: excluded and malformed paragraphs, presenters named in titles, symbols."""

from __future__ import annotations

import pytest

from comitia.checks.rules.references import paragraph_numbers
from comitia.checks.symbols import roman, symbol_problem
from comitia.plan import Activity, Appropriation, Citation, PlanDocument, ReportingObligation
from tests.checks.plans import findings, item, meeting, plan, text


def citing(*paragraphs: str) -> list:
    return [item("Point", citations=[Citation(mandate="res", paragraphs=list(paragraphs))])]


def test_citing_a_paragraph_assigned_to_other_bodies_is_an_error() -> None:
    p = plan(meetings=[meeting("2019-10-24", agenda=citing("25", "72"))])
    (found,) = findings(p, "REF001")
    assert found.message("fr") == (
        "Un point de l’ordre du jour de la réunion du 24 octobre 2019 cite le paragraphe 72 "
        "de AG/RES. 2945 (XLIX-O/19), confié à d’autres organes."
    )


def test_a_range_of_paragraphs_covering_an_excluded_one_is_an_error() -> None:
    p = plan(meetings=[meeting("2019-10-24", agenda=citing("80-82"))])
    assert [f.params["paragraph"] for f in findings(p, "REF001")] == ["81"]


def test_an_activity_citing_an_excluded_paragraph_is_named_by_its_title() -> None:
    cited = Activity(
        id="a",
        title=text("Atelier"),
        when="2020-04",
        citations=[Citation(mandate="res", paragraphs=["72"])],
    )
    (found,) = findings(plan(activities=[cited]), "REF001")
    assert found.message().startswith("“Atelier” cites paragraph 72")


def test_other_paragraphs_are_silent() -> None:
    assert (
        findings(
            plan(meetings=[meeting("2019-10-24", agenda=citing("25", "9-14", "73"))]), "REF001"
        )
        == []
    )


@pytest.mark.parametrize("paragraph", ["5", "12 bis", "12a", "9-14", "9 - 14"])
def test_well_formed_paragraphs(paragraph: str) -> None:
    assert paragraph_numbers(paragraph) is not None


@pytest.mark.parametrize("paragraph", ["", "§5", "five", "14-9", "5-5", "1-5000"])
def test_malformed_paragraphs(paragraph: str) -> None:
    assert paragraph_numbers(paragraph) is None


def test_a_malformed_paragraph_is_an_error() -> None:
    p = plan(meetings=[meeting("2019-10-24", agenda=citing("25", "par. 5"))])
    (found,) = findings(p, "REF002")
    assert found.params["paragraph"] == "par. 5"


def test_a_title_naming_an_unknown_body_as_presenter_is_a_warning() -> None:
    p = plan(
        meetings=[
            meeting(
                "2020-05-19", agenda=[item("Exposé du SMM sur la stratégie", presenters=["ssm"])]
            )
        ]
    )
    (found,) = findings(p, "REF003")
    assert found.params["acronym"] == "SMM"


@pytest.mark.parametrize(
    "title",
    [
        "Exposé du SSM sur la stratégie",
        "Presentation by the JID",
        "Rapport du Groupe de travail",
        "Informe del CICTE",
    ],
)
def test_titles_naming_known_bodies_or_none_are_silent(title: str) -> None:
    p = plan(meetings=[meeting("2020-05-19", agenda=[item(title, presenters=["ssm"])])])
    assert findings(p, "REF003") == []


@pytest.mark.parametrize(
    "symbol",
    [
        "AG/RES. 2945 (XLIX-O/19)",
        "AG/RES. 1 (LIII-E/18) rev. 1",
        "CP/RES. 1061/16",
        "CP/CSH-1933/19 rev. 2",
        "CP/CSH/INF. 499/19 rev. 1",
        "CP/doc.5545/19 rev. 1",
        "AG/doc.5667/19 rev. 1",
        "GT/VE-3/15 rev. 1",
        "CP/CSH 1870/18",
        "AG/RES. 1496 (XXVII-O/97)",
    ],
)
def test_symbols_of_the_model_document_are_well_formed(symbol: str) -> None:
    assert symbol_problem(symbol, latest_year=2021) is None


@pytest.mark.parametrize(
    ("symbol", "problem"),
    [
        ("Charte de l’OEA", "format"),
        ("CP/CSH-1933", "format"),
        ("AG/RES. 2945 (XLIIX-O/19)", "format"),
        ("CP/CSH-1933/29", "year"),
        ("CP/CSH-1933/2031", "year"),
        ("AG/RES. 2945 (XLVIII-O/19)", "session"),
    ],
)
def test_malformed_symbols_say_why(symbol: str, problem: str) -> None:
    assert symbol_problem(symbol, latest_year=2021) == problem


def test_roman_numerals() -> None:
    assert [roman(v) for v in ("XLIX", "LIII", "XXVII", "IIII", "")] == [49, 53, 27, None, None]


def test_malformed_symbols_anywhere_in_the_plan_are_errors() -> None:
    p = plan(
        document=PlanDocument(title=text("Plan"), symbol="CP/CSH-1933/29 rev. 2"),
        meetings=[
            meeting("2019-10-24", agenda=[item("Point", documents=["CP/CSH-1933/19", "CSH 12"])])
        ],
        obligations=[
            ReportingObligation(
                id="o",
                title=text("Rapport"),
                frequency="voluntary",
                basis=["AG/RES. 2617 (XL-O/11)"],
            )
        ],
        appropriations=[Appropriation(id="b", period="2020", amount=1, basis="CP/RES. 1138/19")],
    )
    found = findings(p, "REF004")
    assert sorted(f.params["symbol"] for f in found) == [
        "AG/RES. 2617 (XL-O/11)",
        "CP/CSH-1933/29 rev. 2",
        "CSH 12",
    ]
    messages = {f.params["symbol"]: f.message() for f in found}
    assert "the session number does not match the year" in messages["AG/RES. 2617 (XL-O/11)"]
    assert "impossible year" in messages["CP/CSH-1933/29 rev. 2"]

"""Names inside sentences carry their article: le Conseil permanent, la Commission, pelo Conselho.

French, Spanish and Portuguese give a body's name (or its acronym) the article of its gender
and join it to the preposition before it; the sentences of the documents and of the findings
take the article from the name (comitia.articles), never from the template.
"""

# The expected texts are tables, one case a line.
# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest

from comitia.articles import Form, Gender, gender, phrase
from comitia.checks import OtherCommittee
from comitia.plan import Body, Language, Plan, Text
from comitia.plan.entities import Term
from comitia.render.document import build_document
from comitia.render.document.blocks import Paragraph
from tests.checks.plans import findings, meeting, plan
from tests.checks.test_organization_rules import ORGANIZATION
from tests.render.model import model_plan

COUNCIL = {
    "fr": "Conseil permanent",
    "es": "Consejo Permanente",
    "pt": "Conselho Permanente",
}
COMMISSION = {
    "fr": "Commission des questions juridiques et politiques",
    "es": "Comisión de Asuntos Jurídicos y Políticos",
    "pt": "Comissão de Assuntos Jurídicos e Políticos",
}
SECRETARIAT = {
    "fr": "Secrétariat à la sécurité multidimensionnelle",
    "es": "Secretaría de Seguridad Multidimensional",
    "pt": "Secretaria de Segurança Multidimensional",
}


@pytest.mark.parametrize("lang", ["fr", "es", "pt"])
def test_a_council_is_masculine_and_a_commission_feminine(lang: str) -> None:
    assert gender(COUNCIL[lang], lang) is Gender.MASCULINE
    assert gender(COMMISSION[lang], lang) is Gender.FEMININE


def test_the_same_body_may_change_gender_from_one_language_to_another() -> None:
    assert gender(SECRETARIAT["fr"], "fr") is Gender.MASCULINE  # le Secrétariat
    assert gender(SECRETARIAT["es"], "es") is Gender.FEMININE  # la Secretaría
    assert gender(SECRETARIAT["pt"], "pt") is Gender.FEMININE  # a Secretaria


@pytest.mark.parametrize(
    ("lang", "form", "printed", "name", "expected"),
    [
        ("fr", Form.THE, "Conseil permanent", COUNCIL["fr"], "le Conseil permanent"),
        ("fr", Form.THE, "Commission", COMMISSION["fr"], "la Commission"),
        ("fr", Form.OF_THE, "CP", COUNCIL["fr"], "du CP"),
        ("fr", Form.OF_THE, "CAJP", COMMISSION["fr"], "de la CAJP"),
        ("fr", Form.OF_THE, "SSM", SECRETARIAT["fr"], "du SSM"),
        ("fr", Form.BY_THE, "Assemblée générale", "Assemblée générale", "par l’Assemblée générale"),
        ("fr", Form.OF_THE, "OEA", "Organisation des États américains", "de l’OEA"),
        ("es", Form.THE, "Consejo Permanente", COUNCIL["es"], "el Consejo Permanente"),
        ("es", Form.OF_THE, "CP", COUNCIL["es"], "del CP"),
        ("es", Form.OF_THE, "CAJP", COMMISSION["es"], "de la CAJP"),
        ("es", Form.OF_THE, "SSM", SECRETARIAT["es"], "de la SSM"),
        ("es", Form.BY_THE, "Asamblea General", "Asamblea General", "por la Asamblea General"),
        ("pt", Form.THE, "Conselho Permanente", COUNCIL["pt"], "o Conselho Permanente"),
        ("pt", Form.OF_THE, "CP", COUNCIL["pt"], "do CP"),
        ("pt", Form.OF_THE, "CAJP", COMMISSION["pt"], "da CAJP"),
        ("pt", Form.BY_THE, "Conselho Permanente", COUNCIL["pt"], "pelo Conselho Permanente"),
        ("pt", Form.BY_THE, "Comissão", COMMISSION["pt"], "pela Comissão"),
        ("en", Form.OF_THE, "CAJP", "Committee on Juridical and Political Affairs", "of the CAJP"),
    ],
)  # fmt: skip
def test_the_article_comes_with_the_name(
    lang: str, form: Form, printed: str, name: str, expected: str
) -> None:
    assert phrase(form, printed, name, lang) == expected


def neighbour(committee: str, acronym: str, names: dict[str, str]) -> OtherCommittee:
    other = Plan(
        language=Language.EN,
        term=Term(
            committee=committee,
            label="2019-2020",
            start=dt.date(2019, 10, 1),
            end=dt.date(2020, 9, 30),
        ),
        bodies=[
            Body(
                id=committee,
                acronym=Text.of("en", acronym),
                name=Text.of("en", "(illustrative)", **names),
            )
        ],
        meetings=[
            meeting("2019-11-07", id="c-1", start="11:00", end="12:30", room="bolivar").model_copy(
                update={"agenda": []}
            )
        ],
    )
    return OtherCommittee.of_plan(other)


@pytest.mark.parametrize(
    ("lang", "council", "commission"),
    [
        ("fr", "et une réunion du CP (11:00–12:30).", "et une réunion de la CAJP (11:00–12:30)."),
        ("es", "y una reunión del CP (11:00–12:30).", "y una reunión de la CAJP (11:00–12:30)."),
        ("pt", "e uma reunião do CP (11:00–12:30).", "e uma reunião da CAJP (11:00–12:30)."),
    ],
)  # fmt: skip
def test_a_room_booked_twice_names_the_other_committee_with_its_article(
    lang: str, council: str, commission: str
) -> None:
    csh = plan(meetings=[meeting("2019-11-07", room="bolivar")])
    for other, expected in (
        (neighbour("cp", "CP", COUNCIL), council),
        (neighbour("cajp", "CAJP", COMMISSION), commission),
    ):
        (finding,) = findings(csh, "ORG001", organization=ORGANIZATION, others=[other])
        assert finding.message(lang).endswith(expected)


def paragraphs(plan: Plan, lang: str) -> list[str]:
    document = build_document(plan, lang)
    return [
        "".join(s.text for s in element.spans)
        for element in document.elements
        if isinstance(element, Paragraph)
    ]


def renamed_committee(names: dict[str, str], acronym: str) -> Plan:
    """The model plan, its committee given another name (illustrative)."""
    base = model_plan()
    bodies = [
        b.model_copy(
            update={
                "name": Text.of("en", "Illustrative Committee", **names),
                "acronym": Text.of("en", acronym),
            }
        )
        if b.id == base.term.committee
        else b
        for b in base.bodies
    ]
    return base.model_copy(update={"bodies": bodies, "document": None})


COMMITTEE = {
    "fr": "Comité interaméricain d’exemple",
    "es": "Comité Interamericano de Ejemplo",
    "pt": "Comitê Interamericano de Exemplo",
}


@pytest.mark.parametrize(
    ("lang", "introduction", "regular"),
    [
        ("fr", "Le Conseil permanent, lors de sa séance du 17 juillet 2019, a installé le Comité", "Réunion ordinaire du CIE"),
        ("es", "El Consejo Permanente, en su sesión del 17 de julio de 2019, instaló el Comité", "Reunión ordinaria del CIE"),
        ("pt", "O Conselho Permanente, em sua sessão de 17 de julho de 2019, instalou o Comitê", "Reunião ordinária do CIE"),
    ],
)  # fmt: skip
def test_the_document_gives_a_masculine_committee_its_article(
    lang: str, introduction: str, regular: str
) -> None:
    plan = renamed_committee(COMMITTEE, "CIE")
    texts = paragraphs(plan, lang)
    assert any(text.startswith(introduction) for text in texts)
    document = repr(build_document(plan, lang))
    assert regular in document
    assert "ordinaire de la CIE" not in document and "ordinaria de la CIE" not in document


@pytest.mark.parametrize(
    ("lang", "introduction", "regular"),
    [
        ("fr", "a installé la Commission sur la sécurité continentale (CSH)", "Réunion ordinaire de la CSH"),
        ("es", "instaló la Comisión de Seguridad Hemisférica (CSH)", "Reunión ordinaria de la CSH"),
        ("pt", "instalou a Comissão de Segurança Hemisférica (CSH)", "Reunião ordinária da CSH"),
    ],
)  # fmt: skip
def test_the_document_gives_a_feminine_committee_its_article(
    lang: str, introduction: str, regular: str
) -> None:
    plan = model_plan().model_copy(update={"document": None})
    assert any(introduction in text for text in paragraphs(plan, lang))
    assert regular in repr(build_document(plan, lang))


@pytest.mark.parametrize(
    ("lang", "masculine", "feminine"),
    [
        ("fr", "présenté par le SSM", "présenté par la JID"),  # le Secrétariat, la JID (l’Organisation)
        ("es", "presentado por el DSP", "presentado por la SSM"),  # el Departamento, la Secretaría
        ("pt", "apresentado pelo DSP", "apresentado pela SSM"),  # o Departamento, a Secretaria
        ("en", "presented by the DPS", "presented by the SMS"),
    ],
)  # fmt: skip
def test_the_feed_names_each_presenter_with_its_article(
    lang: str, masculine: str, feminine: str
) -> None:
    from comitia.render.ics import build_feed

    text = build_feed(model_plan(), lang).decode().replace("\r\n ", "")
    assert masculine in text and feminine in text

"""Akoma Ntoso: every resolution, in every language, is valid against the OASIS schema and
holds its FRBR identity, preamble, sections, paragraphs, statuses and lead delegations."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from comitia.plan import ResolutionState
from comitia.plan.files import read_plan
from comitia.render import RenderError
from comitia.render.akn import render, render_resolution
from comitia.render.akn.writer import ISO_639_2
from comitia.render.formats import output_format
from tests.render.akn.schema import NS, schema_errors
from tests.render.model import model_plan
from tests.render.resolutions import draft, illustrative_plan, plan_with

LANGS = ("fr", "en", "es", "pt")


def tree(xml: bytes) -> etree._Element:
    return etree.fromstring(xml)


def texts(root: etree._Element, path: str) -> list[str]:
    return ["".join(e.itertext()) for e in root.xpath(path, namespaces=NS)]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("revision", [1, 2])
def test_the_illustrative_draft_is_valid_akoma_ntoso_in_every_language(
    lang: str, revision: int
) -> None:
    xml = render_resolution(illustrative_plan(revision), draft(revision), lang)
    assert schema_errors(xml) == []


EXAMPLE_DRAFT = (
    Path(__file__).resolve().parents[3] / "examples" / "oas-csh-2020-draft-illustrative.yaml"
)


@pytest.mark.parametrize("lang", LANGS)
def test_the_example_plans_resolutions_are_valid_akoma_ntoso(lang: str) -> None:
    # The model plan's AG/RES. 2945 (its paragraphs' subjects only) and the illustrative
    # example's draft for 2020.
    for plan in (model_plan(), read_plan(EXAMPLE_DRAFT)):
        assert plan.resolutions
        for resolution in plan.resolutions:
            xml = output_format("akn").render_resolution(plan, lang, resolution.id)
            assert schema_errors(xml) == [], resolution.id


def test_the_model_plans_resolution_holds_every_paragraph_and_their_follow_up() -> None:
    plan = model_plan()
    resolution = next(r for r in plan.resolutions if r.symbol == "AG/RES. 2945 (XLIX-O/19)")
    root = tree(output_format("akn").render_resolution(plan, "fr", resolution.id))
    numbers = texts(root, "//a:mainBody//a:paragraph/a:num")
    assert numbers == [f"{p.number}." for p in resolution.operative()]
    assigned = root.xpath("//c:paragraph[@assignedTo]/@number", namespaces=NS)
    assert assigned == ["72", "81"]
    assert len(root.xpath("//a:inline[@name='textNotHeld']", namespaces=NS)) == len(numbers)


def test_the_schema_refuses_what_it_should_so_the_checks_above_can_fail() -> None:
    xml = render_resolution(illustrative_plan(), draft(), "en")
    root = tree(xml)
    language = root.find(".//a:FRBRExpression/a:FRBRlanguage", NS)
    assert language is not None
    language.getparent().remove(language)
    assert any("FRBRlanguage" in error for error in schema_errors(etree.tostring(root)))


def test_one_work_and_one_expression_per_language() -> None:
    works, expressions = set(), set()
    for lang in LANGS:
        root = tree(render_resolution(illustrative_plan(), draft(), lang))
        works.add(root.xpath("string(.//a:FRBRWork/a:FRBRuri/@value)", namespaces=NS))
        expression = root.xpath("string(.//a:FRBRExpression/a:FRBRuri/@value)", namespaces=NS)
        expressions.add(expression)
        language = root.xpath("string(.//a:FRBRExpression/a:FRBRlanguage/@language)", namespaces=NS)
        assert language == ISO_639_2[lang]
        assert expression.endswith(f"/{ISO_639_2[lang]}@rev2")
        manifestation = root.xpath("string(.//a:FRBRManifestation/a:FRBRuri/@value)", namespaces=NS)
        assert manifestation == f"{expression}.akn"
    assert works == {"/akn/oas/statement/resolution/2020/projet-2020"}
    assert len(expressions) == 4


def test_preamble_recitals_then_sections_of_numbered_paragraphs() -> None:
    root = tree(render_resolution(illustrative_plan(), draft(), "en"))
    assert root.xpath("local-name(/a:akomaNtoso/*)", namespaces=NS) == "statement"
    assert texts(root, "//a:preamble/a:formula/a:p") == ["THE GENERAL ASSEMBLY,", "RESOLVES:"]
    assert texts(root, "//a:recitals/a:recital/a:num") == ["1.", "2."]
    assert texts(root, "//a:mainBody/a:section/a:num") == ["I."]
    assert texts(root, "//a:mainBody/a:section/a:heading") == [
        "Revue et perspectives en matière de sécurité multidimensionnelle dans le continent "
        "américain"
    ]
    assert texts(root, "//a:section/a:paragraph/a:num") == ["1.", "2.", "2 bis."]
    assert texts(root, "//a:paragraph[a:num='2.']/a:point/a:num") == ["(a)", "(b)"]
    first = texts(root, "//a:paragraph[a:num='1.']/a:content/a:p")[0]
    assert first.startswith("To reaffirm the commitment of member states")


def test_statuses_are_remarks_and_leads_are_metadata() -> None:
    root = tree(render_resolution(illustrative_plan(), draft(), "es"))
    assert texts(root, "//a:paragraph[a:num='1.']//a:remark") == ["(Acordado ad referéndum)"]
    records = root.xpath("//c:paragraph", namespaces=NS)
    by_number = {(r.get("kind"), r.get("number")): r for r in records}
    assert by_number[("operative", "2")].get("leads") == "MX CO"
    assert by_number[("operative", "2")].get("status") == "pending"
    assert by_number[("operative", "2 bis")].get("assignedTo") == "#cp"
    assert by_number[("preambular", "2")].get("status") == "agreed_ad_referendum"
    # Every record points at an element of the document.
    ids = set(root.xpath("//@eId"))
    assert {r.get("href")[1:] for r in records} <= ids
    states = root.xpath("//a:references/a:TLCOrganization[@eId='state-mx']/@showAs", namespaces=NS)
    assert states == ["México"]


def test_pending_passages_notes_and_text_not_held() -> None:
    root = tree(render_resolution(illustrative_plan(), draft(), "fr"))
    assert texts(root, "//a:inline[@name='pending']") == ["[les menaces émergentes]"]
    assert texts(root, "//a:authorialNote/a:p") == [
        "Une délégation fera connaître sa position sur ce paragraphe à la réunion d’examen formel."
    ]
    not_held = texts(root, "//a:paragraph[a:num='2 bis.']/a:content/a:p")[0]
    assert not_held.startswith("[Texte non disponible.] Objet : Coopération avec")


def test_an_adopted_resolution_is_dated_by_its_adoption_and_has_no_draft_stage() -> None:
    data = {
        "id": "ag-res-2945-illustrative",
        "symbol": "AG/RES. 2945 (XLIX-O/19)",
        "state": ResolutionState.ADOPTED.value,
        "adopted_on": "2019-06-28",
        "title": {"en": "Advancing Hemispheric Security: A Multidimensional Approach"},
        "sections": [{"id": "s1", "area": "revue-perspectives"}],
        "paragraphs": [
            {"number": "1", "section": "s1", "subject": {"en": "Illustrative subject"}},
            {
                "number": "72",
                "section": "s1",
                "subject": {"en": "Illustrative"},
                "assigned_to": "cp",
            },
        ],
    }
    plan = plan_with(data)
    xml = output_format("akn").render_resolution(plan, "pt", "ag-res-2945-illustrative")
    assert schema_errors(xml) == []
    root = tree(xml)
    assert root.xpath("string(.//a:FRBRWork/a:FRBRdate/@date)", namespaces=NS) == "2019-06-28"
    assert root.xpath(".//a:docStage", namespaces=NS) == []
    assert texts(root, ".//a:docNumber") == ["AG/RES. 2945 (XLIX-O/19)"]


def test_render_writes_the_default_resolution_and_refuses_a_plan_without_one() -> None:
    assert render(illustrative_plan(), "en") == render_resolution(
        illustrative_plan(), draft(), "en"
    )
    plan = model_plan().model_copy(update={"resolutions": []})
    with pytest.raises(RenderError, match="no resolution"):
        render(plan, "en")
    with pytest.raises(RenderError, match="comparison"):
        output_format("akn").render_resolution(illustrative_plan(), "en", earlier=draft(1))


def test_a_text_printed_in_its_original_language_is_marked_with_it() -> None:
    root = tree(render_resolution(illustrative_plan(), draft(), "es"))
    spans = root.xpath("//a:paragraph[a:num='2 bis.']//a:span", namespaces=NS)
    assert [(s.get("{http://www.w3.org/XML/1998/namespace}lang"), s.text) for s in spans] == [
        ("en", "Cooperation with the Inter-American Defense Board")
    ]
    assert texts(root, "//a:paragraph[a:num='2 bis.']/a:content/a:p")[0].startswith(
        "[Texto no disponible.] Asunto: Cooperation with"
    )
    assert root.xpath("//a:docTitle/@xml:lang", namespaces=NS) == []

"""Importing a resolution or a draft: documents written here in the OAS layout (illustrative
texts, not real resolutions), in several languages, and the round trip of the DOCX that Comitia
renders."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from comitia.importer import ImportFailure
from comitia.importer.resolution import import_resolution, import_resolution_text
from comitia.plan import ParagraphKind, ParagraphStatus, Resolution, ResolutionState

DATA = Path(__file__).resolve().parents[1] / "data" / "importer" / "resolutions"


def paragraph(resolution: Resolution, number: str, kind: str = "operative"):  # type: ignore[no-untyped-def]
    found = resolution.paragraph(number, ParagraphKind(kind))
    assert found is not None, number
    return found


def test_a_spanish_draft_in_the_oas_layout() -> None:
    result = import_resolution(DATA / "draft-rev3.es.txt")
    r = result.resolution
    assert (r.state, r.document_symbol, r.revision) == (ResolutionState.DRAFT, "CP/CSH-2040/20", 3)
    assert r.id == "cp-csh-2040-20"
    assert str(r.title).startswith("Promoción de la seguridad hemisférica")
    # Unnumbered preambular paragraphs are numbered in order.
    assert [(p.kind.value, p.number) for p in r.paragraphs] == [
        ("preambular", "1"),
        ("preambular", "2"),
        ("operative", "1"),
        ("operative", "2"),
        ("operative", "3 bis"),
    ]
    second = paragraph(r, "2", "preambular")
    assert second.status is ParagraphStatus.AGREED_AD_REFERENDUM
    assert second.leads == ["MX"]
    assert [(f.mark, str(f.text)) for f in second.footnotes] == [
        ("1", "Ilustrativo: una delegación se reserva su posición sobre este párrafo.")
    ]
    first = paragraph(r, "1")
    assert first.status is ParagraphStatus.AGREED_AD_REFERENDUM
    assert first.leads == ["PE", "CL"]
    assert str(first.text) == (
        "Reafirmar que la seguridad de los Estados del Hemisferio tiene un alcance "
        "multidimensional."
    )
    pending = paragraph(r, "2")
    assert pending.status is ParagraphStatus.PENDING
    assert str(pending.text) == (
        "Encomendar al Consejo Permanente que [[convoque una reunión especial sobre]] "
        "seguridad pública en 2021:"
    )
    assert [(s.letter, str(s.text)) for s in pending.subparagraphs] == [
        ("a", "con la participación de expertos; y"),
        ("b", "dentro de los recursos asignados."),
    ]
    assert paragraph(r, "3 bis").leads == ["US", "CA", "BR"]
    assert paragraph(r, "3 bis").status is ParagraphStatus.INFORMAL_CONSULTATIONS
    sections = {s.id: s for s in r.sections}
    assert [str(sections[s].title) for s in ("s1", "s2")] == [
        "I. CONSIDERACIONES GENERALES",
        "II. SEGURIDAD PÚBLICA",
    ]
    assert paragraph(r, "3 bis").section == "s2"
    # What no rule used is reported with its line, as the work-plan importer does.
    assert result.report.unused == [
        (1, "ORGANIZACIÓN DE LOS ESTADOS AMERICANOS"),
        (31, "Texto que ninguna regla usa."),
    ]
    assert result.report.counts["paragraphs"] == 5
    assert result.report.warnings == []


def test_an_english_draft_with_competing_brackets_and_a_text_not_held() -> None:
    r = import_resolution(DATA / "draft.en.txt").resolution
    assert (r.document_symbol, r.revision) == ("CP/CSH-2041/20", 0)
    one = paragraph(r, "1")
    assert str(one.text) == (
        "To encourage member states to [[strengthen]] [[consider strengthening]] their cooperation."
    )
    assert one.leads == ["TT", "AG"]
    assert str(one.footnotes[0].text) == "Illustrative: the text in brackets is under negotiation."
    two = paragraph(r, "2")
    assert two.text is None
    assert str(two.subject) == "Follow-up of the regional programme on firearms"
    assert (two.leads, two.assigned_to, two.status) == (["GT"], "cp", ParagraphStatus.PENDING)
    assert {s.id: str(s.title) for s in r.sections if s.title} == {"s1": "PUBLIC SECURITY"}


def test_a_french_adopted_resolution_has_its_symbol_and_date_and_no_statuses() -> None:
    r = import_resolution(DATA / "adopted.fr.txt", "fr").resolution
    assert (r.state, r.symbol, r.adopted_on) == (
        ResolutionState.ADOPTED,
        "AG/RES. 2999 (L-O/20)",
        dt.date(2019, 6, 28),
    )
    assert [p.number for p in r.operative()] == ["1", "2"]
    assert all(p.status is None for p in r.paragraphs)
    assert paragraph(r, "2").leads == ["PE", "MX"]
    assert str(paragraph(r, "1", "preambular").text).startswith("RAPPELANT la Charte")


def test_unpaired_brackets_are_kept_as_text_with_a_warning() -> None:
    result = import_resolution_text(
        "DRAFT RESOLUTION\nA title\nTHE GENERAL ASSEMBLY,\nRESOLVES:\n"
        "1.\tTo note [the report. (Proposed)\n",
        "en",
    )
    p = result.resolution.paragraphs[0]
    assert str(p.text) == "To note [the report."
    assert p.status is ParagraphStatus.PROPOSED
    assert result.report.warnings == [(5, "square brackets that do not pair are kept as text")]


def test_a_document_without_paragraphs_is_refused_in_one_line() -> None:
    with pytest.raises(ImportFailure, match="no numbered paragraph"):
        import_resolution_text("Some minutes\nof a meeting\n", "en")
    with pytest.raises(ImportFailure, match="unsupported language 'de'"):
        import_resolution_text("1. Text\n", "de")


def test_an_unknown_lead_delegation_is_warned_about() -> None:
    result = import_resolution_text(
        "THE GENERAL ASSEMBLY,\nRESOLVES:\n1.\tTo act.\nLead delegations: Peru and Atlantis\n",
        "en",
    )
    assert result.resolution.paragraphs[0].leads == ["PE"]
    assert "Atlantis" in result.report.warnings[0][1]


def test_a_footnote_may_hold_brackets_and_its_reference_keeps_the_words_apart() -> None:
    result = import_resolution_text(
        "THE GENERAL ASSEMBLY,\nRESOLVES:\n"
        "1.\tTo act[footnoteRef:1] [1: A note on [the] passage.] now. (Agreed)\n",
        "en",
    )
    p = result.resolution.paragraphs[0]
    assert str(p.text) == "To act now."
    assert [str(f.text) for f in p.footnotes] == ["A note on [[the]] passage."]
    assert p.status is ParagraphStatus.AGREED
    assert result.report.unused == []


def _portuguese_docx(path: Path) -> None:
    """A DOCX written as a secretariat would in Word (not by Comitia): headings in a Heading
    style, typed numbers, and two paragraphs numbered by Word's list numbering."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    document.add_paragraph("CP/CSH-2042/20 rev. 1")
    document.add_paragraph("PROJETO DE RESOLUÇÃO")
    document.add_paragraph("Promoção da segurança hemisférica (texto ilustrativo)")
    document.add_paragraph("A ASSEMBLEIA GERAL,")
    document.add_paragraph("RECORDANDO a Carta da Organização; (Acordado)")
    document.add_paragraph("RESOLVE:")
    document.add_heading("Segurança pública", level=1)
    document.add_paragraph("1.\tIncentivar os Estados membros a [cooperar]. (Pendente)")
    document.add_paragraph("Delegações coordenadoras: Brasil e Uruguai")
    for text in ("Solicitar um relatório. (Proposto)", "Encarregar o Conselho Permanente."):
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')
        )
    document.save(str(path))


def test_a_portuguese_docx_written_in_word(tmp_path: Path) -> None:
    path = tmp_path / "projeto.docx"
    _portuguese_docx(path)
    result = import_resolution(path, "pt")
    r = result.resolution
    assert (r.document_symbol, r.revision, str(r.title)) == (
        "CP/CSH-2042/20",
        1,
        "Promoção da segurança hemisférica (texto ilustrativo)",
    )
    assert [(p.kind.value, p.number, p.status) for p in r.paragraphs] == [
        ("preambular", "1", ParagraphStatus.AGREED),
        ("operative", "1", ParagraphStatus.PENDING),
        ("operative", "2", ParagraphStatus.PROPOSED),
        ("operative", "3", None),
    ]
    assert str(paragraph(r, "1").text) == "Incentivar os Estados membros a [[cooperar]]."
    assert paragraph(r, "1").leads == ["BR", "UY"]
    assert {str(s.title) for s in r.sections if s.title} == {"SEGURANÇA PÚBLICA"}
    assert result.report.unused == []

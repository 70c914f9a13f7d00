"""The resolution as blocks: the draft's layout, its statuses in four languages, its brackets,
leads, notes and texts not held, and the comparison of two revisions."""

from __future__ import annotations

import pytest

from comitia.plan import ParagraphStatus
from comitia.render import RenderError
from comitia.render.document.blocks import (
    ChangeMark,
    Heading,
    Paragraph,
    ParagraphStyle,
    Span,
    Table,
    TableKind,
)
from comitia.render.document.resolution import (
    build_resolution_document,
    choose_resolution,
    status_wording,
)
from tests.render.model import model_plan
from tests.render.resolutions import draft, draft_data, illustrative_plan, plan_with

AD_REFERENDUM = {
    "en": "(Agreed ad referendum)",
    "fr": "(Convenu ad referendum)",
    "es": "(Acordado ad referéndum)",
    "pt": "(Acordado ad referendum)",
}


def lines(lang: str) -> list[str]:
    document = build_resolution_document(illustrative_plan(), draft(), lang)
    out = []
    for element in document.elements:
        if isinstance(element, Heading):
            out.append(f"# {element.text}")
        elif isinstance(element, Paragraph):
            out.append("".join(s.text for s in element.spans if not s.note))
    return out


@pytest.mark.parametrize("lang", sorted(AD_REFERENDUM))
def test_the_status_wordings_come_from_the_catalog_in_four_languages(lang: str) -> None:
    assert status_wording(ParagraphStatus.AGREED_AD_REFERENDUM, lang) == AD_REFERENDUM[lang]
    wordings = {status_wording(status, lang) for status in ParagraphStatus}
    assert len(wordings) == len(ParagraphStatus)
    assert all(w.startswith("(") and w.endswith(")") for w in wordings)


def test_the_draft_prints_as_an_oas_draft() -> None:
    assert lines("en") == [
        "CP/CSH-2030/20 rev. 2",
        "DRAFT RESOLUTION",
        "Advancing Hemispheric Security: A Multidimensional Approach (illustrative draft)",
        "THE GENERAL ASSEMBLY,",
        "1.\tRECALLING the Declaration on Security in the Americas, adopted in Mexico City in "
        "2003; (Agreed)",
        "2.\tBEARING IN MIND the annual reports of the Committee on Hemispheric Security; "
        "(Agreed ad referendum)",
        "Lead delegation: Canada",
        "RESOLVES:",
        "# I. Revue et perspectives en matière de sécurité multidimensionnelle dans le "
        "continent américain",
        "1.\tTo reaffirm the commitment of member states to the multidimensional approach to "
        "security. (Agreed ad referendum)",
        "Lead delegation: Peru",
        "2.\tTo instruct the Committee on Hemispheric Security to hold a special meeting on "
        "[emerging threats] in 2021: (Pending)",
        "(a)\twith the participation of experts from member states; and",
        "(b)\twithin the resources allocated in the program-budget.",
        "Lead delegations: Mexico and Colombia",
        "2 bis.\t[Text not held.] Subject: Cooperation with the Inter-American Defense Board "
        "(Proposed)",
        "Lead delegation: United States — Followed up by: Conseil permanent",
        # The texts printed in their original language, listed at the end as in the work plan.
        "# Texts awaiting translation",
        "The following 2 texts have no English translation yet and are printed in their "
        "original language (French):",
    ]


def test_the_paragraphs_styles_and_the_footnote_of_paragraph_2() -> None:
    document = build_resolution_document(illustrative_plan(), draft(), "fr")
    styles = [e.style for e in document.elements if isinstance(e, Paragraph)]
    assert styles.count(ParagraphStyle.CLAUSE) == 5
    assert styles.count(ParagraphStyle.SUBCLAUSE) == 2
    assert styles.count(ParagraphStyle.CLAUSE_NOTE) == 4
    notes = [s for e in document.elements if isinstance(e, Paragraph) for s in e.spans if s.note]
    assert notes == [
        Span(
            "Une délégation fera connaître sa position sur ce paragraphe à la réunion d’examen "
            "formel.",
            note=True,
        )
    ]
    assert document.symbol == "CP/CSH-2030/20 rev. 2"


def test_the_untranslated_texts_are_listed_at_the_end_by_place() -> None:
    document = build_resolution_document(illustrative_plan(), draft(), "en")
    table = document.elements[-1]
    assert isinstance(table, Table) and table.kind is TableKind.UNTRANSLATED
    cells = [
        [
            "".join(s.text for b in cell if isinstance(b, Paragraph) for s in b.spans)
            for cell in row.cells
        ]
        for row in table.rows[1:]
    ]
    assert cells == [
        ["RESOLVES:", "Revue et perspectives en matière de sécurité multidimensionnelle dans le…"],
        ["I. Revue et perspectives en matière de sécurité multidimensionnelle dans le "
         "continent américain2 bis.", "Conseil permanent"],
    ]  # fmt: skip


def test_texts_missing_in_the_language_print_in_their_original_marked() -> None:
    document = build_resolution_document(illustrative_plan(), draft(), "pt")
    subject = next(
        s
        for e in document.elements
        if isinstance(e, Paragraph)
        for s in e.spans
        if s.text.startswith("Cooperation with")
    )
    assert subject.lang == "en"
    assert ("en", "Cooperation with the Inter-American Defense Board") in document.untranslated
    assert "Assunto:" in "".join(lines("pt"))


def test_the_comparison_marks_what_changed_word_by_word() -> None:
    document = build_resolution_document(illustrative_plan(), draft(2), "en", earlier=draft(1))
    paragraphs = [e for e in document.elements if isinstance(e, Paragraph)]

    def marked(change: ChangeMark) -> list[str]:
        return [s.text for p in paragraphs for s in p.spans if s.change is change]

    assert "Changes from CP/CSH-2030/20 rev. 1" in [p.spans[0].text for p in paragraphs]
    deleted, inserted = marked(ChangeMark.DELETED), marked(ChangeMark.INSERTED)
    assert "Permanent Council " in deleted and "Committee on Hemispheric Security " in inserted
    assert "annual " in inserted
    # A status is replaced whole; a removed paragraph is struck out whole, in its section.
    assert "(Proposed)" in deleted and "(Agreed ad referendum)" in inserted
    assert "To encourage member states to share information on public security policies." in (
        deleted
    )
    assert "2 bis.\t" in inserted
    headings = [e.text for e in document.elements if isinstance(e, Heading) and e.level == 2]
    assert headings == [
        "I. Revue et perspectives en matière de sécurité multidimensionnelle dans le continent "
        "américain",
        "IV. Sécurité publique et prévention de la violence",
    ]


def test_the_newer_text_is_the_kept_and_inserted_runs_and_the_older_the_kept_and_deleted() -> None:
    document = build_resolution_document(illustrative_plan(), draft(2), "es", earlier=draft(1))
    clause = next(
        e
        for e in document.elements
        if isinstance(e, Paragraph)
        and e.spans[0].text == "2.\t"
        and len(e.spans) > 3
        and "Encomendar" in e.spans[1].text
    )
    body = [s for s in clause.spans[1:] if not s.note and not s.italic]
    newer = "".join(s.text for s in body if s.change is not ChangeMark.DELETED)
    older = "".join(s.text for s in body if s.change is not ChangeMark.INSERTED)
    assert newer.strip() == (
        "Encomendar a la Comisión de Seguridad Hemisférica que celebre una reunión especial "
        "sobre [las amenazas emergentes] en 2021:"
    )
    assert older.strip() == (
        "Encomendar al Consejo Permanente que celebre una reunión especial sobre "
        "[las amenazas emergentes] en 2021."
    )


def test_the_default_resolution_is_the_draft_then_the_mandates_source() -> None:
    assert choose_resolution(illustrative_plan()).id == "projet-2020"
    adopted = {
        "id": "adopted-illustrative",
        "symbol": "AG/RES. 9999 (L-O/20)",
        "state": "adopted",
        "title": {"en": "Illustrative adopted resolution"},
    }
    assert choose_resolution(plan_with(adopted, draft_data(2))).id == "projet-2020"
    assert choose_resolution(plan_with(adopted), "adopted-illustrative").id == (
        "adopted-illustrative"
    )
    with pytest.raises(RenderError, match="no resolution 'missing'"):
        choose_resolution(illustrative_plan(), "missing")
    with pytest.raises(RenderError, match="no resolution to print"):
        choose_resolution(model_plan().model_copy(update={"resolutions": []}))


@pytest.mark.parametrize("lang", sorted(AD_REFERENDUM))
def test_each_status_wording_is_marked_for_the_secretariat_to_confirm(lang: str) -> None:
    from babel.messages.pofile import read_po

    from comitia.render.document.i18n import DOMAIN, LOCALE_DIR

    with (LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as handle:
        catalog = read_po(handle)
    for status in ParagraphStatus:
        message = catalog[status_wording(status, "en")]
        assert message is not None
        comment = " ".join(message.user_comments)
        assert "to be confirmed by the secretariat" in comment, message.id

"""A DOCX that Comitia wrote is read for what it says of itself; any other DOCX is not.

Comitia's renderer names itself as the document's creator, gives its language, and prints agenda
paragraphs in styles that say their kind, with their depth in the tree as their list level. The
reader trusts those only in a document whose creator is Comitia: a legacy DOCX that happens to
use a style of the same name is read by the grammar's heuristics, as before.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from comitia.importer import import_document, standard
from comitia.importer.docx import read_docx
from comitia.importer.vocab import LANGUAGES
from comitia.importer.vocab.mixed import mixed_words
from comitia.plan.files import read_plan
from comitia.render import renderer
from comitia.translations.texts import without_translations

ROOT = Path(__file__).resolve().parents[2]
MODEL_PLAN = ROOT / "examples" / "oas-csh-2019-2020.yaml"


@pytest.fixture(scope="module")
def rendered() -> bytes:
    return renderer("docx")(read_plan(MODEL_PLAN), "fr")


def _with_creator(data: bytes, creator: str) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            content = source.read(entry)
            if entry.filename == "docProps/core.xml":
                content = re.sub(
                    rb"<dc:creator>[^<]*</dc:creator>",
                    f"<dc:creator>{creator}</dc:creator>".encode(),
                    content,
                )
            target.writestr(entry, content)
    return out.getvalue()


def _meeting_lines(text: str, first: str) -> list[str]:
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(first))
    end = next(i for i in range(start + 1, len(lines)) if not lines[i])
    return lines[start + 1 : end]


def test_comitias_agenda_paragraphs_are_marked_with_their_kind_and_depth(rendered: bytes) -> None:
    content = read_docx(rendered, "model.docx")
    assert content.by_comitia and content.lang == "fr"
    marks = [
        line.split("] ")[0] + "]" for line in _meeting_lines(content.text, "Mardi 14 avril 2020")
    ]
    assert marks[:4] == ["[agenda:area]", "[agenda:topic:1]", "[agenda:item:2]", "[agenda:item:0]"]


def test_another_creators_docx_is_read_by_the_heuristics(rendered: bytes) -> None:
    content = read_docx(_with_creator(rendered, "Secretariat"), "legacy.docx")
    assert not content.by_comitia and content.lang is None
    assert "[agenda:" not in content.text
    assert "[list:1] Les Amériques en tant que zone de paix" in content.text


def test_the_renderers_sentences_are_standard_wording_only_in_comitias_documents(
    rendered: bytes, tmp_path: Path
) -> None:
    ours, theirs = tmp_path / "ours.docx", tmp_path / "theirs.docx"
    ours.write_bytes(rendered)
    theirs.write_bytes(_with_creator(rendered, "Secretariat"))
    assert import_document(ours).report.counts[standard.KIND] == 7
    report = import_document(theirs).report
    assert standard.KIND not in report.counts
    assert len(report.unused) == 7


@pytest.mark.parametrize("lang", ["fr", "en", "es", "pt"])
def test_every_language_has_the_renderers_sentences(lang: str) -> None:
    sentences = standard.standard_sentences(lang)
    assert len(sentences) >= 7
    assert any("{term}" in s for s in sentences)


def test_a_comitia_docx_says_the_language_of_its_untranslated_content() -> None:
    content = read_docx(
        renderer("docx")(without_translations(read_plan(MODEL_PLAN)), "es"), "model.es.docx"
    )
    assert (content.lang, content.content_lang) == ("es", "fr")


def test_mixed_words_keep_the_frames_words_first_and_ordinals_in_place() -> None:
    words = mixed_words("en", "fr")
    assert words.sections["negotiation"][0] == LANGUAGES["en"].sections["negotiation"][0]
    assert "négociation du projet de résolution" in words.sections["negotiation"]
    assert words.role_ordinals[1][:1] == ("second",) and "deuxième" in words.role_ordinals[1]
    assert re.match(words.presenter_lead, "Exposé du SSM sur", re.IGNORECASE)
    assert re.match(words.presenter_lead, "Presentation by the SSM on", re.IGNORECASE)

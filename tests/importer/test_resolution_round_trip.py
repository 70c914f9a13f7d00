"""Importing a resolution DOCX that Comitia rendered gives back the same paragraphs, statuses,
leads, sub-paragraphs, footnotes and follow-up bodies, in every language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comitia.importer.resolution import import_resolution
from comitia.plan import Plan, Resolution
from comitia.plan.files import read_plan
from comitia.plan.states import OAS_MEMBER_STATES
from comitia.render.formats import output_format
from tests.render.model import model_plan
from tests.render.resolutions import illustrative_plan, plan_with

EXAMPLE_DRAFT = (
    Path(__file__).resolve().parents[2] / "examples" / "oas-csh-2020-draft-illustrative.yaml"
)
LANGS = ("fr", "en", "es", "pt")


def printed(resolution: Resolution, lang: str) -> list[dict[str, Any]]:
    """What a document shows of each paragraph, in ``lang``."""

    def text(value: Any) -> str | None:
        return None if value is None else value.get(lang)[0]

    return [
        {
            "kind": p.kind.value,
            "number": p.number,
            "text": text(p.text),
            "subject": text(p.subject) if p.text is None else None,
            "status": p.status,
            "leads": p.leads,
            "assigned_to": p.assigned_to,
            "subparagraphs": [(s.letter, text(s.text)) for s in p.subparagraphs],
            "footnotes": [text(f.text) for f in p.footnotes],
        }
        for p in resolution.paragraphs
    ]


def round_trip(plan: Plan, resolution: Resolution, lang: str, folder: Path) -> Resolution:
    path = folder / f"{resolution.id}.{lang}.docx"
    path.write_bytes(output_format("docx").render_resolution(plan, lang, resolution.id))
    result = import_resolution(path)
    assert result.report.unused == []
    assert result.report.warnings == []
    return result.resolution


def plans() -> list[tuple[str, Plan]]:
    return [
        ("illustrative-fixture", illustrative_plan()),
        ("illustrative-example", read_plan(EXAMPLE_DRAFT)),
        ("model-plan", model_plan()),
    ]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("name", "plan"), plans(), ids=[name for name, _ in plans()])
def test_a_rendered_docx_imports_back_to_the_same_paragraphs(
    tmp_path: Path, name: str, plan: Plan, lang: str
) -> None:
    assert plan.resolutions, name
    for resolution in plan.resolutions:
        back = round_trip(plan, resolution, lang, tmp_path)
        assert printed(back, lang) == printed(resolution, lang)
        assert back.state is resolution.state
        assert back.label == resolution.label


# Resolutions made up by hypothesis: words that read as prose, pending passages, statuses,
# leads, sub-paragraphs and footnotes, numbered as drafts number them.
_WORD = st.sampled_from(
    ["member", "states", "Committee", "to", "strengthen", "cooperation", "in", "the", "región",
     "l’approche", "programa-presupuesto", "2021", "de", "segurança", "and", "des"]
)  # fmt: skip
_PLAIN = st.lists(_WORD, min_size=1, max_size=8).map(" ".join)


@st.composite
def _texts(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(_PLAIN, st.booleans()), min_size=1, max_size=3))
    text = " ".join(f"[[{words}]]" if pending else words for words, pending in parts)
    return "To " + text + draw(st.sampled_from([".", ";", ":", ""]))


@st.composite
def _paragraphs(draw: st.DrawFn, kind: str, count: int) -> list[dict[str, Any]]:
    out = []
    for index in range(1, count + 1):
        number = str(index) + draw(st.sampled_from(["", "", " bis"]))
        paragraph: dict[str, Any] = {
            "number": number,
            "kind": kind,
            "text": {"en": draw(_texts())},
            "status": draw(st.sampled_from(["proposed", "informal_consultations",
                                            "agreed_ad_referendum", "agreed", "pending",
                                            "withdrawn"])),
            "leads": draw(st.lists(st.sampled_from(OAS_MEMBER_STATES), max_size=3, unique=True)),
        }  # fmt: skip
        if kind == "operative":
            paragraph["section"] = "s1"
            letters = draw(st.integers(0, 2))
            paragraph["subparagraphs"] = [
                {"letter": "abc"[i], "text": {"en": draw(_texts())}} for i in range(letters)
            ]
            if draw(st.booleans()):
                paragraph["footnotes"] = [{"mark": "1", "text": {"en": draw(_texts())}}]
        else:
            paragraph["section"] = "preamble"
        out.append(paragraph)
    return out


@st.composite
def _resolutions(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "id": "cp-csh-2099-20",
        "document_symbol": "CP/CSH-2099/20",
        "revision": draw(st.integers(0, 4)),
        "state": "draft",
        "title": {"en": "An illustrative draft"},
        "sections": [{"id": "preamble"}, {"id": "s1", "area": "revue-perspectives"}],
        "paragraphs": [
            *draw(_paragraphs("preambular", draw(st.integers(0, 2)))),
            *draw(_paragraphs("operative", draw(st.integers(1, 3)))),
        ],
    }


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=_resolutions(), lang=st.sampled_from(LANGS))
def test_any_rendered_draft_imports_back(tmp_path: Path, data: dict[str, Any], lang: str) -> None:
    plan = plan_with(data)
    resolution = next(r for r in plan.resolutions if r.id == data["id"])
    back = round_trip(plan, resolution, lang, tmp_path)
    assert printed(back, lang) == printed(resolution, lang)
    assert (back.document_symbol, back.revision) == (
        resolution.document_symbol,
        resolution.revision,
    )


@pytest.mark.parametrize("lang", ["en", "es"])
def test_importing_a_comparison_reads_the_newer_revision(tmp_path: Path, lang: str) -> None:
    # Word's deleted runs hold their text in w:delText, which the reader leaves: what is read
    # is the text with every change accepted.
    newer, older = illustrative_plan(2), illustrative_plan(1)
    earlier = next(r for r in older.resolutions if r.id == "projet-2020")
    path = tmp_path / f"changes.{lang}.docx"
    path.write_bytes(output_format("docx").render_resolution(newer, lang, earlier=earlier))
    result = import_resolution(path)
    assert result.report.unused == [] and result.report.warnings == []
    assert result.report.counts["comparison of revisions"] == 1
    draft = next(r for r in newer.resolutions if r.id == "projet-2020")
    assert printed(result.resolution, lang) == printed(draft, lang)

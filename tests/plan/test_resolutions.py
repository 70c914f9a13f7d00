"""Resolutions in plan files: their shape, their integrity, pending passages, citations."""

from __future__ import annotations

import json
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from comitia.plan import ParagraphStatus, Plan, Resolution, ResolutionState, Run, bracketed_runs
from comitia.plan.files import PlanFileError, dump_plan_json, dump_plan_yaml, parse_plan_text
from comitia.plan.resolutions import BracketError
from tests.factories import build_plan
from tests.strategies import drafts

PLAN = textwrap.dedent(
    """\
    comitia: 1
    language: fr
    term: {committee: csh, label: 2019-2020, start: 2019-10-01, end: 2020-09-30}
    bodies:
      - {id: csh, name: {fr: Commission sur la sécurité continentale}}
      - {id: cp, name: {fr: Conseil permanent}}
    thematic_areas:
      - {id: defense, number: 1, title: {fr: Défense}}
    mandates:
      - id: ag-res-2945
        group: general_assembly
        title: {fr: Suivi de la résolution}
        source: AG/RES. 2945 (XLIX-O/19)
        resolution: ag-res-2945
    meetings:
      - id: csh-2019-10-24
        date: 2019-10-24
        start: 10:00
        end: 13:00
        agenda:
          - title: {fr: Exposé de la JID}
            citations: [{mandate: ag-res-2945, paragraphs: ["25"]}]
    resolutions:
      - id: ag-res-2945
        symbol: AG/RES. 2945 (XLIX-O/19)
        title: {fr: Promotion de la sécurité continentale}
        state: adopted
        adopted_on: 2019-06-28
        sections:
          - {id: preambule}
          - {id: defense, area: defense, title: {fr: Défense}}
        paragraphs:
          - {number: "1", kind: preambular, section: preambule, text: {fr: "RAPPELANT ..."}}
          - {number: "25", section: defense, subject: {fr: "Rapport de la JID"}}
          - {number: "72", section: defense, subject: {fr: "Autre"}, assigned_to: cp}
      - id: draft-2020
        document_symbol: CP/CSH-2020/20
        revision: 1
        title: {fr: Projet}
        state: draft
        sections:
          - {id: defense, area: defense}
        paragraphs:
          - number: "3 bis"
            section: defense
            text: {fr: "Encourage [[exhorte]] les États", en: "Encourages [[urges]] states"}
            subparagraphs: [{letter: a, text: {fr: "à faire [[x]]"}}]
            footnotes: [{mark: "1", text: {fr: "Réserve"}}]
            leads: [pe, US]
            status: informal_consultations
            from: {symbol: AG/RES. 2945 (XLIX-O/19), number: "25"}
    """
)


def _error_for(text: str) -> str:
    with pytest.raises(PlanFileError) as caught:
        parse_plan_text(text, "plan.yaml")
    return str(caught.value)


def _replace(old: str, new: str) -> str:
    assert old in PLAN
    return PLAN.replace(old, new, 1)


def test_a_plan_holds_an_adopted_resolution_and_a_draft() -> None:
    plan = parse_plan_text(PLAN)
    adopted, draft = plan.resolutions
    assert adopted.state is ResolutionState.ADOPTED
    assert [p.number for p in adopted.operative()] == ["25", "72"]
    assert adopted.paragraph("72") is not None and adopted.paragraph("72").assigned_to == "cp"
    paragraph = draft.paragraphs[0]
    assert paragraph.leads == ["PE", "US"]
    assert paragraph.status is ParagraphStatus.INFORMAL_CONSULTATIONS
    assert paragraph.from_ is not None and paragraph.from_.number == "25"
    assert paragraph.has_pending
    assert draft.label == "CP/CSH-2020/20 rev. 1"


def test_resolutions_round_trip_through_yaml_and_json_with_the_from_key() -> None:
    plan = parse_plan_text(PLAN)
    assert parse_plan_text(dump_plan_yaml(plan)) == plan
    data = json.loads(dump_plan_json(plan))
    paragraph = data["resolutions"][1]["paragraphs"][0]
    assert paragraph["from"] == {"symbol": "AG/RES. 2945 (XLIX-O/19)", "number": "25"}
    assert "from_" not in paragraph
    assert parse_plan_text(dump_plan_json(plan)) == plan


def test_the_python_name_of_from_is_not_a_plan_file_key() -> None:
    assert "resolutions.1.paragraphs.0.from_: unknown field" in _error_for(
        _replace("        from: {symbol", "        from_: {symbol")
    )


def test_a_citation_of_a_missing_paragraph_is_refused_naming_it() -> None:
    error = _error_for(_replace('paragraphs: ["25"]}', 'paragraphs: ["25", "26"]}'))
    assert error == (
        "plan.yaml:22: meetings.0.agenda.0.citations.0.paragraphs.1: "
        "AG/RES. 2945 (XLIX-O/19) has no operative paragraph '26'"
    )


def test_a_citation_of_a_held_resolution_names_paragraphs() -> None:
    error = _error_for(_replace('paragraphs: ["25"]}', "paragraphs: []}"))
    assert "citations.0.paragraphs: a citation of mandate 'ag-res-2945' names paragraphs" in error


def test_a_citation_cites_operative_paragraphs_not_preambular_ones() -> None:
    error = _error_for(_replace('paragraphs: ["25"]}', 'paragraphs: ["1"]}'))
    assert "has no operative paragraph '1'" in error


def test_citations_of_a_mandate_whose_resolution_is_not_held_are_not_checked() -> None:
    text = _replace("    resolution: ag-res-2945\n", "")
    plan = parse_plan_text(text.replace('paragraphs: ["25"]}', 'paragraphs: ["999"]}'))
    assert plan.meetings[0].agenda[0].citations[0].paragraphs == ["999"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("    resolution: ag-res-2945\n", "    resolution: nothing\n",
         "mandates.0.resolution: no resolution has the id 'nothing'"),
        ("section: defense, subject: {fr: \"Autre\"}", "section: nowhere, subject: {fr: \"Autre\"}",
         "resolutions.0.paragraphs.2.section: no section of AG/RES. 2945 (XLIX-O/19) has the id "
         "'nowhere'"),
        ("assigned_to: cp", "assigned_to: cidi",
         "paragraphs.2.assigned_to: no body has the id 'cidi'"),
        ("{id: defense, area: defense, title", "{id: defense, area: nowhere, title",
         "resolutions.0.sections.1.area: no thematic area has the id 'nowhere'"),
        ('{number: "72",', '{number: "25",',
         "resolutions.0.paragraphs.2.number: number '25' is already used by entry 2 of paragraphs"),
        ("kind: preambular, section: preambule", "kind: preambular, section: defense",
         "resolutions.0.paragraphs.0.section: a preambular paragraph sits in the preamble"),
        ("      - {id: preambule}\n", "      - {id: defense}\n",
         "resolutions.0.sections.1.id: id 'defense' is already used by entry 1 of sections"),
        ("  - id: draft-2020\n", "  - id: ag-res-2945\n",
         "resolutions.1.id: id 'ag-res-2945' is already used by entry 1 of resolutions"),
        ("    state: adopted\n", "    state: draft\n",
         "resolutions.0.adopted_on: a draft has no adoption date"),
        ("    state: draft\n", "    state: draft\n    adopted_on: 2020-06-01\n",
         "resolutions.1.adopted_on: a draft has no adoption date"),
        ("    symbol: AG/RES. 2945 (XLIX-O/19)\n", "",
         "resolutions.0.symbol: an adopted resolution has its symbol"),
        ('subject: {fr: "Autre"}', 'subject: {fr: "Autre"}, status: agreed',
         "resolutions.0.paragraphs.2.status: the paragraphs of an adopted resolution have no "
         "status"),
        ("leads: [pe, US]", "leads: [FR]", "expected a member state's ISO 3166 code"),
        ("status: informal_consultations", "status: almost",
         "resolutions.1.paragraphs.0.status: Input should be"),
        ("[{letter: a, text:", "[{letter: a, text: {fr: b}}, {letter: a, text:",
         "subparagraphs.1.letter: letter 'a' is already used"),
    ],
)  # fmt: skip
def test_broken_resolution_rules_are_refused_where_they_break(
    old: str, new: str, expected: str
) -> None:
    assert expected in _error_for(_replace(old, new))


def test_the_same_number_may_be_used_by_a_preambular_and_an_operative_paragraph() -> None:
    plan = parse_plan_text(
        _replace('{number: "1", kind: preambular', '{number: "25", kind: preambular')
    )
    assert [p.number for p in plan.resolutions[0].paragraphs] == ["25", "25", "72"]


@pytest.mark.parametrize(
    "text",
    ["a [[b", "a ]] b", "[[a [[b]] c]]", "a [[ ]] b"],
)
def test_badly_bracketed_texts_are_refused(text: str) -> None:
    with pytest.raises(BracketError):
        bracketed_runs(text)
    error = _error_for(_replace('text: {fr: "à faire [[x]]"}', f'text: {{fr: "{text}"}}'))
    assert (
        "resolutions.1.paragraphs.0.subparagraphs.0.text: Value error, the 'fr' text:" in error
        or ("resolutions.1.paragraphs.0.subparagraphs.0.text: the 'fr' text:" in error)
    )


def test_bracketed_runs_split_plain_and_pending_passages() -> None:
    assert bracketed_runs("Encourage [[urges]] states [[to act]].") == [
        Run("Encourage ", False),
        Run("urges", True),
        Run(" states ", False),
        Run("to act", True),
        Run(".", False),
    ]
    assert bracketed_runs("[a] single brackets stay") == [Run("[a] single brackets stay", False)]
    assert bracketed_runs("") == []


_plain = st.text(st.characters(blacklist_characters="[]"), min_size=1)


@given(st.lists(st.tuples(_plain, st.booleans()), max_size=8))
def test_runs_written_with_marks_split_back_into_the_same_runs(
    pieces: list[tuple[str, bool]],
) -> None:
    # Merge neighbours of the same kind, as the splitter does; pending runs need a non-blank text.
    runs: list[Run] = []
    for text, pending in pieces:
        if pending and not text.strip():
            continue
        if runs and runs[-1].pending == pending:
            runs[-1] = Run(runs[-1].text + text, pending)
        else:
            runs.append(Run(text, pending))
    written = "".join(f"[[{r.text}]]" if r.pending else r.text for r in runs)
    assert bracketed_runs(written) == runs


def test_a_mandates_excluded_paragraph_is_one_the_resolution_assigns_elsewhere() -> None:
    text = _replace(
        "    resolution: ag-res-2945\n",
        '    resolution: ag-res-2945\n    excluded_paragraphs: ["72", "25"]\n',
    )
    error = _error_for(text)
    assert error == (
        "plan.yaml:15: mandates.0.excluded_paragraphs.1: paragraph '25' of AG/RES. 2945 "
        "(XLIX-O/19) is excluded but not held as assigned to another body (assigned_to)"
    )


@settings(max_examples=40, deadline=None)
@given(drafts())
def test_a_plan_with_any_draft_reads_back_equal_from_yaml_and_json(draft: Resolution) -> None:
    plan = Plan.model_validate(build_plan(0).model_dump() | {"resolutions": [draft]})
    assert parse_plan_text(dump_plan_yaml(plan)) == plan
    assert parse_plan_text(dump_plan_json(plan)) == plan
    for paragraph in draft.paragraphs:
        for text in paragraph.texts():
            for value in text.root.values():
                runs = bracketed_runs(value)
                assert "".join(r.text for r in runs) == value.replace("[[", "").replace("]]", "")

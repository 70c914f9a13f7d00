"""Importing the model document gives the model plan, examples/oas-csh-2019-2020.yaml.

The plan file was written by hand from the document; the importer reads the document with a
grammar. Both are compared by content (identifiers may differ). Where the plan file holds a
judgement that the text does not determine, the difference is listed below with its reason.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from comitia.importer import ImportResult, import_document
from comitia.plan import ClaimedCount, Plan
from comitia.plan.files import read_plan
from tests.importer import compare

ROOT = Path(__file__).resolve().parents[2]
DOCUMENT = ROOT / "tests" / "data" / "csh-workplan-2019-2020.fr.txt"
MODEL_PLAN = ROOT / "examples" / "oas-csh-2019-2020.yaml"

# Activities whose organizer the text does not name; the plan file sets it by knowledge.
BODY_BY_JUDGEMENT = {
    "Première réunion des États parties à la Convention interaméricaine contre": "cicte",
    "Troisième Réunion du Groupe de travail sur les mesures": "cicte",
    "IVe Réunion des autorités pénitentiaires": "remja",
    # "(CID)" is printed in the summary only, which is a claim, not data.
    "Séminaire sur les situations d’urgence complexes": "cid",
    "Chef du Groupe de moniteurs interaméricains en Colombie": "jid",
    "Groupe d’experts sur le narcotrafic maritime": "cicad",
    "Groupe d’experts sur les matières chimiques": "cicad",
    "Deuxième Réunion des points de contact nationaux": "dtoc",
    # The name printed differs from the CIFTA's ("contre le trafic illicite d’armes à feu").
    "Ve Conférence des États parties à la Convention interaméricaine": "cifta",
}
# "en Colombie" ends these titles as part of the group's name, not as a venue: a reader knows.
VENUE_IN_NAME = (
    "JID - Passation de pouvoir du Chef du Groupe de conseillers techniques",
    "Chef du Groupe de moniteurs interaméricains en Colombie",
)
# "Exposé du SMM": a typo for SSM that the importer reports as an unknown presenter.
SMM_TYPO = "Exposé du SMM"
# The purpose clause of the 2020 appropriation, kept as a note by judgement.
BUDGET_2020_NOTE = "pour le financement des réunions de la CSH, qui se tiendront"

# Every line the importer does not use, and why: prose without data the plan model holds.
UNUSED = {
    22: "the committee's functions under the Council's rules: prose, no data",
    48: "purpose of the methodology: prose",
    52: "footnote 5 ('listed in chronological order'): about the list, no data",
    60: "who prepares the MISPA: prose",
    62: "how delegations send agenda suggestions: procedure, no data the plan model holds",
    64: "the chair prepares the draft agendas: procedure",
    68: "the annex calendar lists the meetings: prose",
    70: "the SSM may present at each meeting: prose",
    101: "general considerations: prose",
    743: "footnote 17 on the reminders' heading: obligations have no notes in the plan model",
}


@pytest.fixture(scope="module")
def imported() -> ImportResult:
    return import_document(DOCUMENT)


@pytest.fixture(scope="module")
def model() -> Plan:
    return read_plan(MODEL_PLAN)


def _without_smm_presenters(tree: Any) -> Any:
    if isinstance(tree, dict):
        result = {k: _without_smm_presenters(v) for k, v in tree.items()}
        if str(result.get("title") or "").startswith(SMM_TYPO):
            result["presenters"] = []
        return result
    if isinstance(tree, list):
        return [_without_smm_presenters(v) for v in tree]
    return tree


def test_the_committee_meetings_and_their_agendas_are_those_of_the_model_plan(
    imported: ImportResult, model: Plan
) -> None:
    got = [compare.meeting(imported.plan, m) for m in imported.plan.meetings]
    expected = [_without_smm_presenters(compare.meeting(model, m)) for m in model.meetings]
    assert [m["date"] for m in got] == [m["date"] for m in expected]
    for mine, theirs in zip(got, expected, strict=True):
        assert mine == theirs, mine["date"]


def test_the_activities_are_those_of_the_model_plan(imported: ImportResult, model: Plan) -> None:
    got = [compare.activity(imported.plan, a) for a in imported.plan.activities]
    expected = [compare.activity(model, a) for a in model.activities]
    judged = 0
    for theirs in expected:
        for prefix, body in BODY_BY_JUDGEMENT.items():
            if theirs["title"].startswith(prefix):
                assert theirs["body"] == body
                theirs["body"], judged = None, judged + 1
        if theirs["title"].startswith(VENUE_IN_NAME):
            theirs["venue"] = "Colombie"
    assert judged == len(BODY_BY_JUDGEMENT)
    assert got == expected


def test_the_bureau_obligations_and_appropriations_are_those_of_the_model_plan(
    imported: ImportResult, model: Plan
) -> None:
    plan = imported.plan
    assert [compare.officer(o) for o in plan.officers] == [
        compare.officer(o) for o in model.officers
    ]
    assert [compare.obligation(o) for o in plan.obligations] == [
        compare.obligation(o) for o in model.obligations
    ]
    expected = [compare.appropriation(a) for a in model.appropriations]
    assert expected[2]["notes"][0].startswith(BUDGET_2020_NOTE)
    expected[2]["notes"] = []
    assert [compare.appropriation(a) for a in plan.appropriations] == expected


def test_the_term_installation_approval_and_requested_events_are_read(
    imported: ImportResult, model: Plan
) -> None:
    plan = imported.plan
    assert plan.term.model_dump() == model.term.model_dump()
    assert plan.document is not None and model.document is not None
    assert (plan.document.symbol, plan.document.revision, plan.document.approved_on) == (
        model.document.symbol,
        model.document.revision,
        model.document.approved_on,
    )
    assert [(str(e.title), str(e.when)) for e in plan.requested_events] == [
        (str(e.title), str(e.when)) for e in model.requested_events
    ]
    assert [e.meeting for e in plan.requested_events] == [e.meeting for e in model.requested_events]
    assert [(d.date, str(d.name)) for d in plan.non_meeting_days] == [
        (d.date, str(d.name)) for d in model.non_meeting_days
    ]


def test_mandates_keep_their_sources_articles_bodies_and_excluded_paragraphs(
    imported: ImportResult, model: Plan
) -> None:
    def shape(plan: Plan) -> list[tuple[Any, ...]]:
        return [
            (m.group.value, str(m.title), m.source, m.article, m.body, m.excluded_paragraphs)
            for m in plan.mandates
        ]

    assert shape(imported.plan) == shape(model)


def test_the_counts_stated_in_prose_are_kept_as_claims(imported: ImportResult) -> None:
    claims = [(c.counts, c.number, c.line) for c in imported.plan.count_claims]
    assert claims == [
        (ClaimedCount.GA_REQUESTED_MEETINGS, 5, 12),
        (ClaimedCount.REGULAR_MEETINGS, 13, 12),
        (ClaimedCount.HALF_DAY_SESSIONS, 3, 90),
        (ClaimedCount.FULL_DAY_SESSIONS, 2, 90),
    ]


def test_the_month_by_month_summary_is_kept_as_claims_not_as_data(
    imported: ImportResult,
) -> None:
    claims = imported.plan.summary_claims
    assert len(claims) == 42
    first = claims[0]
    assert (str(first.when), first.committee, first.line) == ("2019-10-22", False, 567)
    # The summary says 17-20 December for a seminar that the calendar puts in November.
    seminar = next(c for c in claims if "droits de la personne" in str(c.title))
    assert str(seminar.when) == "2019-12-17/2019-12-20"
    committee = [c for c in claims if c.committee]
    assert all("CSH" in str(c.title) for c in committee)


def test_every_unused_line_is_listed_and_explained(imported: ImportResult) -> None:
    assert [n for n, _ in imported.report.unused] == sorted(UNUSED)


def test_the_presenter_typo_is_reported_as_a_warning(imported: ImportResult) -> None:
    assert imported.report.warnings == [
        (277, "the presenter 'SMM' is not a known body"),
        (522, "the presenter 'SMM' is not a known body"),
    ]


def negotiation_shape(plan: Plan) -> tuple[Any, ...]:
    assert plan.negotiation is not None
    return (
        str(plan.negotiation.title),
        str(plan.negotiation.starts),
        [
            (
                m.kind.value,
                str(m.when) if m.when else None,
                m.meeting,
                m.half_day_sessions,
                m.full_day_sessions,
            )
            for m in plan.negotiation.milestones
        ],
    )


def test_the_negotiation_plan_is_read_from_its_prose(imported: ImportResult, model: Plan) -> None:
    # Milestone titles are the document's clauses; the plan file words them by judgement.
    assert negotiation_shape(imported.plan) == negotiation_shape(model)


def _resolution(plan: Plan) -> list[tuple[Any, ...]]:
    number = {area.id: area.number for area in plan.thematic_areas}
    (resolution,) = plan.resolutions
    sections = {s.id: number.get(s.area or "") for s in resolution.sections}
    return [
        (
            resolution.symbol,
            str(resolution.title),
            p.number,
            p.kind.value,
            sections.get(p.section or ""),
            None if p.subject is None else str(p.subject),
            p.text,
            p.assigned_to,
        )
        for p in resolution.paragraphs
    ]


def test_the_resolution_holds_the_paragraphs_the_document_cites_as_the_model_plan_does(
    imported: ImportResult, model: Plan
) -> None:
    assert _resolution(imported.plan) == _resolution(model)
    (mandate,) = [m for m in imported.plan.mandates if m.resolution is not None]
    assert mandate.source == "AG/RES. 2945 (XLIX-O/19)"


def test_every_mandate_citation_of_the_model_plan_names_a_held_paragraph(model: Plan) -> None:
    (resolution,) = model.resolutions
    cited = [
        number
        for meeting in model.meetings
        for node in meeting.agenda_nodes()
        for citation in node.citations
        if citation.mandate == "ag-res-2945"
        for number in citation.paragraphs
    ]
    assert cited and all(resolution.paragraph(n) is not None for n in cited)
    assigned = {p.number: p.assigned_to for p in resolution.paragraphs if p.assigned_to}
    assert assigned == {"72": "cp", "81": "cidi"}
    assert all(p.text is None for p in resolution.paragraphs)

"""Work plans of other years, in English, Spanish and Portuguese, import with no unused line.

The fixtures (tests/data/importer/) differ from the model document in the details that real
documents vary: English dates and a.m./p.m. times, "originally scheduled for", "Messrs.", a
comma before a place; Spanish "horas" and "estaba prevista para el"; Portuguese "1º de dezembro",
"10h00", "foi inicialmente programada para".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from comitia.importer import ImportResult, import_document
from comitia.plan import AgendaNode, ClaimedCount, Plan

DATA = Path(__file__).resolve().parents[1] / "data" / "importer"


def _import(name: str) -> ImportResult:
    return import_document(DATA / name)


def _meetings(plan: Plan) -> list[tuple[Any, ...]]:
    return [
        (
            m.date.isoformat(),
            m.start.strftime("%H:%M"),
            m.end.strftime("%H:%M"),
            m.kind.value,
            m.provisional,
            [d.isoformat() for d in m.previous_dates],
            str(m.venue) if m.venue else None,
        )
        for m in plan.meetings
    ]


def _shape(nodes: list[AgendaNode]) -> list[Any]:
    return [
        (n.kind.value, n.presenters, [c.paragraphs for c in n.citations], n.documents)
        if not n.items
        else (n.kind.value, _shape(n.items))
        for n in nodes
    ]


def _activities(plan: Plan) -> list[tuple[Any, ...]]:
    return [
        (str(a.when), a.body, str(a.venue) if a.venue else None, a.start is not None)
        for a in plan.activities
    ]


@pytest.mark.parametrize(
    "name",
    [
        "csh-workplan-2021-2022.en.txt",
        "csh-workplan-2018-2019.es.txt",
        "csh-workplan-2022-2023.pt.txt",
    ],
)
def test_every_line_of_another_document_is_used(name: str) -> None:
    report = _import(name).report
    assert report.unused == []
    assert report.warnings == []


def test_an_english_work_plan_of_another_year() -> None:
    result = _import("csh-workplan-2021-2022.en.txt")
    plan = result.plan
    assert plan.language.value == "en"
    assert (plan.term.label, plan.term.installed_on.isoformat()) == ("2021-2022", "2021-07-14")
    assert _meetings(plan) == [
        ("2021-10-21", "10:00", "13:00", "regular", False, [], None),
        ("2021-10-28", "10:00", "13:00", "regular", False, [], None),
        ("2021-12-02", "10:00", "13:00", "special", False, [], None),
        ("2022-01-20", "14:30", "17:30", "regular", False, ["2022-01-27"], None),
        ("2022-03-10", "10:00", "13:00", "ga_requested", True, [], None),
        ("2022-04-05", "10:00", "13:00", "regular", False, [], "Simón Bolívar Room"),
    ]
    assert _shape(plan.meetings[1].agenda) == [
        ("item", [], [], ["CP/CSH-2050/21 rev. 1"]),
        (
            "area",
            [
                (
                    "topic",
                    [
                        ("item", ["dtoc"], [["20", "21", "22"]], []),
                        ("item", [], [["23", "25", "27"]], []),
                    ],
                )
            ],
        ),
    ]
    # Annual reports under Article 91.f cite the Charter mandate of the body named.
    reports = plan.meetings[5].agenda[0]
    assert reports.items[0].citations[0].article == "91 f"
    assert _activities(plan) == [
        ("2021-10-19", "jid", None, False),
        ("2021-11-08/2021-11-09", "cid", None, False),
        ("2022-40", "cifta", "Washington, D.C.", False),
        ("2022-02-15/2022-02-17", "cid", None, False),
        ("2022-04-07?", "cicte", "Washington, D.C.", False),
        ("2022-07?", None, "Panama", False),
        ("2022", None, None, False),
    ]
    assert [(o.role.value, o.person, o.state, str(o.honorific)) for o in plan.officers] == [
        ("chair", "María del Carmen Squeff", "AR", "Ambassador"),
        ("first_vice_chair", "Ronald Sanders", "AG", "Ambassador"),
        ("second_vice_chair", "Luis Vargas", "CR", "Mr."),
        ("third_vice_chair", "Paul Fontaine", "CA", "Mr."),
    ]
    assert [(str(a.period), int(a.amount)) for a in plan.appropriations] == [
        ("2021", 98500),
        ("2021-10/2021-12", 15000),
    ]
    assert [(o.frequency.value, o.due, o.channel) for o in plan.obligations] == [
        ("yearly", "--03-15", "http://www.oas.org/csbm/"),
        ("yearly", "--07-01", None),
        ("standing", None, None),
    ]
    assert [(c.counts, c.number) for c in plan.count_claims] == [
        (ClaimedCount.GA_REQUESTED_MEETINGS, 2),
        (ClaimedCount.REGULAR_MEETINGS, 4),
    ]
    assert [(str(c.when), c.committee) for c in plan.summary_claims][:3] == [
        ("2021-10-19", False),
        ("2021-10-21", True),
        ("2021-10-28", True),
    ]
    assert [d.date.isoformat() for d in plan.non_meeting_days] == ["2021-11-25"]
    assert plan.document is not None and plan.document.symbol == "CP/CSH-2050/21 rev. 1"
    assert plan.negotiation is not None
    assert str(plan.negotiation.starts) == "2022-03"
    assert [(m.kind.value, str(m.when), m.meeting) for m in plan.negotiation.milestones] == [
        ("methodology", "2022-01-20", "csh-2022-01-20"),
        ("first_draft", "2022-04-05", "csh-2022-04-05"),
    ]


def test_a_spanish_work_plan_of_another_year() -> None:
    plan = _import("csh-workplan-2018-2019.es.txt").plan
    assert plan.language.value == "es"
    assert _meetings(plan) == [
        ("2018-10-25", "10:00", "13:00", "regular", False, [], None),
        ("2018-12-13", "10:00", "13:00", "regular", False, ["2018-12-06"], None),
        ("2019-01-15", "14:30", "17:30", "regular", False, [], "Sede de la JID"),
        ("2019-03-21", "10:00", "13:00", "regular", True, [], None),
    ]
    assert _shape(plan.meetings[2].agenda) == [
        ("area", [("topic", [("item", [], [["9", "10", "11", "12", "13", "14"]], [])])])
    ]
    assert _shape(plan.meetings[1].agenda) == [
        (
            "area",
            [
                (
                    "topic",
                    [
                        ("item", ["ssm", "jid"], [["52", "54"]], []),
                        ("item", [], [], ["CP/CSH/INF. 430/18"]),
                    ],
                )
            ],
        )
    ]
    assert _activities(plan) == [
        ("2018-11-13/2018-11-15", "cid", None, False),
        ("2019-33", "gelavex", None, False),
        ("2019-03?", "cicad", "Panamá", False),
    ]
    assert [(o.role.value, o.state, str(o.honorific)) for o in plan.officers] == [
        ("chair", "CO", "Embajadora"),
        ("first_vice_chair", "MX", "Señor"),
        ("second_vice_chair", "PE", "Señor"),
    ]
    assert [(o.frequency.value, o.due) for o in plan.obligations] == [
        ("yearly", "--04-15"),
        ("voluntary", None),
    ]
    assert [(c.counts, c.number) for c in plan.count_claims] == [
        (ClaimedCount.GA_REQUESTED_MEETINGS, 3),
        (ClaimedCount.REGULAR_MEETINGS, 5),
    ]


def test_a_portuguese_work_plan_of_another_year() -> None:
    plan = _import("csh-workplan-2022-2023.pt.txt").plan
    assert plan.language.value == "pt"
    assert _meetings(plan) == [
        ("2022-10-27", "10:00", "13:00", "regular", False, [], None),
        ("2022-12-01", "10:00", "13:00", "regular", False, ["2022-11-24"], None),
        ("2023-01-17", "14:30", "17:30", "regular", False, [], "Sede da JID"),
    ]
    assert _shape(plan.meetings[1].agenda) == [
        ("area", [("topic", [("item", ["cicte"], [["60", "61", "63"]], [])])])
    ]
    assert _activities(plan) == [
        ("2022-11-08/2022-11-09", "cid", None, False),
        ("2023-41", "cifta", "Washington, D.C.", False),
        ("2023-04?", "cicad", "Chile", False),
    ]
    assert [(o.frequency.value, o.due, o.parties.value) for o in plan.obligations] == [
        ("yearly", "--06-15", "states_parties")
    ]
    assert plan.document is not None
    assert (plan.document.symbol, plan.document.approved_on.isoformat()) == (
        "CP/CSH-2110/22 rev. 1",
        "2022-10-27",
    )


def test_another_committee_with_another_layout() -> None:
    # The CAJP: times written "de 10:00 a 13:00 horas" after the date, activities after a dash,
    # no list of thematic areas, "(por confirmar)" beside a month.
    result = _import("cajp-workplan-2020-2021.es.txt")
    plan = result.plan
    assert result.report.unused == []
    assert plan.term.committee == "cajp"
    assert _meetings(plan) == [
        ("2020-10-15", "10:00", "13:00", "regular", False, [], None),
        ("2020-11-05", "14:30", "17:30", "regular", False, [], "Salón Padilha Vidal"),
        ("2021-01-12", "10:00", "13:00", "regular", False, ["2021-01-14"], None),
    ]
    assert [m.presenters for m in plan.meetings[1].agenda] == [["cidh"], []]
    assert _activities(plan) == [
        ("2020-10-15", "cidh", None, False),
        ("2020-11?", None, None, False),
    ]
    assert [(o.role.value, o.state, o.elected_by) for o in plan.officers] == [
        ("chair", "US", "cajp")
    ]


def test_times_in_prose_and_activities_after_an_em_dash() -> None:
    result = _import("csh-workplan-2019-2020-short.en.txt")
    plan = result.plan
    assert result.report.unused == []
    assert _meetings(plan) == [
        ("2019-11-12", "10:00", "13:00", "regular", False, [], None),
        ("2019-12-05", "10:00", "13:00", "regular", True, [], None),
    ]
    first = plan.meetings[0].agenda
    assert first[0].presenters == ["jid"]
    assert [(c.symbol, c.paragraphs) for c in first[1].citations] == [
        ("AG/RES. 2945 (XLIX-O/19)", ["5"])
    ]
    assert _activities(plan) == [
        ("2019-11-14/2019-11-15", "gelavex", None, False),
        ("2019-12-09/2019-12-11", "cid", "Washington, D.C.", False),
    ]
    # No list of areas and no heading in the agendas: no thematic area is made up.
    assert plan.thematic_areas == []


def test_a_french_plan_with_times_in_words_and_another_footnote_wording() -> None:
    result = _import("csh-workplan-2020-2021-short.fr.txt")
    plan = result.plan
    assert result.report.unused == []
    assert _meetings(plan) == [
        ("2020-10-14", "10:00", "13:00", "regular", False, [], None),
        ("2020-11-12", "10:00", "13:00", "regular", False, ["2020-11-05"], None),
    ]
    item = plan.meetings[1].agenda[0]
    # No mandate and no resolution named: the paragraphs cannot be cited, and the report says so.
    assert (item.presenters, [c.paragraphs for c in item.citations]) == (["jid"], [])
    assert result.report.warnings == [(17, "paragraphes 19 et 20: no resolution is named for them")]
    assert _activities(plan) == [("2020-11-03/2020-11-04", "gelavex", "Panama", False)]

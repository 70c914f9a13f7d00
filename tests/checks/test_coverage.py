"""Mandate coverage: what addresses each mandate, its state, by thematic area."""

from __future__ import annotations

import datetime as dt

from comitia.checks import CoverageState, mandate_coverage
from comitia.plan import (
    AgendaKind,
    AgendaNode,
    Citation,
    Mandate,
    MandateGroup,
    MeetingStatus,
    Plan,
)
from tests.checks.plans import item, meeting, plan, text


def cites(mandate: str, *paragraphs: str) -> AgendaNode:
    return item(
        f"Point {mandate}", citations=[Citation(mandate=mandate, paragraphs=list(paragraphs))]
    )


def in_area(area: str, *items: AgendaNode) -> AgendaNode:
    return AgendaNode(kind=AgendaKind.AREA, area=area, items=list(items))


def test_a_mandate_cited_in_two_areas_appears_in_each_with_its_items() -> None:
    p = plan(
        meetings=[
            meeting("2019-10-24", agenda=[in_area("securite", cites("res", "25"))]),
            meeting("2019-11-07", agenda=[in_area("armes", cites("res", "66", "92"))]),
        ]
    )
    areas = mandate_coverage(p, today=dt.date(2019, 10, 1))
    assert [a.area.id if a.area else None for a in areas] == ["securite", "armes"]
    (armes,) = areas[1].mandates
    assert [address.paragraphs for address in armes.addresses] == [("66", "92")]
    assert [m.id for m in armes.meetings] == ["m-2019-11-07"]


def test_states_not_scheduled_scheduled_presented() -> None:
    other = Mandate(
        id="autre",
        group=MandateGroup.STANDING,
        title=text("Autre"),
        source="CP/RES. 1061/16",
        area="armes",
    )
    p = plan(
        mandates=[*plan().mandates, other],
        meetings=[meeting("2019-10-24", agenda=[cites("res")])],
    )

    def states(today: dt.date) -> dict[str, CoverageState]:
        return {
            c.mandate.id: c.state
            for area in mandate_coverage(p, today=today)
            for c in area.mandates
        }

    assert states(dt.date(2019, 10, 1)) == {
        "res": CoverageState.SCHEDULED,
        "autre": CoverageState.NOT_SCHEDULED,
    }
    assert states(dt.date(2019, 10, 25))["res"] is CoverageState.PRESENTED


def test_a_held_meeting_presents_and_a_cancelled_one_addresses_nothing() -> None:
    def state(status: MeetingStatus) -> CoverageState:
        p = plan(meetings=[meeting("2019-10-24", status=status, agenda=[cites("res")])])
        return mandate_coverage(p, today=dt.date(2019, 10, 1))[0].mandates[0].state

    assert state(MeetingStatus.HELD) is CoverageState.PRESENTED
    assert state(MeetingStatus.CANCELLED) is CoverageState.NOT_SCHEDULED


def test_the_model_plan_covers_every_mandate_but_the_standing_ones(model_plan: Plan) -> None:
    areas = mandate_coverage(model_plan, today=dt.date(2019, 11, 7))
    rows = [
        (a.area.number if a.area else None, c.mandate.id, c.state)
        for a in areas
        for c in a.mandates
    ]
    assert {m for _n, m, state in rows if state is CoverageState.NOT_SCHEDULED} == {
        "cp-res-1061-critere-1",
        "gt-ve-3-15-mandats-a",
    }
    numbers = [n for n, _m, _s in rows if n is not None]
    assert numbers == sorted(numbers)
    assert (4, "ag-res-2945", CoverageState.PRESENTED) in rows  # 24 October 2019, MISPA VII

"""Another date for one meeting: five, best first, each free of every hard constraint."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from comitia.plan import Plan
from comitia.plan.files import read_plan
from comitia.schedule.assistant import other_dates
from comitia.schedule.evaluate import violations
from comitia.schedule.problem import build_problem
from comitia.schedule.solve import Organization, Placement

MODEL_PLAN = Path(__file__).parents[2] / "examples" / "oas-csh-2019-2020.yaml"


@pytest.fixture(scope="module")
def plan() -> Plan:
    return read_plan(MODEL_PLAN)


def test_five_other_dates_best_first_none_on_its_own_day(plan: Plan) -> None:
    dates = other_dates(plan, "csh-2020-03-05")
    assert len(dates) == 5
    assert len({d.day for d in dates}) == 5
    assert dt.date(2020, 3, 5) not in {d.day for d in dates}
    totals = [d.soft.total for d in dates]
    assert totals == sorted(totals)


def test_each_other_date_is_free_of_every_hard_constraint(plan: Plan) -> None:
    problem = build_problem(plan)
    where = {m.id: m for m in plan.meetings}
    for date in other_dates(plan, "csh-2020-03-05"):
        placements = {
            m.id: Placement(
                m.id,
                problem.committee,
                m.date,
                problem.demand(m.id).current_half,
                problem.demand(m.id).full_day,
                None,
                None,
            )
            for m in where.values()
        }
        placements["csh-2020-03-05"] = Placement(
            "csh-2020-03-05", problem.committee, date.day, date.half, False, None, None
        )
        found = [
            v
            for v in violations([problem], Organization(), placements)
            if "csh-2020-03-05" in v.meetings
        ]
        assert found == [], (date.day, found)


def test_a_meeting_already_held_has_no_other_date(plan: Plan) -> None:
    with pytest.raises(ValueError, match="held"):
        other_dates(plan, "csh-2019-10-24", today=dt.date(2020, 1, 1))


def test_an_unknown_meeting_is_a_key_error(plan: Plan) -> None:
    with pytest.raises(KeyError):
        other_dates(plan, "no-such-meeting")


def test_with_the_organization_each_date_has_a_free_room_and_team(plan: Plan) -> None:
    from comitia.plan.files import read_organization
    from comitia.schedule.shared import shared_with

    examples = MODEL_PLAN.parent
    organization = read_organization(examples / "oas-organization-illustrative.yaml")
    other = read_plan(examples / "oas-cajp-2019-2020-illustrative.yaml")
    here = plan.model_copy(update={"organization": organization.id})
    dates = other_dates(
        here,
        "csh-2020-03-05",
        share=lambda problem: shared_with(problem, here, organization, [other]),
    )
    assert len(dates) == 5
    booked = [m for m in other.meetings if m.status != "cancelled"]
    held = {(m.date, m.start < dt.time(13, 0), m.room) for m in booked}
    teams = {(m.date, m.start < dt.time(13, 0), m.team) for m in booked}
    for date in dates:
        assert date.room in {"simon-bolivar", "ruben-dario"}  # booths for four languages
        assert date.team == "team-a"
        morning = date.start < dt.time(13, 0)
        assert (date.day, morning, date.room) not in held
        assert (date.day, morning, date.team) not in teams


def test_the_soft_change_is_against_the_calendar_as_it_is(plan: Plan) -> None:
    for date in other_dates(plan, "csh-2020-03-05"):
        assert date.now is not None
        assert date.soft_change == date.soft.total - date.now.total
        assert date.now.moved == 0 and date.now.weeks_away == 0

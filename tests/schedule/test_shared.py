"""The scheduler with the organization's rooms and teams and another committee's bookings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from comitia.checks import OtherCommittee, Severity, run_checks
from comitia.plan import Plan, Text
from comitia.plan.files import read_organization, read_plan
from comitia.plan.organization import Organization as OrganizationFile
from comitia.schedule.problem import Half, build_problem
from comitia.schedule.proposal import apply_proposal
from comitia.schedule.shared import shared_with
from comitia.schedule.solve import solve

EXAMPLES = Path(__file__).parents[2] / "examples"
RECORDED = dt.datetime(2019, 9, 2, 12, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def plan() -> Plan:
    return read_plan(EXAMPLES / "oas-csh-2019-2020.yaml")


@pytest.fixture(scope="module")
def organization() -> OrganizationFile:
    return read_organization(EXAMPLES / "oas-organization-illustrative.yaml")


@pytest.fixture(scope="module")
def other() -> Plan:
    return read_plan(EXAMPLES / "oas-cajp-2019-2020-illustrative.yaml")


def test_a_proposal_beside_another_committee_books_no_room_or_team_twice(
    plan: Plan, organization: OrganizationFile, other: Plan
) -> None:
    problem = build_problem(plan)
    shared = shared_with(problem, plan, organization, [other])
    outcome = solve([problem], shared, time_limit=5)
    assert outcome.feasible
    proposal = apply_proposal(
        plan, problem, outcome, reason=Text.of("fr", "Exemple"), recorded_at=RECORDED
    )
    assert all(m.room is not None for m in proposal.meetings if m.venue is None)
    findings = run_checks(
        proposal,
        today=dt.date(2019, 9, 1),
        organization=organization,
        others=[OtherCommittee.of_plan(other)],
    )
    clashes = [f.code for f in findings if f.code.startswith("ORG")]
    assert clashes == []
    assert [f.code for f in findings if f.severity is Severity.ERROR] == []


def test_a_half_day_the_other_committee_holds_in_the_only_room_is_left_to_it(
    plan: Plan, organization: OrganizationFile, other: Plan
) -> None:
    only = organization.model_copy(update={"rooms": organization.rooms[:1]})
    room = only.rooms[0].id
    held = [
        (m.date, m.start)
        for m in other.meetings
        if m.room == room and m.status.value != "cancelled"
    ]
    assert held, "the illustrative committee books the first room"
    problem = build_problem(plan)
    shared = shared_with(problem, plan, only, [other])
    outcome = solve([problem], shared, time_limit=5)
    assert outcome.feasible
    for placement in outcome.placements.values():
        if placement.room != room:
            continue
        halves = (Half.MORNING, Half.AFTERNOON) if placement.full_day else (placement.half,)
        for day, start in held:
            other_half = Half.MORNING if start < dt.time(13, 0) else Half.AFTERNOON
            assert not (placement.day == day and other_half in halves), placement

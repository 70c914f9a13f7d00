"""Agenda items that must follow others: the scheduler holds their meetings in that order."""

from __future__ import annotations

import datetime as dt
from typing import Any

from comitia.plan import Citation, Plan
from comitia.schedule.evaluate import violations
from comitia.schedule.problem import Family, build_problem
from comitia.schedule.proposal import describe
from comitia.schedule.solve import Organization, Placement, solve
from tests.checks.plans import item, meeting, plan


def _ordered(first_day: str, second_day: str) -> Plan:
    """Illustrative: the item of the meeting on ``second_day`` follows that of ``first_day``."""
    cited: dict[str, Any] = {"citations": [Citation(mandate="res")]}
    received = item("Rapport reçu", id="report-received", **cited)
    considered = item("Rapport examiné", after=["report-received"], **cited)
    return plan(
        meetings=[
            meeting(first_day, id="first", agenda=[received]),
            meeting(second_day, id="second", agenda=[considered]),
        ]
    )


def test_the_problem_orders_the_meetings_of_an_item_and_the_item_it_follows() -> None:
    problem = build_problem(_ordered("2019-10-31", "2019-10-24"))
    assert problem.follows == [("first", "second", "report-received")]


def test_the_proposal_puts_the_following_items_meeting_after_the_others() -> None:
    p = _ordered("2019-10-31", "2019-10-24")
    problem = build_problem(p)
    outcome = solve([problem], time_limit=10)
    assert outcome.feasible
    assert outcome.placements["first"].day < outcome.placements["second"].day
    assert list(violations([problem], Organization(), outcome.placements)) == []


def test_meetings_out_of_order_are_an_agenda_violation() -> None:
    problem = build_problem(_ordered("2019-10-31", "2019-10-24"))
    as_planned = {
        d.id: Placement(d.id, d.committee, d.current, d.current_half, d.full_day, None, None)
        for d in problem.demands
    }
    found = list(violations([problem], Organization(), as_planned))
    assert [(v.family, v.meetings) for v in found] == [(Family.AGENDA, ("first", "second"))]


def test_a_kept_meeting_is_the_one_the_other_is_placed_around() -> None:
    p = _ordered("2019-11-14", "2019-10-24")
    outcome = solve([build_problem(p, place=["second"])], time_limit=10)
    assert outcome.feasible
    assert outcome.placements["first"].day == dt.date(2019, 11, 14)
    assert outcome.placements["second"].day > dt.date(2019, 11, 14)


def test_two_kept_meetings_out_of_order_are_left_to_the_checks() -> None:
    p = _ordered("2019-11-14", "2019-10-24")
    assert build_problem(p, place=[]).follows == []


def test_an_item_that_must_follow_one_on_the_terms_last_day_is_explained() -> None:
    p = _ordered("2020-09-30", "2019-10-24")
    problem = build_problem(p, place=["second"])
    outcome = solve([problem], time_limit=5)
    assert not outcome.feasible
    assert outcome.clash == (Family.AGENDA,)
    assert "the agenda items that must come after others" in "\n".join(
        describe(p, problem, outcome, "en")
    )
    assert "les points de l’ordre du jour qui doivent venir après d’autres" in "\n".join(
        describe(p, problem, outcome, "fr")
    )

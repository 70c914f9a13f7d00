"""The scheduler on the model plan and on plans made to clash: what it places and what it names."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from comitia.checks import Severity, run_checks
from comitia.cli import main
from comitia.plan import MeetingKind, Plan, Text
from comitia.plan.files import read_plan
from comitia.plan.sessions import SessionLength
from comitia.schedule.evaluate import soft_cost, violations
from comitia.schedule.problem import Family, Half, Problem, Resource, build_problem
from comitia.schedule.proposal import apply_proposal, describe
from comitia.schedule.solve import Organization, Outcome, solve

ROOT = Path(__file__).parents[2]
MODEL_PLAN = ROOT / "examples" / "oas-csh-2019-2020.yaml"
REASON = Text.of("en", "Illustrative re-plan")
RECORDED = dt.datetime(2019, 9, 2, 12, 0, tzinfo=dt.UTC)
MAY_2020 = (dt.date(2020, 5, 1), dt.date(2020, 5, 31))


@pytest.fixture(scope="module")
def plan() -> Plan:
    return read_plan(MODEL_PLAN)


@pytest.fixture(scope="module")
def replanned(plan: Plan) -> Outcome:
    return solve([build_problem(plan)], time_limit=10)


def test_the_model_plan_replanned_from_scratch_places_every_meeting(
    plan: Plan, replanned: Outcome
) -> None:
    assert replanned.feasible
    assert set(replanned.placements) == {m.id for m in plan.meetings}


def test_every_meeting_is_on_a_working_day_of_the_term(plan: Plan, replanned: Outcome) -> None:
    closed = {day.date for day in plan.non_meeting_days}
    for placement in replanned.placements.values():
        assert plan.term.start <= placement.day <= plan.term.end
        assert placement.day.isoweekday() <= 5, placement
        assert placement.day not in closed, placement


def test_regular_meetings_are_on_thursday_mornings_where_nothing_else_forbids(
    plan: Plan, replanned: Outcome
) -> None:
    regular = [m for m in plan.meetings if m.kind is MeetingKind.REGULAR]
    off_thursday = [m.id for m in regular if replanned.placements[m.id].day.isoweekday() != 4]
    # May 2020 has four Thursdays for the formal review's five sessions: one must be on
    # another day; every other regular meeting is on a Thursday.
    assert len(off_thursday) == 1
    assert MAY_2020[0] <= replanned.placements[off_thursday[0]].day <= MAY_2020[1]
    assert all(p.half is Half.MORNING for p in replanned.placements.values() if not p.full_day)


def test_the_formal_review_stays_in_may_opened_by_the_final_reports(
    plan: Plan, replanned: Outcome
) -> None:
    review = [m.id for m in plan.meetings if MAY_2020[0] <= m.date <= MAY_2020[1]]
    assert len(review) == 5
    days = {m: replanned.placements[m].day for m in review}
    assert all(MAY_2020[0] <= day <= MAY_2020[1] for day in days.values())
    # The final reports (milestone rapports-finals, meeting of 5 May) open the review.
    assert days["csh-2020-05-05"] == min(days.values())
    assert len(set(days.values())) == 5
    assert replanned.placements["csh-2020-04-02"].day < min(days.values())


def test_requested_events_are_on_the_dates_the_methodology_states(
    plan: Plan, replanned: Outcome
) -> None:
    # The Caribbean meeting returns to the 16 April the methodology states.
    assert replanned.placements["csh-2020-04-30"].day == dt.date(2020, 4, 16)
    assert replanned.placements["csh-2020-02-20"].day == dt.date(2020, 2, 20)
    assert replanned.placements["csh-2019-12-05"].day == dt.date(2019, 12, 5)


def test_a_presenting_body_is_not_given_a_meeting_on_the_day_of_its_own_event(
    replanned: Outcome,
) -> None:
    # The IADB (jid) presents on 23 January 2020, when its Council of Delegates meets.
    assert replanned.placements["csh-2020-01-23"].day != dt.date(2020, 1, 23)


def test_the_proposal_checks_without_error_and_records_each_move(
    plan: Plan, replanned: Outcome
) -> None:
    problem = build_problem(plan)
    proposal = apply_proposal(plan, problem, replanned, reason=REASON, recorded_at=RECORDED)
    errors = [
        f.code
        for f in run_checks(proposal, today=dt.date(2019, 9, 1))
        if f.severity is Severity.ERROR
    ]
    assert errors == []
    caribbean = next(m for m in proposal.meetings if m.id == "csh-2020-04-30")
    before = next(m for m in plan.meetings if m.id == "csh-2020-04-30")
    assert caribbean.date == dt.date(2020, 4, 16)
    # The day it returns to leaves its earlier dates; the day it leaves joins them.
    assert caribbean.previous_dates == [dt.date(2020, 4, 30)]
    assert caribbean.moves[-1].date == dt.date(2020, 4, 30)
    assert caribbean.moves[-1].reason == REASON
    assert caribbean.sequence == before.sequence + 1
    unchanged = next(m for m in proposal.meetings if m.id == "csh-2019-10-24")
    assert unchanged == next(m for m in plan.meetings if m.id == "csh-2019-10-24")


def test_steps_of_the_negotiation_follow_their_moved_meeting(
    plan: Plan, replanned: Outcome
) -> None:
    proposal = apply_proposal(
        plan, build_problem(plan), replanned, reason=REASON, recorded_at=RECORDED
    )
    assert proposal.negotiation is not None
    for milestone in proposal.negotiation.milestones:
        if milestone.meeting is not None and milestone.when is not None:
            meeting = next(m for m in proposal.meetings if m.id == milestone.meeting)
            assert milestone.when.contains(meeting.date), milestone.id


def test_the_same_input_gives_the_same_proposal(plan: Plan, replanned: Outcome) -> None:
    again = solve([build_problem(plan)], time_limit=10)
    assert again.placements == replanned.placements


def test_meetings_held_before_today_keep_their_day(plan: Plan) -> None:
    today = dt.date(2020, 3, 1)
    outcome = solve([build_problem(plan, today=today)], time_limit=10)
    assert outcome.feasible
    for meeting in plan.meetings:
        if meeting.date < today:
            assert outcome.placements[meeting.id].day == meeting.date
        else:
            assert outcome.placements[meeting.id].day >= today


def test_too_long_a_gap_for_the_review_names_the_review_and_the_gap(plan: Plan) -> None:
    # Eight days between meetings leave May room for four sessions, not the review's five.
    problem = build_problem(plan, min_gap_days=8)
    outcome = solve([problem], time_limit=10)
    assert not outcome.feasible
    assert set(outcome.clash) == {Family.REVIEW, Family.GAP}
    assert len(outcome.unplaced) == 1
    report = "\n".join(describe(plan, problem, outcome, "en"))
    assert "Could not place 1 meeting(s)" in report
    assert "formal review" in report and "8 day(s)" in report


CLASH_REPORT = {
    "fr": (
        "réunion(s) n’a (n’ont) pas pu être placée(s) :",
        "Ces contraintes sont incompatibles :",
        "  - les dates de l’examen formel du projet de résolution",
        "  - le minimum de 8 jour(s) entre deux réunions d’une commission",
        "Coût des contraintes souples :",
    ),
    "es": (
        "No se pudo ubicar",
        "Estas restricciones son incompatibles:",
        "  - las fechas de la consideración formal del proyecto de resolución",
        "  - el mínimo de 8 día(s) entre dos reuniones de una comisión",
        "Costo de las restricciones flexibles:",
    ),
    "pt": (
        "Não foi possível situar",
        "Estas restrições são incompatíveis:",
        "  - as datas do exame formal do projeto de resolução",
        "  - o mínimo de 8 dia(s) entre duas reuniões de uma comissão",
        "Custo das restrições flexíveis:",
    ),
}


@pytest.fixture(scope="module")
def too_long_a_gap(plan: Plan) -> tuple[Problem, Outcome]:
    problem = build_problem(plan, min_gap_days=8)
    return problem, solve([problem], time_limit=10)


@pytest.mark.parametrize("lang", sorted(CLASH_REPORT))
def test_the_report_and_its_clashes_are_told_in_the_readers_language(
    plan: Plan, too_long_a_gap: tuple[Problem, Outcome], lang: str
) -> None:
    problem, outcome = too_long_a_gap
    report = "\n".join(describe(plan, problem, outcome, lang))
    for line in CLASH_REPORT[lang]:
        assert line in report
    assert "Could not place" not in report and "clash" not in report


def test_an_appropriation_too_small_names_the_budget(plan: Plan) -> None:
    appropriations = [
        a.model_copy(update={"amount": Decimal(1000)}) if a.id == "budget-2020" else a
        for a in plan.appropriations
    ]
    poor = plan.model_copy(update={"appropriations": appropriations})
    outcome = solve([build_problem(poor)], time_limit=2)
    assert not outcome.feasible
    assert outcome.clash == (Family.BUDGET,)


def _two_committees(plan: Plan, rooms: list[Resource]) -> list:
    first = build_problem(plan)
    second_plan = plan.model_copy(
        update={"term": plan.term.model_copy(update={"committee": "other"})}
    )
    second = build_problem(second_plan)
    for demand in second.demands:
        demand.id = f"other-{demand.id}"
    second.order = [(f"other-{a}", f"other-{b}", step) for a, b, step in second.order]
    if second.first_of_review:
        second.first_of_review = f"other-{second.first_of_review}"
    for problem in (first, second):
        for demand in problem.demands:
            demand.rooms = [room.id for room in rooms]
    return [first, second]


def test_two_committees_sharing_one_room_never_book_it_twice(plan: Plan) -> None:
    room = Resource("simon-bolivar", "Simón Bolívar Room", frozenset({"en", "es", "fr", "pt"}))
    problems = _two_committees(plan, [room])
    outcome = solve(problems, Organization(rooms=(room,)), time_limit=3)
    assert outcome.feasible
    taken: set[tuple[dt.date, Half]] = set()
    for placement in outcome.placements.values():
        halves = (Half.MORNING, Half.AFTERNOON) if placement.full_day else (placement.half,)
        for half in halves:
            assert (placement.day, half) not in taken, placement
            taken.add((placement.day, half))
        assert placement.room == "simon-bolivar"


def test_two_committees_with_more_full_days_than_the_room_allows_are_told_the_clash(
    plan: Plan,
) -> None:
    # The one room opens on one week of May: each committee alone holds its five formal
    # review meetings there in that week, the two together need ten full days of it.
    open_days = {dt.date(2020, 5, 11) + dt.timedelta(days=n) for n in range(5)}
    may = frozenset(
        MAY_2020[0] + dt.timedelta(days=n) for n in range((MAY_2020[1] - MAY_2020[0]).days + 1)
    )
    room = Resource(
        "simon-bolivar",
        "Simón Bolívar Room",
        frozenset({"en", "es", "fr", "pt"}),
        None,
        may - open_days,
    )
    problems = _two_committees(plan, [room])
    for problem in problems:
        review = [d for d in problem.demands if d.window is not None]
        assert len(review) == 5
        for demand in review:
            demand.length = SessionLength.FULL_DAY
    alone = solve(problems[:1], Organization(rooms=(room,)), time_limit=3)
    outcome = solve(problems, Organization(rooms=(room,)), time_limit=3)
    assert not outcome.feasible
    assert Family.ROOMS in outcome.clash
    lines = list(describe(plan, problems[0], outcome, "fr", Organization(rooms=(room,))))
    assert "  - les salles, chacune occupée par une seule réunion à la fois" in lines
    # The clash is the two committees': either alone finds a calendar in the same room.
    assert alone.feasible


def test_a_room_closed_for_the_review_names_the_rooms(plan: Plan) -> None:
    may = frozenset(
        MAY_2020[0] + dt.timedelta(days=n) for n in range((MAY_2020[1] - MAY_2020[0]).days + 1)
    )
    room = Resource("simon-bolivar", "Simón Bolívar Room", frozenset({"en", "es"}), None, may)
    problem = build_problem(plan)
    for demand in problem.demands:
        demand.rooms = [room.id]
    outcome = solve([problem], Organization(rooms=(room,)), time_limit=2)
    assert not outcome.feasible
    assert set(outcome.clash) == {Family.REVIEW, Family.ROOMS}


def test_schedule_command_writes_a_proposal_that_checks_clean(tmp_path: Path) -> None:
    output = tmp_path / "proposal.yaml"
    assert main(["schedule", str(MODEL_PLAN), "--replan", "-o", str(output)]) == 0
    proposal = read_plan(output)
    errors = [
        f.code
        for f in run_checks(proposal, today=dt.date(2019, 9, 1))
        if f.severity is Severity.ERROR
    ]
    assert errors == []
    assert main(["check", str(output), "--today", "2019-09-01"]) == 0


def test_schedule_command_refuses_a_time_limit_that_is_not_positive(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "proposal.yaml"
    assert main(["schedule", str(MODEL_PLAN), "--time-limit", "0", "-o", str(output)]) == 2
    assert "--time-limit" in capsys.readouterr().err
    assert not output.exists()


def test_an_independent_count_finds_no_violation_and_the_same_soft_cost(
    plan: Plan, replanned: Outcome
) -> None:
    problems = [build_problem(plan)]
    assert list(violations(problems, Organization(), replanned.placements)) == []
    assert soft_cost(problems, replanned.placements) == replanned.soft


def test_the_independent_count_sees_a_meeting_on_a_day_of_another(plan: Plan) -> None:
    problems = [build_problem(plan)]
    outcome = solve(problems, time_limit=10)
    first, second = sorted(outcome.placements.values(), key=lambda p: p.day)[:2]
    clashing = dict(outcome.placements) | {second.meeting: replace(second, day=first.day)}
    found = {v.family for v in violations(problems, Organization(), clashing)}
    assert Family.GAP in found

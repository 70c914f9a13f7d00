"""Planned cost against appropriations: the narrowest period counts, and the figures add up."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from comitia.budget import budget_changes, plan_budget
from comitia.plan import Meeting, Plan
from tests.budget.plans import (
    FULL_DAY,
    HALF_DAY,
    appropriation,
    budget_plan,
    full_days,
    meeting,
    model_plan,
)


def test_the_model_plan_has_its_three_appropriations_and_the_semesters_of_2020() -> None:
    budget = plan_budget(model_plan())
    rows = [(p.id, p.appropriation, p.within) for p in budget.periods]
    assert rows == [
        ("budget-2019", Decimal(126200), None),
        ("budget-2019-octobre-decembre", Decimal(17000), "budget-2019"),
        ("budget-2020", Decimal(105000), None),
        ("budget-2020/2020-40", None, "budget-2020"),
        ("budget-2020/2020-41", None, "budget-2020"),
    ]


def test_the_model_calendar_fits_its_appropriations_under_the_example_rates() -> None:
    budget = plan_budget(model_plan())
    october = budget.period("budget-2019-octobre-decembre")
    year_2020 = budget.period("budget-2020")
    # Four half days at the headquarters in 2019 (2019 rates); in 2020 thirteen half days at
    # the headquarters, one at the JID (elsewhere) and two full days (2020 rates).
    assert october.planned == 4 * 3600
    assert year_2020.planned == 13 * 3700 + 4300 + 2 * 6900
    assert (october.balance, year_2020.balance) == (Decimal(2600), Decimal(38800))
    assert len(october.counted) == 4 and len(year_2020.counted) == 16


def test_a_meeting_counts_against_the_narrowest_period_with_an_amount() -> None:
    plan = budget_plan(
        [meeting("nov", dt.date(2019, 11, 7)), meeting("sep", dt.date(2019, 10, 1))],
        appropriation("year", "2019", "126200"),
        appropriation("quarter", "2019-11/2019-12", "17000"),
    )
    budget = plan_budget(plan)
    assert budget.placed == {"nov": "quarter", "sep": "year"}
    # The year shows both, for information.
    assert budget.period("year").planned == 2 * HALF_DAY


def test_only_the_part_of_a_period_within_the_term_is_planned_month_by_month() -> None:
    budget = plan_budget(budget_plan([], appropriation("year", "2019", "126200")))
    year = budget.period("year")
    assert (year.planned_from, year.planned_to) == (dt.date(2019, 10, 1), dt.date(2019, 12, 31))
    assert [month for month, _ in year.months()] == ["2019-10", "2019-11", "2019-12"]


def test_a_part_without_an_amount_shows_its_meetings_and_no_balance() -> None:
    plan = budget_plan(
        [meeting("jan", dt.date(2020, 1, 23)), meeting("jul", dt.date(2020, 7, 9))],
        appropriation("year", "2020", "105000", parts=["2020-40", "2020-41"]),
    )
    first = plan_budget(plan).period("year/2020-40")
    assert (first.planned, first.appropriation, first.balance) == (HALF_DAY, None, None)
    assert first.counted == ()


def test_meetings_in_no_period_are_listed_apart_and_cancelled_ones_are_not() -> None:
    plan = budget_plan(
        [
            meeting("oct", dt.date(2019, 10, 24)),
            meeting("off", dt.date(2019, 10, 31), status="cancelled"),
        ]
    )
    assert [cost.meeting.id for cost in plan_budget(plan).unplaced] == ["oct"]


def test_a_change_says_what_it_does_to_each_period() -> None:
    before = budget_plan(full_days(2))
    after = before.model_copy(
        update={"meetings": [*before.meetings, *full_days(1, dt.date(2020, 7, 1))]}
    )
    changes = budget_changes(plan_budget(before), plan_budget(after))
    assert [(c.period.id, c.change, c.period.balance) for c in changes] == [
        ("year-2020", FULL_DAY, Decimal(105000) - 3 * FULL_DAY)
    ]


# -- properties ---------------------------------------------------------------------------

_DAYS = st.dates(min_value=dt.date(2019, 10, 1), max_value=dt.date(2020, 9, 30))
_HOURS = st.sampled_from(
    [("10:00", "13:00"), ("14:30", "17:30"), ("10:00", "17:30"), ("09:00", "18:00")]
)
_CENTS = st.integers(0, 10**7).map(lambda cents: Decimal(cents) / 100)


@st.composite
def _meeting(draw: st.DrawFn, index: int) -> Meeting:
    start, end = draw(_HOURS)
    costing: dict[str, object] | None = None
    choice = draw(st.sampled_from(["none", "override", "paid", "languages"]))
    if choice == "override":
        costing = {"override": {"amount": str(draw(_CENTS)), "reason": {"fr": "Accord"}}}
    elif choice == "paid":
        costing = {"paid_by": "cp"}
    elif choice == "languages":
        costing = {"languages": ["fr", "en"], "pages": draw(st.integers(0, 50))}
    return meeting(
        f"m{index}",
        draw(_DAYS),
        start,
        end,
        status=draw(st.sampled_from(["scheduled", "held", "cancelled"])),
        venue=draw(st.sampled_from([None, {"fr": "Quito"}])),
        costing=costing,
    )


@st.composite
def _plans(draw: st.DrawFn) -> Plan:
    count = draw(st.integers(0, 25))
    meetings = [draw(_meeting(i)) for i in range(count)]
    appropriations = [
        appropriation("y2019", "2019", str(draw(_CENTS))),
        appropriation("y2020", "2020", str(draw(_CENTS)), parts=["2020-40", "2020-41"]),
    ]
    if draw(st.booleans()):
        appropriations.append(appropriation("q4", "2019-10/2019-12", str(draw(_CENTS))))
    if draw(st.booleans()):
        appropriations.append(appropriation("may", "2020-05", str(draw(_CENTS))))
    return budget_plan(meetings, *appropriations)


@settings(max_examples=60, deadline=None)
@given(_plans())
def test_every_period_adds_up_exactly(plan: Plan) -> None:
    budget = plan_budget(plan)
    for period in budget.periods:
        assert period.planned == sum((cost.counted for cost in period.meetings), Decimal(0))
        if period.appropriation is not None:
            assert period.balance == period.appropriation - period.planned
        assert sum((planned for _, planned in period.months()), Decimal(0)) == period.planned


@settings(max_examples=60, deadline=None)
@given(_plans())
def test_each_meeting_counts_against_one_period_that_holds_it(plan: Plan) -> None:
    budget = plan_budget(plan)
    counted = [meeting_id for period in budget.periods for meeting_id in period.counted]
    assert sorted(counted) == sorted(budget.placed)
    for period in budget.periods:
        for meeting_id in period.counted:
            day = next(m.date for m in plan.meetings if m.id == meeting_id)
            assert period.start <= day <= period.end and period.appropriation is not None
    # The top-level periods share out every counted cost, in whole cents.
    top = sum((p.planned for p in budget.periods if p.within is None), Decimal(0))
    placed = sum((c.counted for c in budget.costs if c.meeting.id in budget.placed), Decimal(0))
    assert top == placed and top == top.quantize(Decimal("0.01"))


@settings(max_examples=60, deadline=None)
@given(_plans())
def test_the_semesters_share_out_their_year(plan: Plan) -> None:
    budget = plan_budget(plan)
    halves = [p for p in budget.periods if p.within == "y2020" and p.appropriation is None]
    assert sum((p.planned for p in halves), Decimal(0)) == budget.period("y2020").planned

"""A meeting's cost: from its hours, venue and languages, or what it states about itself."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from comitia.budget import CostBasis, meeting_cost
from comitia.plan import InterpretationUnit, Language
from comitia.plan.sessions import SessionLength
from tests.budget.plans import FULL_DAY, HALF_DAY, RATES, meeting

DAY = dt.date(2020, 2, 13)
ALL = list(Language)


def test_a_morning_at_the_headquarters_costs_a_half_day_of_room_and_four_teams() -> None:
    cost = meeting_cost(meeting("m", DAY), [RATES], ALL)
    assert (cost.basis, cost.length, cost.amount) == (
        CostBasis.RATES,
        SessionLength.HALF_DAY,
        HALF_DAY,
    )
    assert (cost.room, cost.interpretation, cost.translation) == (600, 3000, 0)


def test_a_meeting_across_the_lunch_break_is_a_full_day() -> None:
    assert meeting_cost(meeting("m", DAY, "10:00", "17:30"), [RATES], ALL).amount == FULL_DAY
    # Five hours, all in the morning: one session.
    assert meeting_cost(meeting("m", DAY, "08:00", "13:00"), [RATES], ALL).amount == HALF_DAY


def test_a_meeting_elsewhere_pays_the_room_rate_for_elsewhere() -> None:
    cost = meeting_cost(meeting("m", DAY, venue={"fr": "Quito"}), [RATES], ALL)
    assert cost.room == 1200


@pytest.mark.parametrize(
    ("languages", "unit", "units"),
    [
        (1, InterpretationUnit.TEAM, 0),
        (2, InterpretationUnit.TEAM, 2),
        (4, InterpretationUnit.TEAM, 4),
        (2, InterpretationUnit.PAIR, 1),
        (4, InterpretationUnit.PAIR, 6),
    ],
)
def test_interpretation_is_paid_per_team_or_per_pair_of_the_meetings_languages(
    languages: int, unit: InterpretationUnit, units: int
) -> None:
    rates = RATES.model_copy(
        update={"interpretation": RATES.interpretation.model_copy(update={"unit": unit})}
    )
    needs = ALL[:languages]
    cost = meeting_cost(meeting("m", DAY, costing={"languages": needs}), [rates], ALL)
    assert cost.interpretation == units * Decimal(750)


def test_pages_are_translated_into_each_other_language() -> None:
    costing = {"languages": ["es", "en"], "pages": 10}
    cost = meeting_cost(meeting("m", DAY, costing=costing), [RATES], ALL)
    assert cost.translation == 10 * 1 * Decimal(40)


def test_cancelled_and_paid_by_another_body_cost_the_committee_nothing() -> None:
    cancelled = meeting_cost(meeting("m", DAY, status="cancelled"), [RATES], ALL)
    paid = meeting_cost(meeting("m", DAY, costing={"paid_by": "cp"}), [RATES], ALL)
    assert (cancelled.basis, cancelled.amount) == (CostBasis.CANCELLED, 0)
    assert (paid.basis, paid.amount) == (CostBasis.PAID_BY_OTHER, 0)


def test_a_stated_cost_overrides_the_rates() -> None:
    override = {"amount": "950.25", "reason": {"fr": "Salle offerte par la mission"}}
    cost = meeting_cost(meeting("m", DAY, costing={"override": override}), [RATES], ALL)
    assert (cost.basis, cost.amount) == (CostBasis.OVERRIDE, Decimal("950.25"))


def test_a_day_no_rate_holds_has_no_cost() -> None:
    cost = meeting_cost(meeting("m", dt.date(2021, 1, 7)), [RATES], ALL)
    assert (cost.basis, cost.amount, cost.counted) == (CostBasis.NO_RATE, None, 0)


def test_rates_in_another_currency_are_not_used() -> None:
    cost = meeting_cost(meeting("m", DAY), [RATES], ALL, currency="EUR")
    assert cost.basis is CostBasis.NO_RATE


def test_the_narrowest_rates_holding_the_day_are_used() -> None:
    narrow = RATES.model_copy(
        update={"id": "february", "period": RATES.period.parse_edtf("2020-02")}
    )
    assert meeting_cost(meeting("m", DAY), [RATES, narrow], ALL).rates == "february"

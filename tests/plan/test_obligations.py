"""Reporting obligations say who owes them and on which cycle."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from comitia.plan import Frequency, Plan, ReportingObligation, Text
from comitia.plan.files import read_plan

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "oas-csh-2019-2020.yaml"


@pytest.fixture(scope="module")
def model_plan() -> Plan:
    return read_plan(EXAMPLE)


def test_the_model_plan_has_six_yearly_obligations_with_who_owes_them(model_plan: Plan) -> None:
    yearly = [
        (o.due, o.parties.value, o.convention)
        for o in model_plan.obligations
        if o.frequency is Frequency.YEARLY
    ]
    assert yearly == [
        ("--03-15", "member_states", None),
        ("--04-15", "member_states", None),
        ("--06-15", "states_parties", "citaac"),
        ("--07-01", "member_states", None),
        ("--07-01", "states_parties", "citaac"),
        ("--07-15", "member_states", None),
    ]


def test_the_model_plan_has_voluntary_biennial_and_standing_requests(model_plan: Plan) -> None:
    others = [
        (o.id, o.frequency.value, o.parties.value)
        for o in model_plan.obligations
        if o.frequency is not Frequency.YEARLY
    ]
    assert others == [
        ("dsa-rapports-volontaires", "voluntary", "member_states"),
        ("point-contact-traite-personnes", "standing", "member_states"),
        ("point-contact-criminalite-organisee", "standing", "member_states"),
        ("armes-legeres-petit-calibre", "voluntary", "member_states"),
        ("san-salvador-rapports-biennaux", "biennial", "member_states"),
    ]


def test_the_model_plan_ships_no_list_of_states_parties_as_fact(model_plan: Plan) -> None:
    assert [(c.id, c.states_parties) for c in model_plan.conventions] == [("citaac", None)]


def test_obligations_are_reminded_fourteen_days_before_and_the_day_after_by_default() -> None:
    obligation = ReportingObligation(
        id="x", title=Text.of("en", "X"), frequency=Frequency.YEARLY, due="--03-15"
    )
    assert (obligation.remind_before, obligation.remind_after) == ([14], [1])


def _obligation(**fields: Any) -> ReportingObligation:
    return ReportingObligation.model_validate({"id": "x", "title": {"en": "X"}, **fields})


def test_a_biennial_obligation_may_name_its_reference_year_and_due_day() -> None:
    obligation = _obligation(frequency="biennial", reference_year=2012, due="--10-01")
    assert (obligation.reference_year, obligation.due) == (2012, "--10-01")


@pytest.mark.parametrize(
    ("fields", "where"),
    [
        ({"frequency": "yearly", "due": "--03-15", "reference_year": 2012}, "reference_year"),
        ({"frequency": "yearly", "due": "--03-15", "convention": "citaac"}, "convention"),
        ({"frequency": "voluntary", "due": "--03-15"}, ""),
        ({"frequency": "yearly", "due": "--03-15", "remind_before": [400]}, "remind_before"),
    ],
)
def test_a_misdescribed_obligation_is_refused_at_the_field(
    fields: dict[str, Any], where: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        _obligation(**fields)
    assert where in str(raised.value)


def test_an_obligation_naming_an_unknown_convention_is_refused_where_it_names_it(
    model_plan: Plan,
) -> None:
    data = model_plan.model_dump(mode="json")
    data["conventions"] = []
    with pytest.raises(ValidationError, match=r"obligations\.2\.convention"):
        Plan.model_validate(data)


def test_states_parties_are_member_states() -> None:
    with pytest.raises(ValidationError, match="member state"):
        Plan.model_validate(
            {
                **read_plan(EXAMPLE).model_dump(mode="json"),
                "conventions": [{"id": "citaac", "title": {"fr": "C"}, "states_parties": ["FR"]}],
            }
        )

"""What the database keeps of the budget: refused when the plan model would refuse it."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from comitia.web.plans import models as m
from comitia.web.plans.convert import load_plan

pytestmark = pytest.mark.django_db


def test_a_meetings_costing_that_the_plan_model_refuses_is_refused_by_the_row(
    term: m.Term,
) -> None:
    meeting = m.Meeting.objects.filter(term=term).first()
    assert meeting is not None
    meeting.costing = '{"pages": -3}'
    with pytest.raises(ValidationError, match="greater than or equal to 0"):
        meeting.full_clean()
    meeting.costing = "{not json"
    with pytest.raises(ValidationError):
        meeting.full_clean()


def test_cost_rates_and_parts_are_checked_before_they_are_stored(term: m.Term) -> None:
    term.cost_rates = '[{"id": "r"}]'
    with pytest.raises(ValidationError, match="cost_rates"):
        term.full_clean()
    appropriation = m.Appropriation.objects.filter(term=term).first()
    assert appropriation is not None
    appropriation.parts = ["2020-99"]
    with pytest.raises(ValidationError, match="parts"):
        appropriation.full_clean()


def test_a_stored_costing_reads_back_into_the_plan(term: m.Term) -> None:
    stated = {"m0": None, "m1": ["es", "en"], "m2": "cp"}
    plan = load_plan(term)
    got = {
        meeting.id: meeting.costing and (meeting.costing.languages or meeting.costing.paid_by)
        for meeting in plan.meetings
    }
    assert got == stated

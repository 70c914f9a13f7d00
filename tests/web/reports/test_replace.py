"""Recorded reports belong to people's work, not to the plan file: replacing the plan keeps
them, on the same obligations."""

from __future__ import annotations

import datetime as dt

import pytest

from comitia.plan.files import read_plan
from comitia.web.plans import models as m
from comitia.web.plans.convert import PlanLoadError, save_plan
from comitia.web.reports.models import Submission

from .conftest import MODEL_PLAN

pytestmark = pytest.mark.django_db


def test_replacing_the_plan_keeps_the_recorded_submissions(model_term: m.Term) -> None:
    obligation = m.ReportingObligation.objects.get(term=model_term, key="mecs-liste")
    Submission.objects.create(
        obligation=obligation, state="PE", cycle=2020, received=dt.date(2020, 3, 1)
    )
    term = save_plan(read_plan(MODEL_PLAN), replace=True)
    kept = Submission.objects.select_related("obligation__term").get()
    assert (kept.obligation.term_id, kept.obligation.key) == (term.pk, "mecs-liste")


def test_a_plan_that_drops_an_obligation_with_submissions_cannot_replace_it(
    model_term: m.Term,
) -> None:
    obligation = m.ReportingObligation.objects.get(term=model_term, key="mecs-liste")
    Submission.objects.create(
        obligation=obligation, state="PE", cycle=2020, received=dt.date(2020, 3, 1)
    )
    plan = read_plan(MODEL_PLAN)
    plan = plan.model_copy(update={"obligations": plan.obligations[1:]})
    with pytest.raises(PlanLoadError, match="mecs-liste"):
        save_plan(plan, replace=True)
    assert Submission.objects.count() == 1

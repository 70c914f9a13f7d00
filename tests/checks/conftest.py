"""Fixtures for the checks: the model plan as a plan file gives it, and with its claims."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from comitia.plan import Plan
from comitia.plan.files import read_plan
from tests.checks.model_document import with_document_claims

MODEL_PLAN = Path(__file__).resolve().parents[2] / "examples" / "oas-csh-2019-2020.yaml"
# The day the model plan was approved: the term has begun, no meeting of 2020 is close.
APPROVED = dt.date(2019, 11, 7)


@pytest.fixture(scope="session")
def model_plan() -> Plan:
    return read_plan(MODEL_PLAN)


@pytest.fixture(scope="session")
def claimed_model_plan(model_plan: Plan) -> Plan:
    return with_document_claims(model_plan)

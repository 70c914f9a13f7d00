"""Storing and reading a plan takes as many queries for a hundred meetings as for ten."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from comitia.web.plans.convert import load_plan, save_plan

from .conftest import build_plan


def _statements(meetings: int) -> tuple[list[str], list[str]]:
    """The SQL run to store, then to read, a plan with ``meetings`` meetings."""
    plan = build_plan(meetings, label=f"{meetings}-meetings")
    with CaptureQueriesContext(connection) as saving:
        term = save_plan(plan)
    with CaptureQueriesContext(connection) as loading:
        loaded = load_plan(term)
    assert len(loaded.meetings) == meetings
    return [q["sql"] for q in saving.captured_queries], [q["sql"] for q in loading.captured_queries]


@pytest.mark.django_db
def test_reading_a_plan_takes_the_same_queries_for_ten_or_a_hundred_meetings() -> None:
    _, ten = _statements(10)
    _, hundred = _statements(100)
    assert len(ten) == len(hundred)
    assert len(hundred) <= 20


@pytest.mark.django_db
def test_storing_a_plan_takes_the_same_queries_for_ten_or_a_hundred_meetings() -> None:
    ten, _ = _statements(10)
    hundred, _ = _statements(100)

    def others(statements: list[str]) -> list[str]:
        return [sql for sql in statements if not sql.startswith("INSERT")]

    assert len(others(ten)) == len(others(hundred))
    if connection.features.max_query_params is None:
        assert len(ten) == len(hundred)
    else:
        # SQLite: Django splits each insert into batches of at most 999 parameters.
        inserted_rows = 100 * (1 + 2 + 4 + 1 + 4 + 2)
        assert len(hundred) - len(ten) <= inserted_rows * 16 // connection.features.max_query_params

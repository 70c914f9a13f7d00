"""Storing and reading a plan takes as many queries for a hundred meetings as for ten."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from comitia.plan.files import read_plan
from comitia.web.plans import models as m
from comitia.web.plans.convert import load_plan, meeting_plan, save_plan
from tests.factories import with_resolutions

from .conftest import build_plan
from .test_term_pages import MODEL_PLAN


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
    # On SQLite too: comitia.web.sqlite lifts Django's assumed limit of 999 parameters.
    assert len(ten) == len(hundred)


@pytest.mark.django_db
def test_replacing_a_term_deletes_it_with_the_same_queries_for_ten_or_a_hundred_meetings() -> None:
    def replace_statements(meetings: int) -> list[str]:
        plan = build_plan(meetings, label=f"replaced-{meetings}")
        save_plan(plan)
        with CaptureQueriesContext(connection) as replacing:
            save_plan(plan, replace=True)
        return [q["sql"] for q in replacing.captured_queries if q["sql"].startswith("DELETE")]

    ten = replace_statements(10)
    hundred = replace_statements(100)
    assert len(ten) == len(hundred) > 0


@pytest.mark.django_db
def test_replacing_a_term_leaves_no_row_of_the_old_plan() -> None:
    from django.apps import apps

    def row_counts() -> dict[str, int]:
        return {
            model.__name__: model.objects.count()
            for model in apps.get_app_config("plans").get_models()
            if model not in m.ORGANIZATION_MODELS  # not part of a term's plan
        }

    plan = with_resolutions(build_plan(5, label="replaced"))
    save_plan(plan)
    once = row_counts()
    save_plan(plan, replace=True)
    assert row_counts() == once
    assert all(count > 0 for count in once.values()), once


@pytest.mark.django_db
def test_a_meeting_plan_holds_the_meeting_as_the_whole_plan_does_with_fixed_queries() -> None:
    def read(plan_label: str, meetings: int) -> int:
        plan = build_plan(meetings, label=plan_label)
        term = save_plan(plan)
        counts = set()
        for row in m.Meeting.objects.filter(term=term):
            with CaptureQueriesContext(connection) as queries:
                alone = meeting_plan(term, row)
            counts.add(len(queries))
            assert alone.meetings == [next(x for x in plan.meetings if x.id == row.key)]
        assert len(counts) == 1
        return counts.pop()

    assert read("ten", 10) == read("hundred", 100) == 5
    # The model plan's agendas cite mandates, name areas and presenters of every kind.
    model = read_plan(MODEL_PLAN)
    term = save_plan(model)
    whole = load_plan(term)
    for row in m.Meeting.objects.filter(term=term):
        alone = meeting_plan(term, row)
        assert alone.meetings == [next(x for x in whole.meetings if x.id == row.key)]
        assert alone.bodies == whole.bodies

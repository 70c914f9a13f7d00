"""Deleting a term (``convert.delete_term``, the first half of ``comitia load --replace``)."""

from __future__ import annotations

from typing import Any

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from comitia.web.plans import models as m
from comitia.web.plans.convert import delete_term, save_plan, term_rows
from tests.factories import build_plan, with_resolutions

pytestmark = pytest.mark.django_db(transaction=True)

PLAN_MODELS = [
    model
    for model in apps.get_app_config("plans").get_models()
    if model is not m.Term and model not in m.ORGANIZATION_MODELS
]


def _counts(term: m.Term) -> dict[Any, int]:
    return {model.__name__: term_rows(model, term).count() for model in PLAN_MODELS}


def test_deleting_a_term_deletes_every_row_of_its_plan_and_none_of_another() -> None:
    kept = save_plan(with_resolutions(build_plan(3, label="2019-2020")))
    gone = save_plan(with_resolutions(build_plan(4, label="2020-2021")))
    kept_before = _counts(kept)
    assert all(kept_before.values()), kept_before  # every table has rows to lose
    assert all(_counts(gone).values())

    # transaction=True: the deletion commits, so the deferred foreign keys are checked.
    delete_term(gone)

    assert not m.Term.objects.filter(pk=gone.pk).exists()
    assert _counts(gone) == dict.fromkeys(kept_before, 0)
    assert _counts(kept) == kept_before
    assert m.Term.objects.filter(pk=kept.pk).exists()


def test_deleting_a_term_is_one_statement_per_table() -> None:
    term = save_plan(with_resolutions(build_plan(40)))
    with CaptureQueriesContext(connection) as deleting:
        delete_term(term)
    # Less the transaction's own statements (BEGIN, SAVEPOINT, COMMIT, by database).
    statements = [
        q["sql"]
        for q in deleting.captured_queries
        if not q["sql"].startswith(("BEGIN", "SAVEPOINT", "RELEASE", "COMMIT"))
    ]
    assert all(sql.startswith("DELETE") for sql in statements), statements
    assert len(statements) == len(PLAN_MODELS) + 1  # the term's row too

"""Upgrading a database to the levels of visibility changes nothing anyone sees: every term
stored before keeps being published (or withdrawn) as it was, and its meetings, documents and
revisions stay visible with it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [
    ("access", "0004_audit_user_protected"),
    ("plans", "0004_edit_versions"),
    ("documents", "0001_initial"),
]


def _latest(executor: MigrationExecutor) -> list[tuple[str, str]]:
    return executor.loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_terms_stored_before_the_levels_keep_what_they_showed() -> None:
    executor = MigrationExecutor(connection)
    latest = _latest(executor)
    try:
        executor.migrate(BEFORE)
        old = executor.loader.project_state(BEFORE).apps
        term_model = old.get_model("plans", "Term")
        day = dt.date(2019, 7, 1)

        def term(slug: str) -> object:
            return term_model.objects.create(
                slug=slug, label=slug, start=day, end=day.replace(year=2020), language="fr"
            )

        unmarked, published, withdrawn = term("a-1"), term("b-1"), term("c-1")
        publication = old.get_model("access", "Publication")
        publication.objects.create(term=published, published=True)
        publication.objects.create(term=withdrawn, published=False)
        old.get_model("plans", "Meeting").objects.create(
            term=unmarked, key="m", date=day, start=dt.time(10), end=dt.time(13)
        )
        old.get_model("documents", "Revision").objects.create(
            term_slug="a-1", number=1, symbol="X", approved_on=day, plan_json="{}"
        )

        executor = MigrationExecutor(connection)
        executor.migrate(latest)
        new = executor.loader.project_state(latest).apps
        levels = dict(
            new.get_model("publication", "Publication").objects.values_list(
                "term__slug", "visibility"
            )
        )
        assert levels == {"a-1": "public", "b-1": "public", "c-1": "draft"}
        assert new.get_model("plans", "Meeting").objects.get().visibility == "public"
        assert new.get_model("documents", "Revision").objects.get().visibility == "public"
    finally:
        MigrationExecutor(connection).migrate(latest)

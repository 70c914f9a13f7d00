"""Moving ``Publication`` from the access app to the publication app changes no table: a
database made before the move keeps its rows, its table and the permissions granted on the
model, and going back restores the access app's model as it was."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

# The last migrations before the move, as main had them.
BEFORE = [
    ("access", "0009_sign_in_lock"),
    ("plans", "0006_output_version"),
    ("documents", "0004_printed_document"),
]


@pytest.mark.django_db(transaction=True)
def test_a_publication_stored_before_the_move_is_the_publication_apps_after_it() -> None:
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    try:
        executor.migrate([*BEFORE, ("publication", None)])
        old = executor.loader.project_state(BEFORE).apps
        day = dt.date(2019, 7, 1)
        term = old.get_model("plans", "Term").objects.create(
            slug="a-1", label="a-1", start=day, end=day.replace(year=2020), language="fr"
        )
        old.get_model("access", "Publication").objects.create(
            term=term, visibility="member_states", version=3
        )
        # As in a database made before the move: the model's content type is the access app's.
        ContentType.objects.filter(model="publication").delete()
        ContentType.objects.clear_cache()
        kind = ContentType.objects.create(app_label="access", model="publication")
        permission = Permission.objects.create(
            content_type=kind, codename="view_publication", name="Can view publication"
        )
        tables = set(connection.introspection.table_names())

        executor = MigrationExecutor(connection)
        executor.migrate(latest)
        new = executor.loader.project_state(latest).apps
        rows = new.get_model("publication", "Publication").objects.values_list(
            "term__slug", "visibility", "version"
        )
        assert list(rows) == [("a-1", "member_states", 3)]
        # The move adds and drops no table; later migrations of other apps may add theirs.
        after = set(connection.introspection.table_names())
        assert tables <= after
        assert not {t for t in after - tables if t.startswith(("access_", "publication_"))}
        assert new.get_model("publication", "Publication")._meta.db_table == "access_publication"
        ContentType.objects.clear_cache()
        moved = Permission.objects.select_related("content_type").get(pk=permission.pk)
        assert (moved.content_type.app_label, moved.content_type.model) == (
            "publication",
            "publication",
        )

        executor = MigrationExecutor(connection)
        executor.migrate([("publication", None)])
        back = executor.loader.project_state(BEFORE).apps
        assert list(
            back.get_model("access", "Publication").objects.values_list("term__slug", "version")
        ) == [("a-1", 3)]
        assert ContentType.objects.get(pk=kind.pk).app_label == "access"
    finally:
        ContentType.objects.clear_cache()
        MigrationExecutor(connection).migrate(
            MigrationExecutor(connection).loader.graph.leaf_nodes()
        )

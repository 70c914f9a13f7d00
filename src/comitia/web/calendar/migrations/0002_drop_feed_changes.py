"""Drop the feeds' change log: the triggers on the plan's tables, and FeedStamp and FeedChange.

Feeds are kept by the term's output version instead (plans 0006, which runs after this: on
SQLite, rebuilding the term's table while other tables' triggers name it would fail). Reversing recreates the two
tables, empty and without triggers: nothing in this code reads them, and code that did would
install its triggers again with its own migration.
"""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

# The tables that had triggers on INSERT, UPDATE and DELETE (named TABLE_feed_EVENT); on
# PostgreSQL each ran a function comitia_feed_TABLE, and the term's deletion another.
TABLES = (
    "plans_term",
    "plans_plandocument",
    "plans_body",
    "plans_thematicarea",
    "plans_mandate",
    "plans_meeting",
    "plans_previousdate",
    "plans_agendanode",
    "plans_agendapresenter",
    "plans_citation",
    "plans_activity",
    "plans_reportingobligation",
)


def drop_triggers(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    postgresql = schema_editor.connection.vendor == "postgresql"
    for table in TABLES:
        for event in ("insert", "update", "delete"):
            on = f" ON {table}" if postgresql else ""
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_feed_{event}{on}")
        if postgresql:
            schema_editor.execute(f"DROP FUNCTION IF EXISTS comitia_feed_{table}()")
    if postgresql:
        schema_editor.execute("DROP FUNCTION IF EXISTS comitia_feed_term_deleted()")


class Migration(migrations.Migration):
    dependencies = [
        ("calendar_web", "0001_feed_changes"),
    ]

    operations = [
        migrations.RunPython(drop_triggers, migrations.RunPython.noop),
        migrations.DeleteModel(name="FeedChange"),
        migrations.DeleteModel(name="FeedStamp"),
    ]

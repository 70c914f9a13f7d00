"""On PostgreSQL, the audit trail and approved revisions refuse UPDATE and DELETE.

A row-level trigger raises on any UPDATE or DELETE of ``access_auditrecord``,
``documents_revision`` and ``documents_rendereddocument``, whoever runs it. (TRUNCATE, which only
the owner of the tables may run, is left to maintenance and to the test runner.) Other databases
rely on the models' ``save`` and the read-only admin.
"""

from django.db import migrations

TABLES = ("access_auditrecord", "documents_revision", "documents_rendereddocument")

FUNCTION = """
CREATE OR REPLACE FUNCTION comitia_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION USING
        MESSAGE = 'rows of ' || TG_TABLE_NAME || ' are written once and never changed',
        ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNCTION)
    for table in TABLES:
        schema_editor.execute(
            f"CREATE TRIGGER {table}_immutable BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION comitia_refuse_change()"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_immutable ON {table}")
    schema_editor.execute("DROP FUNCTION IF EXISTS comitia_refuse_change()")


class Migration(migrations.Migration):
    dependencies = [
        ("access", "0001_initial"),
        ("documents", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]

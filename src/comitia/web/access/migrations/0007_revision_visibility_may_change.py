"""On PostgreSQL, an approved revision still refuses UPDATE and DELETE, except an UPDATE that
changes its visibility alone (publishing it); see 0002_immutable_tables."""

from django.db import migrations

FUNCTION = """
CREATE OR REPLACE FUNCTION comitia_refuse_change_but_visibility() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - 'visibility') = (to_jsonb(OLD) - 'visibility') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION USING
        MESSAGE = 'rows of ' || TG_TABLE_NAME || ' are written once and never changed',
        ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""


def _trigger(function: str) -> str:
    return (
        "CREATE TRIGGER documents_revision_immutable BEFORE UPDATE OR DELETE ON "
        f"documents_revision FOR EACH ROW EXECUTE FUNCTION {function}()"
    )


def forwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNCTION)
    schema_editor.execute(
        "DROP TRIGGER IF EXISTS documents_revision_immutable ON documents_revision"
    )
    schema_editor.execute(_trigger("comitia_refuse_change_but_visibility"))


def backwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "DROP TRIGGER IF EXISTS documents_revision_immutable ON documents_revision"
    )
    schema_editor.execute(_trigger("comitia_refuse_change"))
    schema_editor.execute("DROP FUNCTION IF EXISTS comitia_refuse_change_but_visibility()")


class Migration(migrations.Migration):
    dependencies = [
        ("access", "0006_remove_publication_published"),
        ("documents", "0002_revision_visibility"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]

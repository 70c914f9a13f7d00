"""On PostgreSQL, an approved revision refuses UPDATE and DELETE, except an UPDATE that changes
its visibility alone (publishing it): the publication app's rule, declared here.

The trigger was made by the access app's migrations (0002_immutable_tables, then
0007_revision_visibility_may_change), which stay as they ran; every database that reaches this
migration has it already, and this one leaves it untouched. It makes the function and the
trigger only where they are missing or the trigger calls another function, so the trigger is
never dropped and made again. Other databases rely on the models' ``save``. The audit trail's
trigger and the printed documents' stay with access 0002: they are no rule of publication.
"""

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

TRIGGER = (
    "CREATE TRIGGER documents_revision_immutable BEFORE UPDATE OR DELETE ON "
    "documents_revision FOR EACH ROW EXECUTE FUNCTION comitia_refuse_change_but_visibility()"
)

# The function the revisions' trigger calls, if there is one.
CALLED = """
SELECT p.proname FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
WHERE t.tgrelid = 'documents_revision'::regclass AND t.tgname = 'documents_revision_immutable'
"""


def forwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(CALLED)
        called = cursor.fetchone()
    if called is not None and called[0] == "comitia_refuse_change_but_visibility":
        return
    schema_editor.execute(FUNCTION)
    schema_editor.execute(
        "DROP TRIGGER IF EXISTS documents_revision_immutable ON documents_revision"
    )
    schema_editor.execute(TRIGGER)


class Migration(migrations.Migration):
    dependencies = [
        ("publication", "0001_initial"),
        ("documents", "0004_printed_document"),
    ]

    # Backwards leaves the trigger to the access migrations that made it.
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

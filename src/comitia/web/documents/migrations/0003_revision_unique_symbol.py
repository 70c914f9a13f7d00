"""One revision per symbol in a term, the symbol compared as ``comitia.symbols.normalize`` does.

Revisions approved before may already share a symbol (parallel approvals without the form's
revision number made three "rev. 4"). They are immutable records and stay as they were: the
first of them (the lowest number) holds the symbol, the later ones keep no comparison key
(null, which a unique constraint does not compare), so the constraint applies to every new
revision and the upgrade never fails on old data.
"""

from django.db import migrations, models

from comitia.symbols import normalize

# On PostgreSQL a trigger refuses any change of an approved revision but its visibility
# (access 0002 and 0007); filling the new column is the one change this upgrade makes.
TRIGGER = "documents_revision_immutable"


def fill_symbol_keys(apps, schema_editor):
    revision_model = apps.get_model("documents", "Revision")
    postgresql = schema_editor.connection.vendor == "postgresql"
    if postgresql:
        schema_editor.execute(f"ALTER TABLE documents_revision DISABLE TRIGGER {TRIGGER}")
    held: set[tuple[str, str]] = set()
    for revision in revision_model.objects.order_by("term_slug", "number"):
        key = normalize(revision.symbol)
        if (revision.term_slug, key) in held:
            continue
        held.add((revision.term_slug, key))
        revision_model.objects.filter(pk=revision.pk).update(symbol_key=key)
    if postgresql:
        schema_editor.execute(f"ALTER TABLE documents_revision ENABLE TRIGGER {TRIGGER}")


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0002_revision_visibility"),
        # The trigger named above exists from then on.
        ("access", "0007_revision_visibility_may_change"),
    ]

    operations = [
        migrations.AddField(
            model_name="revision",
            name="symbol_key",
            field=models.CharField(
                editable=False, max_length=100, null=True, verbose_name="symbol as compared"
            ),
        ),
        migrations.RunPython(fill_symbol_keys, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="revision",
            constraint=models.UniqueConstraint(
                fields=("term_slug", "symbol_key"), name="documents_revision_unique_symbol"
            ),
        ),
    ]

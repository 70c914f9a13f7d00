"""A term's publication becomes one of three levels, and a term with no row becomes a draft.

So that an upgrade changes nothing anyone sees, every term stored when this runs keeps its
state: a published row becomes public, a withdrawn one draft, and a term without a row (which
counted as published) gets a public row.
"""

from django.db import migrations, models


def to_levels(apps, schema_editor):  # type: ignore[no-untyped-def]
    Publication = apps.get_model("access", "Publication")
    Term = apps.get_model("plans", "Term")
    Publication.objects.filter(published=True).update(visibility="public")
    Publication.objects.filter(published=False).update(visibility="draft")
    Publication.objects.bulk_create(
        Publication(term=term, visibility="public")
        for term in Term.objects.filter(publication__isnull=True)
    )


def to_flags(apps, schema_editor):  # type: ignore[no-untyped-def]
    Publication = apps.get_model("access", "Publication")
    Publication.objects.filter(visibility="public").update(published=True)
    Publication.objects.exclude(visibility="public").update(published=False)


class Migration(migrations.Migration):
    dependencies = [
        ("access", "0004_audit_user_protected"),
        ("plans", "0005_visibility"),
    ]

    operations = [
        migrations.AddField(
            model_name="publication",
            name="visibility",
            field=models.CharField(
                choices=[
                    ("draft", "draft"),
                    ("member_states", "shared with member states"),
                    ("public", "public"),
                ],
                default="draft",
                help_text="Draft, shared with member states, or public.",
                max_length=16,
                verbose_name="visibility",
            ),
        ),
        migrations.AddField(
            model_name="publication",
            name="version",
            field=models.PositiveIntegerField(
                default=1,
                editable=False,
                help_text="Raised by every saved edit.",
                verbose_name="version",
            ),
        ),
        # The flag is removed in the next migration: on PostgreSQL a table cannot be altered
        # in the transaction that wrote rows to it while their constraint checks are pending.
        migrations.RunPython(to_levels, to_flags),
    ]

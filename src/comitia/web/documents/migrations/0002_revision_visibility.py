"""Revisions get a visibility: those approved before it stay public, new ones are drafts."""

from django.db import migrations, models

LEVELS = [
    ("draft", "draft"),
    ("member_states", "shared with member states"),
    ("public", "public"),
]


def _field(default: str) -> models.CharField:
    return models.CharField(
        choices=LEVELS,
        default=default,
        help_text="Draft, shared with member states, or public.",
        max_length=16,
        verbose_name="visibility",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0001_initial"),
    ]

    operations = [
        migrations.AddField(model_name="revision", name="visibility", field=_field("public")),
        migrations.AlterField(model_name="revision", name="visibility", field=_field("draft")),
    ]

"""Meetings and plan documents get a visibility. Rows stored before it keep being seen as they
were (public; their term's publication still decides), new ones are drafts."""

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
        ("plans", "0004_edit_versions"),
    ]

    operations = [
        migrations.AddField(model_name="meeting", name="visibility", field=_field("public")),
        migrations.AlterField(model_name="meeting", name="visibility", field=_field("draft")),
        migrations.AddField(model_name="plandocument", name="visibility", field=_field("public")),
        migrations.AlterField(model_name="plandocument", name="visibility", field=_field("draft")),
        migrations.AddField(
            model_name="plandocument",
            name="version",
            field=models.PositiveIntegerField(
                default=1,
                editable=False,
                help_text="Raised by every saved edit.",
                verbose_name="version",
            ),
        ),
    ]

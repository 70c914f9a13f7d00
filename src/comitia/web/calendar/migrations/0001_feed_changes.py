"""The record of what changes in the rows a term's feeds print: a counter per term, the
events changed, and the triggers that keep them (``comitia.web.calendar.feed_triggers``).

Every term stored before gets its counter, so that its feeds can be kept from the start.
"""

import django.db.models.deletion
from django.db import migrations, models

from comitia.web.calendar import feed_triggers


def forwards(apps, schema_editor):
    token = feed_triggers.random_token(schema_editor.connection.vendor)
    schema_editor.execute(
        f"INSERT INTO {feed_triggers.STAMP} (term_id, token, n) "
        f"SELECT id, {token}, 1 FROM {feed_triggers.TERM}"
    )
    feed_triggers.install(schema_editor)


def backwards(apps, schema_editor):
    feed_triggers.uninstall(schema_editor)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("plans", "0005_visibility"),
    ]

    operations = [
        migrations.CreateModel(
            name="FeedStamp",
            fields=[
                (
                    "term",
                    models.OneToOneField(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="plans.term",
                    ),
                ),
                ("token", models.BigIntegerField()),
                ("n", models.BigIntegerField()),
            ],
        ),
        migrations.CreateModel(
            name="FeedChange",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("kind", models.CharField(max_length=16)),
                ("owner", models.BigIntegerField()),
                ("n", models.BigIntegerField()),
                (
                    "term",
                    models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="plans.term",
                    ),
                ),
            ],
            options={
                "indexes": [models.Index(fields=["term", "n"], name="feed_change_term_n")],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("term", "kind", "owner"), name="feed_change_once"
                    )
                ],
            },
        ),
        migrations.RunPython(forwards, backwards),
    ]

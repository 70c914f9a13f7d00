"""The record of what changes in the rows a term's feeds print: a counter per term and the
events changed, which database triggers kept.

The triggers and the module that wrote them are gone (migration 0002 drops them and these
tables): on a new database this migration creates the tables only, for 0002 to drop.
"""

import django.db.models.deletion
from django.db import migrations, models


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
    ]

"""Each entry names the row it was made from, and ``IndexedRow`` that row's stamp
(``index.py``), so that a search after a write makes again only the entries of the rows that
changed; one entry per (term, kind, key).

The index is derived data: it is emptied, and the next search makes each term's again. On
SQLite, Django remakes the table to add the columns, which drops its triggers: the full-text
index's are made again (after the change, and after undoing it) and the index rebuilt.
"""

import django.db.models.deletion
from django.db import migrations, models

# As in 0001 (a migration keeps its own copy: the statements it ran never change).
TRIGGERS = [
    """CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchentry BEGIN
       INSERT INTO search_fts(rowid, folded) VALUES (new.id, new.folded); END""",
    """CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchentry BEGIN
       INSERT INTO search_fts(search_fts, rowid, folded) VALUES ('delete', old.id, old.folded);
       END""",
    """CREATE TRIGGER search_fts_update AFTER UPDATE ON search_searchentry BEGIN
       INSERT INTO search_fts(search_fts, rowid, folded) VALUES ('delete', old.id, old.folded);
       INSERT INTO search_fts(rowid, folded) VALUES (new.id, new.folded); END""",
]
DROP_TRIGGERS = [
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_insert",
]


def _empty(apps, schema_editor):
    apps.get_model("search", "SearchEntry").objects.all().delete()
    apps.get_model("search", "IndexedTerm").objects.all().delete()


def _triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for statement in DROP_TRIGGERS + TRIGGERS:
        schema_editor.execute(statement)
    schema_editor.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_search_index"),
    ]

    operations = [
        # Undone last: the triggers again once the table is as it was.
        migrations.RunPython(migrations.RunPython.noop, _triggers),
        migrations.RunPython(_empty, _empty),
        migrations.RemoveIndex(model_name="searchentry", name="search_entry_term_kind"),
        migrations.AddField(
            model_name="searchentry",
            name="source",
            field=models.CharField(
                choices=[
                    ("meeting", "meeting"),
                    ("agenda_item", "agenda item"),
                    ("activity", "activity"),
                    ("mandate", "mandate"),
                    ("plan_document", "plan document"),
                ],
                default="",
                max_length=16,
                verbose_name="made from",
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="searchentry",
            name="source_row",
            field=models.PositiveBigIntegerField(default=0, verbose_name="row made from"),
            preserve_default=False,
        ),
        migrations.AddIndex(
            model_name="searchentry",
            index=models.Index(fields=["term", "source", "source_row"], name="search_entry_source"),
        ),
        migrations.AddConstraint(
            model_name="searchentry",
            constraint=models.UniqueConstraint(
                fields=("term", "kind", "key"), name="search_entry_one_per_key"
            ),
        ),
        migrations.CreateModel(
            name="IndexedRow",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "source",
                    models.CharField(
                        choices=[
                            ("meeting", "meeting"),
                            ("agenda_item", "agenda item"),
                            ("activity", "activity"),
                            ("mandate", "mandate"),
                            ("plan_document", "plan document"),
                        ],
                        max_length=16,
                        verbose_name="made from",
                    ),
                ),
                ("source_row", models.PositiveBigIntegerField(verbose_name="row made from")),
                ("stamp", models.TextField(verbose_name="stamp")),
                (
                    "term",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="plans.term",
                    ),
                ),
            ],
            options={
                "verbose_name": "indexed row",
                "verbose_name_plural": "indexed rows",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("term", "source", "source_row"), name="search_indexed_row_once"
                    )
                ],
            },
        ),
        migrations.RunPython(_triggers, migrations.RunPython.noop),
    ]

"""``Publication`` moves here from the access app, its table unchanged (``access_publication``).

The database is not touched: the access app forgets the model (its 0010, state only) and this
app takes it over (state only), so a database made before the move migrates with no change to
its tables. The model's content type is renamed with it, so that the permissions granted on it
(and their users and groups) stay attached.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def _rename_content_type(apps, schema_editor, old, new):  # type: ignore[no-untyped-def]
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    if not ContentType.objects.using(db).filter(app_label=new, model="publication").exists():
        ContentType.objects.using(db).filter(app_label=old, model="publication").update(
            app_label=new
        )


def forwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    _rename_content_type(apps, schema_editor, "access", "publication")


def backwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    _rename_content_type(apps, schema_editor, "publication", "access")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("access", "0009_sign_in_lock"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("plans", "0006_output_version"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Publication",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "visibility",
                            models.CharField(
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
                        (
                            "version",
                            models.PositiveIntegerField(
                                default=1,
                                editable=False,
                                help_text="Raised by every saved edit.",
                                verbose_name="version",
                            ),
                        ),
                        (
                            "changed_at",
                            models.DateTimeField(auto_now=True, verbose_name="changed at"),
                        ),
                        (
                            "changed_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="changed by",
                            ),
                        ),
                        (
                            "term",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="publication",
                                to="plans.term",
                                verbose_name="term",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "publication of a term",
                        "verbose_name_plural": "publications of terms",
                        "db_table": "access_publication",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]

"""The publication's flag, replaced by its level (0005_publication_visibility)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("access", "0005_publication_visibility"),
    ]

    operations = [
        migrations.RemoveField(model_name="publication", name="published"),
    ]

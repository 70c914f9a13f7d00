"""``Publication`` now belongs to the publication app (its 0001 takes it over): the access app
forgets it, state only; its table (``access_publication``) stays as it is."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("access", "0009_sign_in_lock"),
        ("publication", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Publication")],
            database_operations=[],
        ),
    ]

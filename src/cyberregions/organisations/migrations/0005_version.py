"""The version of an organisation, raised by every save (``core.concurrency``: no lost
updates).

On SQLite, adding a NOT NULL column rebuilds ``organisations_organisation``, which drops the
triggers that keep the atlas rows in step (0004); they are created again, unchanged, after
the column is added (and after it is removed, when the migration is undone). On PostgreSQL the column is added in place and the triggers, which fire
on UPDATE OF named columns only, are untouched.
"""

import importlib

from django.db import migrations, models

atlas_rows = importlib.import_module("cyberregions.organisations.migrations.0004_atlas_rows")
SQLITE_TRIGGERS = atlas_rows.SQLITE_FORWARD[:3]


def recreate_sqlite_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for statement in [*atlas_rows.SQLITE_BACKWARD, *SQLITE_TRIGGERS]:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0004_atlas_rows"),
    ]

    operations = [
        # Undoing the column rebuilds the table again: the triggers come back after it.
        migrations.RunPython(migrations.RunPython.noop, recreate_sqlite_triggers),
        migrations.AddField(
            model_name="organisation",
            name="version",
            field=models.PositiveIntegerField(
                db_default=1,
                default=1,
                editable=False,
                help_text="Raised by one on every save; an edit from an older one is refused.",
                verbose_name="version",
            ),
        ),
        migrations.RunPython(recreate_sqlite_triggers, migrations.RunPython.noop),
    ]

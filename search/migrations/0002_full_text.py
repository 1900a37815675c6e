"""The vendor-specific full-text part of the database search backend (see search/fulltext.py):
FTS5 table and triggers on SQLite; tsvector trigger and GIN index on PostgreSQL.

It is installed by the last migration that changes it (0003 since the `labels` column), because
search.fulltext always installs its current form, which names columns added after this migration.
Databases that applied this migration before had it installed here; 0003 installs it anew."""

from django.db import migrations


def uninstall(apps, schema_editor):
    from search.fulltext import strategy

    with schema_editor.connection.cursor() as cursor:
        strategy(schema_editor.connection).uninstall(cursor)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(migrations.RunPython.noop, uninstall)]

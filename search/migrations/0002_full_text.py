"""The vendor-specific full-text part of the database search backend (see search/fulltext.py):
FTS5 table and triggers on SQLite; tsvector trigger and GIN index on PostgreSQL."""

from django.db import migrations


def install(apps, schema_editor):
    from search.fulltext import strategy

    with schema_editor.connection.cursor() as cursor:
        strategy(schema_editor.connection).install(cursor)


def uninstall(apps, schema_editor):
    from search.fulltext import strategy

    with schema_editor.connection.cursor() as cursor:
        strategy(schema_editor.connection).uninstall(cursor)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(install, uninstall)]

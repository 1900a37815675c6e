"""Search documents carry the labels of their vocabulary (a commitment's status and sector) in English and
Urdu, in a column of their own that the full-text index weighs least; the FTS5 table (SQLite) and the
tsvector trigger (PostgreSQL) are made anew with it. The index needs `search_index --rebuild` afterwards:
every document changed (its text is now folded into words by search.text.index_text)."""

from django.db import migrations, models


def reinstall(apps, schema_editor):
    from search.fulltext import strategy

    full_text = strategy(schema_editor.connection)
    with schema_editor.connection.cursor() as cursor:
        full_text.uninstall(cursor)
        full_text.install(cursor)
        if schema_editor.connection.vendor == "sqlite":
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")


def uninstall(apps, schema_editor):
    """Back to 0002: the full-text part as 0002 left it cannot be made from today's code; rebuild after."""
    from search.fulltext import strategy

    with schema_editor.connection.cursor() as cursor:
        strategy(schema_editor.connection).uninstall(cursor)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_full_text")]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="labels",
            field=models.TextField(blank=True, default=""),
            preserve_default=False,
        ),
        migrations.RunPython(reinstall, uninstall),
    ]

"""Summaries stored before tracker/public/stored_figures.py read back slowly (Python's unpickling builds a
class for every lazy label they hold): mark them stale, so each is computed and stored anew on its next
request, or by `rebuild_summaries --stale`."""

from django.db import migrations


def mark_stale(apps, schema_editor):
    apps.get_model("tracker", "PublicSummary").objects.update(fresh=False)


class Migration(migrations.Migration):
    dependencies = [("tracker", "0012_urdu_fields")]

    operations = [migrations.RunPython(mark_stale, migrations.RunPython.noop)]

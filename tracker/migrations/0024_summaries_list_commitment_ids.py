"""Summaries now keep the commitments a page lists as ids, read fresh by the page
(tracker/public/figures.py): those stored before hold the commitments themselves, so none of them is
served again; each is computed anew on its next request, or by `rebuild_summaries --stale`."""

import datetime

from django.db import migrations
from django.db.models import F

NEVER_SERVED = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)  # tracker/models/summaries.py


def never_serve_again(apps, schema_editor):
    summaries = apps.get_model("tracker", "PublicSummary").objects
    summaries.update(fresh=False, generation=F("generation") + 1, stale_since=NEVER_SERVED)


class Migration(migrations.Migration):
    dependencies = [("tracker", "0023_archived_copies")]

    operations = [migrations.RunPython(never_serve_again, migrations.RunPython.noop)]

"""`manage.py rebuild_summaries`: compute the maintained page summaries from scratch
(tracker/public/summaries.py): the dashboard, the unfiltered accountability report, every published
office, person and place, and any other summary already stored. With `--stale`, only recompute the stale
ones (what the task after each publish does)."""

import time

from django.core.management.base import BaseCommand

from tracker.public import summaries


class Command(BaseCommand):
    help = "Compute the summaries the dashboard, office, person and place pages and the accountability page read."

    def add_arguments(self, parser):
        parser.add_argument(
            "--stale", action="store_true", help="Only recompute the summaries a change has made stale."
        )

    def handle(self, *args, stale, **options):
        started = time.monotonic()
        count = summaries.refresh() if stale else summaries.rebuild()
        self.stdout.write(f"{count} summaries computed in {time.monotonic() - started:.1f} s.")

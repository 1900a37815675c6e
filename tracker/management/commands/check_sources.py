"""`manage.py check_sources`: check every address published records cite, as beat does weekly
(tracker/archive/checking.py): dead links, pages changed since their copy was kept, copies still missing."""

from django.core.management.base import BaseCommand

from tracker.archive.checking import check_sources


class Command(BaseCommand):
    help = "Check every cited address again: record dead links and pages changed since they were archived."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=None, help="Check only the first N addresses.")
        parser.add_argument(
            "--workers", type=int, default=None, help="Fetches at a time (default: ARCHIVE_CHECK_WORKERS)."
        )

    def handle(self, *args, limit, workers, **options):
        self.stdout.write(str(check_sources(limit=limit, workers=workers)))

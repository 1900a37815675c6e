"""`manage.py build_downloads`: build the bulk downloads of /data/ now (what the nightly task does)."""

from django.core.management.base import BaseCommand

from tracker.api.downloads.build import build


class Command(BaseCommand):
    help = "Build the bulk downloads of /data/ (zipped CSV and JSON of every published record) now."

    def add_arguments(self, parser):
        parser.add_argument("--to", default=None, help="Build into this folder instead of DOWNLOADS_ROOT.")

    def handle(self, *args, to, **options):
        manifest = build(to, progress=lambda message: self.stdout.write(message))
        for file in manifest["files"]:
            self.stdout.write(f"{file['name']}: {file['bytes']} bytes, SHA-256 {file['sha256']}")
        counts = ", ".join(f"{count} {name}" for name, count in manifest["records"].items())
        self.stdout.write(f"Records: {counts}. Digest of that moment: {manifest['digest']['sha256']}")

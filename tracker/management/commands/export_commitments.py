"""`manage.py export_commitments [--history] [--output FILE]`

Writes the published commitments as CSV in the columns of the import template (edit it and import
it again with import_commitments), or with --history every public revision of every record.
"""

from django.core.management.base import BaseCommand

from tracker.spreadsheets.exports import commitment_rows, history_rows, write_csv


class Command(BaseCommand):
    help = "Export the published commitments (import template columns) or, with --history, every public revision."

    def add_arguments(self, parser):
        parser.add_argument("--history", action="store_true", help="Export the full public history instead.")
        parser.add_argument("--output", "-o", help="Write to this file (default: standard output).")

    def handle(self, *args, history, output, **options):
        rows = history_rows() if history else commitment_rows()
        if output:
            # A byte-order mark, so that Excel opens the UTF-8 (Urdu titles) correctly.
            with open(output, "w", encoding="utf-8-sig", newline="") as stream:
                write_csv(rows, stream)
        else:
            write_csv(rows, self.stdout)

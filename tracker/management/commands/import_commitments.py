"""`manage.py import_commitments FILE --user NAME [--apply] [--apply-valid-rows] [--summary TEXT]`

Imports commitments or status updates (the kind is told by the header row) from a CSV or XLSX
file. Without --apply it is a dry run: it prints what each row would do and changes nothing.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from tracker.publishing.imports import PERMISSION, ImportRefused, apply_plan
from tracker.spreadsheets.columns import COMMITMENTS, STATUS_UPDATES
from tracker.spreadsheets.plan import make_plan
from tracker.spreadsheets.reading import ImportFileError, read_table
from tracker.spreadsheets.report import report


class Command(BaseCommand):
    help = (
        "Import commitments or status updates from a CSV or XLSX file (columns: docs/importing.md). "
        "A dry run unless --apply is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="A .csv (UTF-8) or .xlsx file with the template's header row.")
        parser.add_argument("--user", required=True, help="The username the import is made by (needs publish).")
        parser.add_argument("--apply", action="store_true", help="Write the changes (default: dry run only).")
        parser.add_argument(
            "--apply-valid-rows",
            action="store_true",
            help="With --apply, import the valid rows even when some rows are rejected.",
        )
        parser.add_argument("--summary", help="The public edit summary (default: 'Imported from <file name>').")
        parser.add_argument("--kind", choices=[COMMITMENTS, STATUS_UPDATES], help="Override the detected kind.")
        parser.add_argument("--all-rows", action="store_true", help="List every row in the report, not only problems.")

    def handle(self, *args, file, user, apply, apply_valid_rows, summary, kind, all_rows, verbosity, **options):
        account = get_user_model().objects.filter(username=user).first()
        if account is None:
            raise CommandError(f"No user is called “{user}”.")
        if not account.has_perm(PERMISSION):
            raise CommandError(f"{user} may not publish commitments, so may not import them.")
        path = Path(file)
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from None
        try:
            table = read_table(path.name, data, kind=kind)
        except ImportFileError as error:
            raise CommandError(str(error)) from None

        quiet = verbosity == 0
        plan = make_plan(table, progress=lambda rows: tqdm(rows, desc="Checking rows", unit="row", disable=quiet))
        self.stdout.write(report(plan, everything=all_rows))
        if not apply:
            self.stdout.write("Dry run: nothing was changed. Run again with --apply to import.")
            return
        bar = tqdm(total=len(plan.writes), desc="Publishing", unit="record", disable=quiet)
        try:
            applied = apply_plan(
                plan,
                user=account,
                summary=summary or f"Imported from {path.name}",
                apply_valid_rows=apply_valid_rows,
                on_progress=bar.update,
            )
        except (ImportRefused, PermissionDenied) as error:
            raise CommandError(str(error)) from None
        finally:
            bar.close()
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported: {applied.commitments_created}, {applied.changed} changed "
                f"({applied.rows_read}), each as one public revision."
            )
        )

"""Load the sample data: `manage.py load_demo_data` (the curated demo) or `--scale N` (the curated
demo plus N generated commitments, for load tests). Safe to run again: nothing is duplicated and
nothing an editor changed is overwritten."""

import time

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tracker.demo import LoadReport, ensure_demo_users, load_curated_demo, mark_as_sample_data
from tracker.history.digest import sign_what_is_new

COUNTED = [
    "Jurisdiction",
    "Organization",
    "Office",
    "Person",
    "Tenure",
    "Commitment",
    "CommitmentOwner",
    "StatusChange",
    "Movement",
    "CommitmentSource",
    "Decision",
    "PublicRevision",
]
ADMIN_LOGIN = "Admin login: http://127.0.0.1:8000/admin/  user admin  password tracker-demo (unless you changed it)"


class Command(BaseCommand):
    help = (
        "Load the illustrative demo data (real places and offices, fictional people and promises). "
        "With --scale N, also generate N commitments of the same shape in bulk."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=int,
            default=0,
            metavar="N",
            help="Also make sure N generated commitments exist (numbered 1..N; running it again adds none).",
        )
        parser.add_argument(
            "--batch-size", type=int, default=2000, help="Commitments written per transaction with --scale."
        )

    def handle(self, *args, scale, batch_size, verbosity, **options):
        if scale < 0:
            raise CommandError("--scale must be zero or more.")
        started = time.monotonic()
        today = timezone.localdate()
        report = LoadReport()
        user = ensure_demo_users()
        load_curated_demo(user, today, report)
        mark_as_sample_data()
        self.stdout.write(self._summary(report, "Curated demo"))
        if scale:
            from tracker.demo.scale import load_generated_commitments

            added = load_generated_commitments(
                scale, user=user, today=today, batch_size=batch_size, progress=verbosity > 0
            )
            self.stdout.write(f"Generated commitments: {added} added, {scale - added} already there.")
        # A signed digest of everything loaded, so the demo's /history/digests/ has one to check at once
        # (the hourly task adds one after every publishing hour).
        signed = sign_what_is_new()
        if signed is not None:
            self.stdout.write(f"Signed digest of the public history: {signed.sha256} (/history/digests/)")
        self.stdout.write("Records now in the tracker:")
        for name in COUNTED:
            model = apps.get_model("tracker", name)
            self.stdout.write(f"  {model._meta.verbose_name_plural}: {model.objects.count()}")
        self.stdout.write(f"Done in {time.monotonic() - started:.0f} s.")
        self.stdout.write(self.style.SUCCESS(ADMIN_LOGIN))

    def _summary(self, report, what):
        added = ", ".join(f"{n} {kind}" for kind, n in sorted(report.added.items())) or "nothing"
        kept = sum(report.kept.values())
        return f"{what}: added {added}; {kept} records were already there and were left as they are."

"""Load the sample data: `manage.py load_demo_data` (the curated demo) or `--scale N` (the curated
demo plus N generated commitments, for load tests). Safe to run again: nothing is duplicated and
nothing an editor changed is overwritten."""

import time

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tracker.demo import (
    DEMO_ORGANISATION,
    DEMO_PASSWORD,
    LoadReport,
    ensure_demo_users,
    load_curated_demo,
    mark_as_sample_data,
    serve_site_at,
)
from tracker.history.digest import make_signed_digests, sign_what_is_new
from tracker.history.transparency import make_checkpoint

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
# What each demo account may do, in the words of the groups' permissions (tracker/admin/moderation.py).
ACCOUNTS = {
    "admin": "administrator: everything, including editing organisations, users and settings",
    "moderator": "moderator: reviews what editors submit, publishes, unpublishes and takes down any record",
    "editor": "editor for {organisation}: drafts and submits its records for review; cannot publish",
}


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
        parser.add_argument(
            "--port",
            type=int,
            help=(
                "The port the demo is served on at 127.0.0.1, for the addresses printed at the end and the Wagtail "
                "site's (default: the address SITE_URL names)."
            ),
        )

    def handle(self, *args, scale, batch_size, port, verbosity, **options):
        if scale < 0:
            raise CommandError("--scale must be zero or more.")
        if port is not None and not 0 < port < 65536:
            raise CommandError("--port must be a port number, from 1 to 65535.")
        address = settings.SITE_URL if port is None else f"http://127.0.0.1:{port}"
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
        # The sample history spans years: a signed digest after every hour in which it was published, as the
        # hourly task would have made them, and one of everything loaded, so /history/digests/ has them at once.
        signed = make_signed_digests()
        latest = sign_what_is_new()
        if latest is not None:
            signed.append(latest)
        if signed:
            self.stdout.write(
                f"Signed digests of the public history: {len(signed)} made, the latest {signed[-1].sha256} "
                "(/history/digests/)"
            )
        if checkpoint := make_checkpoint():
            self.stdout.write(f"Signed checkpoint of the transparency log: {checkpoint.size} entries (/log/checkpoint)")
        self.stdout.write("Records now in the tracker:")
        for name in COUNTED:
            model = apps.get_model("tracker", name)
            self.stdout.write(f"  {model._meta.verbose_name_plural}: {model.objects.count()}")
        self.stdout.write(f"Done in {time.monotonic() - started:.0f} s.")
        # Pages' links in e-mails (Wagtail's moderation notices) start with the Wagtail site's address; the
        # rest with SITE_URL, which the server reads: say so when the demo is served elsewhere.
        serve_site_at(address)
        self.stdout.write(self.style.SUCCESS(self._accounts(address)))
        if address != settings.SITE_URL:
            self.stdout.write(
                self.style.WARNING(
                    f"E-mails link to SITE_URL: serve the demo with SITE_URL={address} for them to lead here "
                    "(make demo PORT=... does)."
                )
            )

    def _accounts(self, site):
        lines = [
            f"The site: {site}/  The admin: {site}/admin/",
            f"Sign in as one of (password {DEMO_PASSWORD} for each, unless you changed it):",
        ]
        for username, can in ACCOUNTS.items():
            lines.append(f"  {username:<10} {can.format(organisation=DEMO_ORGANISATION)}")
        return "\n".join(lines)

    def _summary(self, report, what):
        added = ", ".join(f"{n} {kind}" for kind, n in sorted(report.added.items())) or "nothing"
        kept = sum(report.kept.values())
        return f"{what}: added {added}; {kept} records were already there and were left as they are."

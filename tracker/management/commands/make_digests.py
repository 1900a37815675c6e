"""`manage.py make_digests`: sign a digest of the public history for every ended hour in which something was
published (what the hourly task does), and with `--now` one more of everything published until now."""

from django.core.management.base import BaseCommand

from tracker.history.digest import make_signed_digests, sign_what_is_new


class Command(BaseCommand):
    help = "Sign the digests of the public history that are due (one per publishing hour); --now adds one up to now."

    def add_arguments(self, parser):
        parser.add_argument(
            "--now",
            action="store_true",
            help="Also sign a digest of everything published until now, if anything is new.",
        )

    def handle(self, *args, now, **options):
        made = make_signed_digests()
        if now and (latest := sign_what_is_new()):
            made.append(latest)
        for digest in made:
            self.stdout.write(
                f"Signed digest up to {digest.ends_at.isoformat()}: {digest.sha256} ({digest.records} records)"
            )
        if not made:
            self.stdout.write("No digest was due.")

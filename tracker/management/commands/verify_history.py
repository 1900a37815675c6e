"""`manage.py verify_history`: check every record's chain of public revisions, the site-wide log that
orders them all, every signed digest (hourly ones included, whether their day has ended or not) against
the history it pins, and that every published record's latest revision is what its live row holds (exit
1 naming each record and revision that was altered, moved or deleted in the database), and optionally
digests archived from the changes feed: `--digest 2025-01-07=<sha256>`."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from tracker.history.digest import digest_for, is_complete
from tracker.history.verification import (
    verify_chains,
    verify_live_records,
    verify_signed_digests,
    verify_site_log,
)


def _archived_digest(value):
    day, _, expected = value.partition("=")
    try:
        day = datetime.date.fromisoformat(day.strip())
    except ValueError:
        raise CommandError(f"--digest takes DAY=SHA256, for example 2025-01-07=9f86d0…, not {value!r}.") from None
    if not is_complete(day):
        raise CommandError(f"The digest of {day} is published once the day has ended.")
    return day, expected.strip().lower()


class Command(BaseCommand):
    help = (
        "Check that no published revision was altered, moved or deleted: every hash and link of every record's "
        "chain and of the site-wide log, every signed digest against the history it pins, and every published "
        "record's latest revision against its live row."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--digest",
            action="append",
            default=[],
            type=_archived_digest,
            metavar="DAY=SHA256",
            help="A daily digest archived from the changes feed, to check the history against (repeatable).",
        )

    def handle(self, *args, digest, **options):
        report = verify_chains()
        failed = False
        for problem in [*report.problems, *verify_site_log(), *verify_live_records(), *verify_signed_digests()]:
            self.stderr.write(f"ALTERED: {problem}")
            failed = True
        for day, expected in digest:
            found = digest_for(day)
            if found.sha256 == expected:
                self.stdout.write(f"Digest of {day} matches: {expected}")
            else:
                self.stderr.write(
                    f"ALTERED: the history up to {day} is not what was published that day: "
                    f"archived digest {expected}, now {found.sha256}"
                )
                failed = True
        summary = f"{report.revisions} revisions of {report.records} records checked"
        if failed:
            self.stderr.write(f"{summary}: the published history was altered.")
            raise SystemExit(1)
        self.stdout.write(self.style.SUCCESS(f"{summary}: every chain is intact."))
        self.stdout.write(
            "The site-wide log is unbroken, every signed digest matches the history it pins, and every "
            "published record's latest revision is what it holds."
        )

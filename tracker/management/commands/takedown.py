"""`manage.py takedown commitments <slug> --reason court_order --notice "…"` takes a record off the public site
for legal reasons (its pages answer 410 with the notice and the reason's category; its history is kept);
`--restore "…"` (the reason) brings it back with its history as it was."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from tracker.models.kinds import KINDS_WITH_PAGES
from tracker.models.vocabulary import TakedownReason
from tracker.publishing import takedown


class Command(BaseCommand):
    help = "Take a record down for legal reasons, or restore it."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=sorted(KINDS_WITH_PAGES))
        parser.add_argument("slug")
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--notice", help="Shown publicly in place of the record: why, and on whose order.")
        action.add_argument("--restore", metavar="REASON", help="Restore the record; the reason goes in its history.")
        parser.add_argument(
            "--reason",
            choices=TakedownReason.values,
            help="With --notice (required): the category of the takedown's reason, shown publicly with the notice.",
        )

    def handle(self, *args, kind, slug, notice, restore, reason, **options):
        if notice is not None and reason is None:
            raise CommandError(f"Say which kind of reason with --reason: one of {', '.join(TakedownReason.values)}.")
        record = KINDS_WITH_PAGES[kind].model.objects.filter(live=True, slug=slug).first()
        if record is None:
            raise CommandError(f"No published {kind} at {slug!r}.")
        try:
            if restore is not None:
                takedown.restore(record, reason=restore)
                self.stdout.write(f"Restored {record}: its pages and history are public again.")
            else:
                takedown.take_down(record, notice=notice, reason=reason)
                self.stdout.write(f"Took down {record}: its pages now answer 410 with the notice.")
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None

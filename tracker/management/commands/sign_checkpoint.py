"""`manage.py sign_checkpoint`: sign a checkpoint of the transparency log as it is now (the hourly task signs
one next to each signed digest), unless the latest one already has its size."""

from django.core.management.base import BaseCommand

from tracker.history.transparency import make_checkpoint


class Command(BaseCommand):
    help = "Sign a checkpoint of the transparency log (its size and root) unless the latest one is current."

    def handle(self, *args, **options):
        checkpoint = make_checkpoint()
        if checkpoint is None:
            self.stdout.write("The log is empty: nothing to sign.")
            return
        self.stdout.write(f"Checkpoint of {checkpoint.size} entries, root {checkpoint.root}:\n")
        self.stdout.write(checkpoint.note, ending="")

"""`manage.py export_log_tiles FOLDER`: the transparency log as static files, laid out as the site serves it under
/log/ (C2SP tlog-tiles): FOLDER/checkpoint (the latest signed checkpoint, with its witnesses' cosignatures),
FOLDER/timestamps/<size> (its RFC 3161 timestamp tokens, JSON), FOLDER/keys (the key history, JSON) and
FOLDER/tile/... (hash tiles and entry bundles of the checkpoint's tree);
with --content also FOLDER/content/... (each leaf's revision as hashed, tombstones withheld, as /log/content
serves them). Any web server serving FOLDER is a mirror the standalone verifier (verifier/) reads like the site.
Full tiles never change, so a mirror can copy a new export over an old one."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder

from tracker.history import timestamps, transparency, witnesses


class Command(BaseCommand):
    help = "Write the transparency log's latest checkpoint and its tiles (C2SP tlog-tiles) as static files."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)
        parser.add_argument("--sign", action="store_true", help="Sign a checkpoint of the log as it is now first.")
        parser.add_argument(
            "--content",
            action="store_true",
            help="Also write each entry bundle's revisions as hashed (content/<N>, JSON; tombstones withheld).",
        )

    def handle(self, *args, folder, sign, content, **options):
        checkpoint = transparency.make_checkpoint() if sign else transparency.latest_checkpoint()
        if checkpoint is None:
            raise CommandError("No checkpoint to export: run `manage.py sign_checkpoint` first (or pass --sign).")
        written = size = 0
        for path, level, index, width in transparency.tiles_of(checkpoint.size):
            target = folder / path
            if target.exists() and width == transparency.TILE_WIDTH:
                continue  # a full tile never changes
            data = (
                transparency.entry_bundle(index, width)
                if level == "entries"
                else transparency.tile(level, index, width)
            )
            if data is None:  # rows missing from the stored log: exported as they are, for readers to see
                self.stderr.write(f"The log's stored rows lack {path}: not exported.")
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            written += 1
            size += len(data)
        if content:  # rewritten every time: a takedown or a restore changes what is withheld
            for path, level, index, width in transparency.tiles_of(checkpoint.size):
                if level != "entries":
                    continue
                target = folder / path.replace("tile/entries/", "content/", 1)
                target.parent.mkdir(parents=True, exist_ok=True)
                bundle_first = index * transparency.TILE_WIDTH
                bundle = {"first": bundle_first, "entries": transparency.entries(bundle_first, width)}
                target.write_text(json.dumps(bundle, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1))
        (folder / "keys").write_text(json.dumps(transparency.key_history(), cls=DjangoJSONEncoder, indent=1))
        (folder / "checkpoint").write_text(witnesses.cosigned_note(checkpoint))
        stamps = folder / "timestamps" / str(checkpoint.size)
        stamps.parent.mkdir(parents=True, exist_ok=True)
        stamps.write_text(json.dumps(timestamps.of_checkpoint(checkpoint), cls=DjangoJSONEncoder, indent=1))
        self.stdout.write(f"Exported the checkpoint of {checkpoint.size} entries and {written} tiles ({size} bytes).")

"""Building the bulk downloads: every table of tracker/api/downloads/tables.py written row by row (never a
table in memory) into

    tracker-csv.zip    one CSV per record type, the data dictionary, the licence, the manifest
    tracker-json.zip   one JSON array per record type, the Popolo document, the data dictionary, the licence,
                       the manifest
    manifest.json      when, the licence, the digest of that moment, and each file's size and SHA-256
    <file>.sha256      for `sha256sum -c`

All of it is read in one transaction (repeatable read on PostgreSQL), so the files and the digest describe
one moment of the public state, whatever is published meanwhile. The digest is the SHA-256 of the listing
of every record's latest public revision (tracker/history/digest.py), which anyone can recompute from the
revisions table. Files are written under a temporary name and moved into place, the manifest last, so /data/
never offers a half-written file.
"""

import contextlib
import hashlib
import io
import json
import os
import tempfile
import zipfile
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from tracker.api import popolo
from tracker.api.columns import columns
from tracker.api.downloads import tables
from tracker.api.renderers import csv_writer, write_rows
from tracker.history.digest import listing_at
from tracker.models import PublicRevision, SignedDigest

CSV_ZIP = "tracker-csv.zip"
JSON_ZIP = "tracker-json.zip"
MANIFEST = "manifest.json"
LICENCE = {
    "name": "Creative Commons Attribution 4.0 International (CC BY 4.0)",
    "url": "https://creativecommons.org/licenses/by/4.0/",
}
LICENCE_TEXT = (
    f"These data are published under the {LICENCE['name']} licence: {LICENCE['url']}\n"
    "You may share and adapt them for any purpose, provided you credit the Accountability Tracker and link to the "
    "licence. Every record links to its public page and its public history, which anyone can verify.\n"
)


def dictionary():
    """[{file, column, type, description}] of every column of every CSV file."""
    return [
        {"file": f"{table.name}.csv", "column": column.name, "type": column.type, "description": column.description}
        for table in tables.TABLES
        for column in columns(table.serializer(context={"request": None}))
    ]


def _text(archive, name):
    return io.TextIOWrapper(archive.open(name, "w", force_zip64=True), encoding="utf-8", newline="")


def _write_csv(archive, context):
    counts = {}
    for table in tables.TABLES:
        found = columns(table.serializer(context=context))
        with _text(archive, f"{table.name}.csv") as stream:
            writer = csv_writer(stream)
            writer.writerow([column.name for column in found])
            count = 0
            for data in table.rows(context):
                write_rows(writer, found, [data])
                count += 1
        counts[table.name] = count
    with _text(archive, "data-dictionary.csv") as stream:
        writer = csv_writer(stream)
        writer.writerow(["file", "column", "type", "description"])
        for entry in dictionary():
            writer.writerow(list(entry.values()))
    return counts


def _write_json(archive, context):
    for table in tables.TABLES:
        with _text(archive, f"{table.name}.json") as stream:
            stream.write("[")
            for number, data in enumerate(table.rows(context)):
                stream.write(",\n" if number else "\n")
                stream.write(json.dumps(data, ensure_ascii=False, default=str))
            stream.write("\n]\n")
    with _text(archive, "popolo.json") as stream:
        json.dump(popolo.document(None), stream, ensure_ascii=False)
    with _text(archive, "data-dictionary.json") as stream:
        json.dump(dictionary(), stream, ensure_ascii=False, indent=1)


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _moment_digest(moment):
    """The digest of the public history at `moment`, and the signed digest that pins the same listing, if any."""
    listing, records = listing_at(moment)
    sha = hashlib.sha256(listing.encode("utf-8")).hexdigest()
    last = PublicRevision.objects.filter(published_at__lt=moment).aggregate(last=Max("published_at"))["last"]
    signed = SignedDigest.objects.filter(ends_at__gt=last, sha256=sha).order_by("ends_at").first() if last else None
    return {
        "sha256": sha,
        "records": records,
        "moment": moment.isoformat(),
        "signed_digest": signed.stamp if signed else None,
    }


@contextlib.contextmanager
def _snapshot():
    """One consistent view of the database for the whole build (a transaction of its own: inside another one,
    such as a test's, the view is that transaction's)."""
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if connection.vendor == "postgresql" and outermost:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


def build(root=None, *, progress=None):
    """Build every download into `root` (DOWNLOADS_ROOT); returns the manifest."""
    root = Path(root or settings.DOWNLOADS_ROOT)
    root.mkdir(parents=True, exist_ok=True)
    say = progress or (lambda message: None)
    with tempfile.TemporaryDirectory(dir=root, prefix=".building-") as work:
        work = Path(work)
        with _snapshot():
            moment = timezone.now()
            context = tables.context()
            digest = _moment_digest(moment)
            head = {"built_at": moment.isoformat(), "license": LICENCE, "digest": digest}
            say("CSV…")
            with zipfile.ZipFile(work / CSV_ZIP, "w", zipfile.ZIP_DEFLATED) as archive:
                counts = _write_csv(archive, context)
                archive.writestr("LICENCE.txt", LICENCE_TEXT)
                archive.writestr("manifest.json", json.dumps({**head, "records": counts}, indent=1))
            say("JSON…")
            with zipfile.ZipFile(work / JSON_ZIP, "w", zipfile.ZIP_DEFLATED) as archive:
                _write_json(archive, context)
                archive.writestr("LICENCE.txt", LICENCE_TEXT)
                archive.writestr("manifest.json", json.dumps({**head, "records": counts}, indent=1))
        files = []
        for name in (CSV_ZIP, JSON_ZIP):
            sha = sha256_of(work / name)
            (work / f"{name}.sha256").write_text(f"{sha}  {name}\n", encoding="utf-8")
            files.append({"name": name, "bytes": (work / name).stat().st_size, "sha256": sha})
        manifest = {**head, "records": counts, "files": files}
        (work / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        for name in (CSV_ZIP, f"{CSV_ZIP}.sha256", JSON_ZIP, f"{JSON_ZIP}.sha256", MANIFEST):
            os.replace(work / name, root / name)
    return manifest


def current(root=None):
    """The manifest of the downloads on offer, or None before the first build."""
    path = Path(root or settings.DOWNLOADS_ROOT) / MANIFEST
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None

"""/data/: the page that lists the bulk downloads (with their SHA-256, the digest of their moment, the licence
and the data dictionary), and the files themselves, streamed from disk."""

from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404
from django.shortcuts import render

from tracker.api.downloads import build
from tracker.api.downloads.tables import TABLES

OFFERED = (build.CSV_ZIP, f"{build.CSV_ZIP}.sha256", build.JSON_ZIP, f"{build.JSON_ZIP}.sha256", build.MANIFEST)


def data_index(request):
    manifest = build.current()
    context = {
        "manifest": manifest,
        "tables": [(table, manifest["records"].get(table.name) if manifest else None) for table in TABLES],
        "dictionary": build.dictionary(),
        "licence": build.LICENCE,
    }
    return render(request, "tracker/downloads.html", context)


def data_file(request, name):
    if name not in OFFERED:
        raise Http404("No such download: see /data/ for the files on offer.")
    path = Path(settings.DOWNLOADS_ROOT) / name
    try:
        stream = path.open("rb")
    except OSError:
        raise Http404("This download has not been built yet.") from None
    binary = name.endswith(".zip")
    response = FileResponse(stream, as_attachment=binary, filename=name)
    if not binary:
        response["Content-Type"] = "application/json" if name.endswith(".json") else "text/plain; charset=utf-8"
    return response

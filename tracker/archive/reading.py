"""What the public pages read of the archive: each cited address's copy (one query per page), whether an
address is still cited by a published record, and a kept copy's page, read back from storage and checked.

    copies = attach_copies(sources, changes)   # sets part.archived (an ArchivedCopy or None) on each
    page = stored_page(copy)                   # warcs.Page, or warcs.Damaged with the reason
"""

from django.core.files.storage import default_storage
from django.db.models import OuterRef, Subquery
from django.db.models.functions import JSONObject

from tracker.archive.citations import cited_urls
from tracker.archive.warcs import Damaged, read_page
from tracker.models import ArchivedCopy


def attach_copies(*parts_lists):
    """Give every part of these lists its address's `archived` copy (None if the address has none yet), in
    one query; the copies by address."""
    parts = [part for parts in parts_lists for part in parts]
    urls = {part.url for part in parts if part.url}
    copies = {copy.url: copy for copy in ArchivedCopy.objects.filter(url__in=urls)} if urls else {}
    for part in parts:
        part.archived = copies.get(part.url)
    return copies


def is_cited(url):
    """Does a published record cite this address now? (A copy is shown only while one does: a record taken
    down or unpublished takes its sources' copies off the site with it.)"""
    return any(urls.filter(url=url).exists() for urls in cited_urls())


def stored_page(copy):
    """The page kept in `copy`'s WARC file; Damaged when the file is missing or cannot be read."""
    try:
        with default_storage.open(copy.warc, "rb") as file:
            data = file.read()
    except (OSError, ValueError):
        raise Damaged("The stored file of this copy is missing.") from None
    return read_page(data, copy.sha256)


def with_archived_copy(parts):
    """Parts (sources, status changes) each annotated with `archived_json`, its address's kept copy as
    {"id", "sha256", "fetched_at"} (None without one), in the same query: the API and the downloads."""
    copy = ArchivedCopy.objects.kept().filter(url=OuterRef("url"))
    return parts.annotate(
        archived_json=Subquery(copy.values(json=JSONObject(id="pk", sha256="sha256", fetched_at="fetched_at"))[:1])
    )

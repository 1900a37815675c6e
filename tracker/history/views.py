"""Public history pages: the list of revisions, one revision as published, a compare, citations and
the daily digest listing. Everything shown comes from stored public revisions, never from live
fields, drafts or editors."""

import datetime

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tracker.history import citations, digest, revision_pages
from tracker.history.addresses import cite_url, compare_url, revision_url
from tracker.history.citations import Cited
from tracker.history.diffs import compare as compare_snapshots
from tracker.history.records import MAX_REVISION_NUMBER, record_view
from tracker.history.snapshot_display import present
from tracker.history.summaries import what_changed
from tracker.history.transparency import latest_checkpoint


def _cited(request, kind, record, revision):
    permanent = request.build_absolute_uri(revision_url(kind, record.slug, revision.number))
    return Cited(
        revision=revision,
        kind=kind,
        url=permanent,
        accessed=timezone.localdate(),
        slug=record.slug,
        reader_language=get_language(),
    )


@record_view
def history(request, kind, record):
    page = revision_pages.history_page(record, request.GET.get("page"))
    context = {"kind": kind, "record": record, "page": page, "latest": page.paginator.count}
    return render(request, "history/history_list.html", context)


@record_view
def revision(request, kind, record, number):
    shown, previous = revision_pages.revision_with_previous(record, number)
    if shown is None:
        raise Http404("No such revision.")
    cited = _cited(request, kind, record, shown)
    context = {
        "kind": kind,
        "record": record,
        "revision": shown,
        "latest": revision_pages.latest_number(record),
        "snapshot": present(shown.content),
        "changed": what_changed(shown, previous),
        "apa": citations.styled(cited, "apa", html=True),
        "bibtex": citations.bibtex(cited),
        "cited": cited,
        "formats": citations.STYLES | citations.DATA_FORMATS,
        "log_entry": shown.sequence - 1,
        "checkpoint": (checkpoint := latest_checkpoint()),
    }
    response = render(request, "history/revision.html", context)
    if not _proof_settled(checkpoint, shown.sequence - 1):
        # The page is permanent but for its "Check this revision" box, which says what is still to come
        # (the next checkpoint will include it; its timestamps are awaited): kept a short while only, until
        # the box can say what will stay true, so that no cache shows "to come" for a year.
        response["Cache-Control"] = f"public, max-age=0, s-maxage={settings.HTTP_CACHE_SHARED_SECONDS}"
    return response


def _proof_settled(checkpoint, log_entry):
    """Whether a signed checkpoint covers the entry and, when timestamp authorities are configured, carries
    a timestamp already."""
    if checkpoint is None or checkpoint.size <= log_entry:
        return False
    return not settings.TRANSPARENCY_LOG_TIMESTAMP_AUTHORITIES or checkpoint.timestamps.exists()


@record_view
def choose_compare(request, kind, record):
    """The history list's compare form (?a=&b=) goes to the permanent compare address."""
    try:
        a, b = sorted(int(request.GET[name]) for name in ("a", "b"))
    except (KeyError, ValueError):
        return _bad_request(_("Choose two revisions to compare: ?a= and ?b= are revision numbers."))
    if a < 1 or b > MAX_REVISION_NUMBER:
        return _bad_request(_("No such revision: revisions are numbered from 1."))
    if a == b:
        return _bad_request(_("Choose two different revisions to compare: a revision has no changes from itself."))
    return redirect(compare_url(kind, record.slug, a, b))


def _bad_request(message):
    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")


@record_view
def compare(request, kind, record, a, b):
    if a == b:
        # Nothing changes from a revision to itself: show that revision, with what it changed.
        return redirect(revision_url(kind, record.slug, a), permanent=True)
    found = revision_pages.revisions_numbered(record, a, b)
    if a not in found or b not in found:
        raise Http404("No such revision.")
    context = {
        "kind": kind,
        "record": record,
        "old": found[a],
        "new": found[b],
        "revisions_compared": [found[a], found[b]],
        "latest": revision_pages.latest_number(record),
        "diff": compare_snapshots(found[a].content, found[b].content),
    }
    return render(request, "history/compare.html", context)


@record_view
def cite_latest(request, kind, record):
    """The record page's "Cite this page": how to cite its latest revision (a temporary redirect, since
    the latest revision changes; the address it leads to is permanent)."""
    latest = revision_pages.latest_number(record)
    if not latest:
        raise Http404("Nothing has been published yet.")
    return redirect(cite_url(kind, record.slug, latest))


@record_view
def cite(request, kind, record, number):
    shown = revision_pages.revisions_numbered(record, number).get(number)
    if shown is None:
        raise Http404("No such revision.")
    cited = _cited(request, kind, record, shown)
    fmt = request.GET.get("format")
    if fmt in citations.FORMATS:
        return _citation_file(cited, fmt)
    context = {
        "kind": kind,
        "record": record,
        "revision": shown,
        "cited": cited,
        "unknown_format": fmt,
        "styles": [(key, name, citations.styled(cited, key, html=True)) for key, (name, _) in citations.STYLES.items()],
        "data": [(key, spec[0], citations.citation(cited, key)) for key, spec in citations.DATA_FORMATS.items()],
    }
    return render(request, "history/cite.html", context, status=400 if fmt else 200)


def _citation_file(cited, fmt):
    """A style as plain text to read in the browser; BibTeX, RIS and CSL-JSON as files to download
    into a reference manager, named after the record and the revision."""
    if fmt in citations.STYLES:
        content_type, extension, attachment = "text/plain", "txt", False
    else:
        _name, content_type, extension = citations.DATA_FORMATS[fmt]
        attachment = True
    response = HttpResponse(citations.citation(cited, fmt), content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(attachment, cited.file_name(extension))
    return response


def digest_listing(request, day):
    """The records' latest hashes at the end of `day`, exactly the bytes the day's digest is the SHA-256 of."""
    try:
        day = datetime.date.fromisoformat(day)
    except ValueError:
        raise Http404("Give the day as YYYY-MM-DD.") from None
    if not digest.is_complete(day):
        raise Http404("A day's digest is published once the day has ended.")
    found = digest.digest_for(day)
    response = HttpResponse(found.listing, content_type="text/plain; charset=utf-8")
    response["X-Digest-SHA256"] = found.sha256
    return response

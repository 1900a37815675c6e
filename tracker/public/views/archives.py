"""The archived copy of a cited page, served from the site's own storage (tracker/archive/).

`/sources/archived/<id>/` is a page of ours: a banner saying whose page this is a copy of and when it was
taken, links to the live address and the WARC file, and the copy itself:

- HTML is never put into our page and never served as a page of our origin that may run anything. It is
  shown in an `<iframe sandbox>` (no scripts, no forms, an origin of its own), loaded from
  `/sources/archived/<id>/content/`, which answers with `Content-Security-Policy: sandbox; default-src 'none'`
  (styles inline and images in data: only), so even opened on its own, outside the frame, the archived
  page's scripts never run on our origin and it fetches nothing from anywhere (readers are not tracked by,
  nor sent to, the archived site). We chose this over rendering it as escaped text because readers need to
  see the page as it looked, and over a sanitiser because a sandbox does not depend on finding every trick.
- Plain text is shown escaped on the page itself.
- A PDF is offered as a download (browsers' PDF viewers do not run under a CSP sandbox).

A copy is shown only while a published record cites its address. A stored file that is missing, unreadable
or does not hash to the SHA-256 recorded when it was kept gives a page that says so, never a crash.
"""

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.clickjacking import xframe_options_sameorigin

from tracker.archive.reading import is_cited, stored_page
from tracker.archive.warcs import Damaged
from tracker.models import ArchivedCopy

# The archived page runs nothing and loads nothing; only our own archive page may frame it.
CONTENT_POLICY = (
    "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; "
    "form-action 'none'; base-uri 'none'"
)
HTML_TYPES = ("text/html", "application/xhtml+xml")


def _cited_copy(pk):
    copy = get_object_or_404(ArchivedCopy.objects.kept(), pk=pk)
    if not is_cited(copy.url):
        raise Http404("No published record cites this page now.")
    return copy


def _media_type(content_type):
    return content_type.split(";")[0].strip().lower()


def archived_copy(request, pk):
    copy = _cited_copy(pk)
    context = {"copy": copy, "kind": "html"}
    try:
        page = stored_page(copy)
    except Damaged as damaged:
        context["damaged"] = str(damaged)
        return render(request, "tracker/archived_copy.html", context, status=500)
    media_type = _media_type(page.content_type)
    if media_type == "text/plain":
        context.update(kind="text", text=page.body.decode(_charset(page.content_type), errors="replace"))
    elif media_type not in HTML_TYPES:
        context["kind"] = "download"
    return render(request, "tracker/archived_copy.html", context)


def _charset(content_type):
    for part in content_type.split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.lower() == "charset" and value:
            try:
                "".encode(value.strip('"'))
                return value.strip('"')
            except LookupError:
                break
    return "utf-8"


@xframe_options_sameorigin
def archived_content(request, pk):
    copy = _cited_copy(pk)
    try:
        page = stored_page(copy)
    except Damaged as damaged:
        response = HttpResponse(str(damaged), content_type="text/plain; charset=utf-8", status=500)
    else:
        media_type = _media_type(page.content_type)
        response = HttpResponse(page.body, content_type=page.content_type or "application/octet-stream")
        if media_type not in HTML_TYPES and media_type != "text/plain":
            response["Content-Disposition"] = f'attachment; filename="archived-{copy.pk}.pdf"'
    response["Content-Security-Policy"] = CONTENT_POLICY
    response["X-Content-Type-Options"] = "nosniff"
    response["Referrer-Policy"] = "no-referrer"
    return response


def archived_warc(request, pk):
    """The WARC file itself, for anyone who wants to check the copy with their own tools."""
    copy = _cited_copy(pk)
    try:
        file = default_storage.open(copy.warc, "rb")
    except (OSError, ValueError):
        raise Http404("The stored file of this copy is missing.") from None
    response = FileResponse(file, as_attachment=True, filename=f"archived-{copy.pk}.warc.gz")
    response["Content-Type"] = "application/warc"
    response["Content-Security-Policy"] = CONTENT_POLICY
    return response

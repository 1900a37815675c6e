"""/changes/: the latest published changes of the whole site, newest first (tracker/history/recent.py)."""

from django.shortcuts import render

from tracker.history import recent
from tracker.public.views.common import UncountedPage, page_number


def changes(request):
    number = page_number(request, recent.MAX_PAGES)
    revisions, slugs = recent.recent_revisions(number)
    page = UncountedPage(revisions, number, recent.PER_PAGE)
    if number >= recent.MAX_PAGES:
        page._has_next = False
    page.object_list = recent.changes(page.object_list, slugs)
    context = {"page": page, "last_page": number >= recent.MAX_PAGES}
    return render(request, "history/changes.html", context)

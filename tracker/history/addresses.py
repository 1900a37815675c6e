"""The public addresses of a record's history: its page, revisions, compares, citations and feed.

Kinds are named by the first part of their public address (`tracker.models.kinds`, `segment`).
"""

from django.urls import reverse
from django.utils.http import urlencode

from tracker.models.base import page_address
from tracker.models.kinds import KINDS_WITH_PAGES

# Which kind of record a related-record value in a stored snapshot points to, by field name (for links).
RELATED_KIND = {
    "office": "offices",
    "made_by_office": "offices",
    "deciding_office": "offices",
    "person": "people",
    "jurisdiction": "jurisdictions",
    "parent": "jurisdictions",
    "commitment": "commitments",
}


def _name(segment, view):
    return f"tracker:{KINDS_WITH_PAGES[segment].url_name}_{view}"


def record_url(segment, slug):
    return page_address(KINDS_WITH_PAGES[segment].url_name, slug)


def history_url(segment, slug):
    return reverse(_name(segment, "history"), args=[slug])


def revision_url(segment, slug, number):
    return reverse(_name(segment, "revision"), args=[slug, number])


def compare_url(segment, slug, a, b):
    return reverse(_name(segment, "compare"), args=[slug, a, b])


def cite_url(segment, slug, number, style=None):
    url = reverse(_name(segment, "cite"), args=[slug, number])
    return f"{url}?{urlencode({'format': style})}" if style else url


def feed_url(segment, slug):
    return reverse(_name(segment, "feed"), args=[slug])

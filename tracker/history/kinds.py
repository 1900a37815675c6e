"""The kinds of record that have a public history, named by the first part of their public address,
and the addresses of their history pages.

Organisations have no public page, so their revisions are kept, hash-chained and counted in the daily
digest, but have no history pages of their own.
"""

from django.urls import reverse
from django.utils.http import urlencode

from tracker.models import Commitment, Decision, Jurisdiction, Office, Person

KINDS = {
    "commitments": Commitment,
    "decisions": Decision,
    "people": Person,
    "offices": Office,
    "jurisdictions": Jurisdiction,
}
_KIND_OF_TYPE = {model._meta.label_lower: kind for kind, model in KINDS.items()}

# Which record a related-record value in a snapshot points to, by field name (for links).
RELATED_KIND = {
    "office": "offices",
    "made_by_office": "offices",
    "deciding_office": "offices",
    "person": "people",
    "jurisdiction": "jurisdictions",
    "parent": "jurisdictions",
    "commitment": "commitments",
}


def kind_of_type(record_type):
    """'commitments' for 'tracker.commitment' (a snapshot's "type"); None for kinds without pages."""
    return _KIND_OF_TYPE.get(record_type)


def kind_of(record):
    return kind_of_type(record._meta.label_lower)


def type_label(kind):
    """'Commitment' for 'commitments'."""
    return str(KINDS[kind]._meta.verbose_name).capitalize()


def _name(kind, view):
    return f"tracker:{KINDS[kind].public_url_name}_{view}"


def record_url(kind, slug):
    return reverse(f"tracker:{KINDS[kind].public_url_name}", args=[slug])


def history_url(kind, slug):
    return reverse(_name(kind, "history"), args=[slug])


def revision_url(kind, slug, number):
    return reverse(_name(kind, "revision"), args=[slug, number])


def compare_url(kind, slug, a, b):
    return reverse(_name(kind, "compare"), args=[slug, a, b])


def cite_url(kind, slug, number, style=None):
    url = reverse(_name(kind, "cite"), args=[slug, number])
    return f"{url}?{urlencode({'format': style})}" if style else url


def feed_url(kind, slug):
    return reverse(_name(kind, "feed"), args=[slug])

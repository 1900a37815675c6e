"""One search service, two backends with the same interface and the same results shape.

`get_backend()` is the backend settings name (Elasticsearch when ELASTICSEARCH_URL is set, else the
database); nothing outside this package asks which one that is. The database backend is kept up to
date in every configuration: it is also the fallback when the search server does not answer.
"""

from django.conf import settings
from django.utils.module_loading import import_string

BACKENDS = {
    "database": "search.backends.database.DatabaseBackend",
    "elasticsearch": "search.backends.elasticsearch.ElasticsearchBackend",
}


class SearchUnavailable(Exception):
    """The search server did not answer (down, timed out, or refused the request)."""


class SearchBackend:
    """What every backend does. Documents are the plain dicts of search.documents."""

    name = ""

    def search(self, request):
        """A search.results.SearchResults for a search.results.SearchRequest."""
        raise NotImplementedError

    def autocomplete(self, prefix, limit):
        """Names of people, offices and places starting with `prefix`: [document, ...]."""
        raise NotImplementedError

    def prepare(self):
        """Make sure the index exists; True when it had to be created empty (it needs filling)."""
        return False

    def write(self, documents, delete_uids):
        """Index `documents` ({uid: document}) and delete `delete_uids`; returns {uid: error} of the
        documents the backend refused. Raises SearchUnavailable when it cannot be reached."""
        raise NotImplementedError

    def rebuild(self, batches, progress):
        """Index every batch of documents into a fresh index, then make it the live one."""
        raise NotImplementedError

    def digests(self):
        """{uid: digest} of every indexed document (for `search_index --check`)."""
        raise NotImplementedError


def configured_name():
    return settings.SEARCH["BACKEND"]


def targets():
    """The backends the index queue keeps up to date: the database always, and the configured one."""
    return list(dict.fromkeys(["database", configured_name()]))


def get_backend(name=None):
    return import_string(BACKENDS[name or configured_name()])()

"""The Elasticsearch backend, through elasticsearch-dsl, behind an alias.

The alias (settings.SEARCH["INDEX"]) always names exactly one concrete index. A rebuild fills a new
index and swaps the alias to it in one atomic request, so searches never see an empty or half-built
index. Queries are built from parsed words only (never query_string), so no visitor input is read
as Lucene syntax. Any failure to reach the server becomes SearchUnavailable; after a failed query
the server is left alone for settings.SEARCH["RETRY_AFTER"] seconds (searches then answer from the
database at once instead of each waiting for a timeout).
"""

import logging
import time
from contextlib import contextmanager

import elastic_transport
from django.conf import settings
from django.utils import timezone
from elasticsearch import ApiError, Elasticsearch, helpers
from elasticsearch_dsl import A, Index, Q, Search

from search.backends import SearchBackend, SearchUnavailable
from search.documents import NAME_KINDS, RecordDocument, folded_fields
from search.results import FACETS, TOP_BUCKETS, SearchResults, empty_counts, make_hit
from search.text import MARK_END, MARK_START
from search.transport import PlainJsonNode
from tracker.models.vocabulary import CommitmentStatus

log = logging.getLogger(__name__)

# The folded copies of the text (search.documents.folded_fields); queries arrive folded the same way.
TEXT_FIELDS = [
    "folded_title^10",
    "folded_title.ur^10",
    "folded_title_ur^10",
    "folded_names^4",
    "folded_body",
    "folded_labels",
]
REBUILD_TIMEOUT = 120
_clients = {}
_resting_until = {}


def client():
    url = settings.SEARCH["ELASTICSEARCH_URL"]
    if url not in _clients:
        _clients[url] = Elasticsearch(
            url,
            node_class=PlainJsonNode,
            request_timeout=settings.SEARCH["TIMEOUT"],
            max_retries=1,
            retry_on_timeout=False,
        )
    return _clients[url]


def alias():
    return settings.SEARCH["INDEX"]


@contextmanager
def reachable(rest=False):
    """The client; failures to reach the server raise SearchUnavailable. With `rest`, a failure
    also rests the server for a while (used by queries, which have a database to fall back on)."""
    url = settings.SEARCH["ELASTICSEARCH_URL"]
    if rest and _resting_until.get(url, 0) > time.monotonic():
        raise SearchUnavailable("The search server failed moments ago.")
    try:
        yield client()
    except (ApiError, elastic_transport.TransportError) as exc:
        if rest:
            _resting_until[url] = time.monotonic() + settings.SEARCH["RETRY_AFTER"]
        raise SearchUnavailable(f"{type(exc).__name__}: {exc}") from exc


def create_index(es, name):
    index = Index(name, using=es)
    # Shards and replicas from ELASTICSEARCH_SHARDS and ELASTICSEARCH_REPLICAS (docs/scaling.md).
    index.settings(number_of_shards=settings.SEARCH["SHARDS"], number_of_replicas=settings.SEARCH["REPLICAS"])
    index.document(RecordDocument)
    index.create()


def new_index_name():
    return f"{alias()}-{timezone.now():%Y%m%d%H%M%S%f}"


def overdue_query(today):
    return Q(
        "bool",
        filter=[Q("term", kind="commitment"), Q("range", deadline={"lt": today.isoformat()})],
        must_not=[Q("terms", status=sorted(CommitmentStatus.terminal()))],
    )


# Added to a commitment's score: readers come for commitments, so for "schools" or "Quetta" the
# promises come before the offices, people and places that share the word (as the database backend
# orders them). Text scores stay far below it, so the order within each group is relevance.
COMMITMENTS_FIRST = 1000.0


def _alternative(words, typed):
    """All of `words` in the text; what was typed is forgiven a typo or two, its variants are not."""
    fuzzy = {"fuzziness": "AUTO", "prefix_length": 1} if typed else {}
    queries = [Q("multi_match", query=word, fields=TEXT_FIELDS, **fuzzy) for word in words]
    return queries[0] if len(queries) == 1 else Q("bool", must=queries)


def _group(group):
    """Any alternative of a word's group (search/variants.py); the first is what was typed."""
    queries = [_alternative(words, typed=i == 0) for i, words in enumerate(group)]
    return queries[0] if len(queries) == 1 else Q("bool", should=queries, minimum_should_match=1)


def text_query(query):
    must = [_group(group) for group in query.word_groups()]
    must += [Q("multi_match", query=" ".join(p), type="phrase", fields=TEXT_FIELDS) for p in query.phrases]
    if not must:
        return Q("match_all")
    matching = Q("bool", should=must, minimum_should_match=1) if query.match_any else Q("bool", must=must)
    first = Q("constant_score", filter=Q("term", kind="commitment"), boost=COMMITMENTS_FIRST)
    return Q("bool", must=[matching], should=[first])


def filter_clauses(filters, today):
    fields = {"status": "status", "sector": "sector", "jurisdiction": "jurisdiction_path", "owner": "owner_slugs"}
    fields["office_kind"] = "owner_kinds"
    clauses = [Q("term", kind=filters["kind"])] if filters.get("kind") else []
    if set(filters) - {"kind"}:
        clauses.append(Q("term", kind="commitment"))
    clauses += [Q("term", **{field: filters[name]}) for name, field in fields.items() if filters.get(name)]
    if filters.get("overdue"):
        clauses.append(overdue_query(today))
    return clauses


def _top(field):
    return A("terms", field=field, size=TOP_BUCKETS, order=[{"_count": "desc"}, {"_key": "asc"}])


def facet_aggregations(request):
    """Each facet counts commitments under every filter but its own (so its other values stay visible)."""
    inner = {
        "kind": A("terms", field="kind", size=10),
        "status": A("terms", field="status", size=20),
        "sector": A("terms", field="sector", size=20),
        "office_kind": A("terms", field="owner_kinds", size=10),
        "owner": _top("owner_slugs"),
        "jurisdiction": _top("jurisdiction_path"),
        "overdue": A("filter", overdue_query(request.today)),
    }
    aggregations = {}
    for facet in FACETS:
        scope = filter_clauses(request.filters(without=facet), request.today)
        if facet != "kind":
            scope.append(Q("term", kind="commitment"))
        aggregations[facet] = A("filter", Q("bool", filter=scope))
        aggregations[facet].bucket("values", inner[facet])  # (bucket() returns the inner aggregation)
    return aggregations


SORTS = {
    "deadline": [{"deadline": {"order": "asc", "missing": "_last"}}, {"uid": "asc"}],
    "changed": [{"changed_at": {"order": "desc", "missing": "_last"}}, {"uid": "asc"}],
    "relevance": ["_score", {"uid": "asc"}],
}


def _first(highlight, *fields):
    """(the first highlighted text among `fields`, the document field it shows)."""
    for field in fields:
        if highlight.get(field):
            return highlight[field][0], field.removeprefix("folded_").split(".")[0]
    return "", ""


def source(doc):
    """What the index stores for a document: the document as shown, and the folded text it is searched by."""
    return {**doc, **folded_fields(doc)}


def shown(stored):
    """The document as every backend answers it, without the folded copies."""
    return {key: value for key, value in stored.items() if not key.startswith("folded_")}


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"

    def search(self, request):
        query = request.query
        sort = "changed" if request.sort == "relevance" and query.is_empty else request.sort
        with reachable(rest=True) as es:
            s = (
                Search(using=es, index=alias())
                .query(text_query(query))
                .post_filter(Q("bool", filter=filter_clauses(request.filters(), request.today)))
                .sort(*SORTS[sort])
                .extra(track_total_hits=True, from_=request.offset, size=request.per_page)
                .highlight_options(pre_tags=[MARK_START], post_tags=[MARK_END], require_field_match=False)
                .highlight("folded_title", "folded_title.ur", "folded_title_ur", number_of_fragments=0)
                .highlight("folded_body", fragment_size=160, number_of_fragments=1)
                .highlight("folded_names", fragment_size=120, number_of_fragments=1)
            )
            for name, aggregation in facet_aggregations(request).items():
                s.aggs.bucket(name, aggregation)
            raw = s.execute().to_dict()
        hits = []
        for hit in raw["hits"]["hits"]:
            highlight = hit.get("highlight", {})
            snippet, snippet_field = _first(highlight, "folded_body", "folded_names")
            found = {
                "title": _first(highlight, "folded_title", "folded_title.ur")[0],
                "title_ur": _first(highlight, "folded_title_ur")[0],
                "snippet": snippet,
                "snippet_field": snippet_field,
            }
            hits.append(make_hit(shown(hit["_source"]), found, request.today))
        return SearchResults(
            hits=hits,
            total=raw["hits"]["total"]["value"],
            request=request,
            facets=self._facets(raw.get("aggregations", {})),
            backend=self.name,
        )

    @staticmethod
    def _facets(aggregations):
        counts = empty_counts()
        for facet in FACETS:
            values = aggregations.get(facet, {}).get("values", {})
            if facet == "overdue":
                counts["overdue"]["1"] = values.get("doc_count", 0)
            else:
                counts[facet].update({str(b["key"]): b["doc_count"] for b in values.get("buckets", [])})
        return counts

    def autocomplete(self, prefix, limit):
        with reachable(rest=True) as es:
            s = (
                Search(using=es, index=alias())
                .filter("terms", kind=list(NAME_KINDS))
                .query("match", folded_suggest={"query": prefix, "operator": "and"})
                .extra(size=limit)
            )
            return [shown(hit["_source"]) for hit in s.execute().to_dict()["hits"]["hits"]]

    def prepare(self):
        with reachable() as es:
            if es.indices.exists_alias(name=alias()):
                self._warn_if_outdated(es)
                return False
            name = new_index_name()
            create_index(es, name)
            es.indices.update_aliases(actions=[{"add": {"index": name, "alias": alias()}}])
            log.warning("Search index alias %s was missing; created %s, to be filled from the database.", alias(), name)
            return True

    @staticmethod
    def _warn_if_outdated(es):
        """An index made before the text was searched in folded copies cannot answer Urdu searches
        alike on every backend; only a rebuild gives it the new mapping."""
        mappings = es.indices.get_mapping(index=alias())
        if any("folded_title" not in m.get("mappings", {}).get("properties", {}) for m in mappings.values()):
            log.error("Search index %s has an old mapping: run `manage.py search_index --rebuild`.", alias())

    def write(self, documents, delete_uids):
        actions = [
            {"_op_type": "index", "_index": alias(), "_id": uid, "_source": source(doc)}
            for uid, doc in documents.items()
        ]
        actions += [{"_op_type": "delete", "_index": alias(), "_id": uid} for uid in delete_uids]
        if not actions:
            return {}
        with reachable() as es:
            _ok, errors = helpers.bulk(es, actions, raise_on_error=False, refresh=True)
        refused = {}
        for error in errors:
            ((op, item),) = error.items()
            if op == "delete" and item.get("status") == 404:
                continue  # already gone
            if item.get("status", 500) >= 500 or item.get("status") == 429:
                raise SearchUnavailable(f"The search server could not take {item['_id']}: {item.get('error')}")
            refused[item["_id"]] = str(item.get("error"))[:500]
        return refused

    def rebuild(self, batches, progress):
        with reachable() as es:
            es = es.options(request_timeout=REBUILD_TIMEOUT)
            name = new_index_name()
            create_index(es, name)
            written = 0
            try:
                for documents in batches:
                    actions = ({"_index": name, "_id": uid, "_source": source(doc)} for uid, doc in documents.items())
                    helpers.bulk(es, actions, chunk_size=500, refresh=False)
                    written += len(documents)
                    progress(len(documents))
                es.indices.refresh(index=name)
            except BaseException:
                es.options(ignore_status=404).indices.delete(index=name)
                raise
            old = list(es.indices.get_alias(name=alias())) if es.indices.exists_alias(name=alias()) else []
            swap = [{"remove": {"index": index, "alias": alias()}} for index in old]
            es.indices.update_aliases(actions=[*swap, {"add": {"index": name, "alias": alias()}}])
            leftovers = [i for i in es.indices.get(index=f"{alias()}-*") if i != name and (i in old or i < name)]
            if leftovers:
                es.indices.delete(index=",".join(leftovers))
            return written

    def digests(self):
        with reachable() as es:
            if not es.indices.exists_alias(name=alias()):
                return {}
            hits = helpers.scan(es, index=alias(), query={"query": {"match_all": {}}}, _source=["digest"])
            return {hit["_id"]: hit["_source"].get("digest") for hit in hits}

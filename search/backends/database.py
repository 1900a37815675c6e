"""The database backend: SQLite FTS5 in the embedded demo, PostgreSQL full-text in production
without Elasticsearch, and the fallback whenever the search server does not answer."""

from django.db import transaction
from django.db.models import Case, F, Max, Q, Value, When

from search.backends import SearchBackend
from search.backends.facets import cached_answer, count_facets, index_changed
from search.documents import NAME_KINDS, searchable
from search.fulltext import strategy
from search.models import SearchEntry, SearchEntryOwner, SearchEntryPlace
from search.results import SearchResults, make_hit
from tracker.models.vocabulary import CommitmentStatus

COMMITMENTS_FIRST = Case(When(kind="commitment", then=Value(0)), default=Value(1)).asc()


def _overdue(today):
    return Q(kind="commitment", deadline__lt=today) & ~Q(status__in=CommitmentStatus.terminal())


def apply_filters(entries, filters, today):
    """Entries limited by {facet name: value}; any commitment filter limits them to commitments."""
    if filters.get("kind"):
        entries = entries.filter(kind=filters["kind"])
    if set(filters) - {"kind"}:
        entries = entries.filter(kind="commitment")
    if filters.get("status"):
        entries = entries.filter(status=filters["status"])
    if filters.get("sector"):
        entries = entries.filter(sector=filters["sector"])
    if filters.get("jurisdiction"):
        places = SearchEntryPlace.objects.filter(jurisdiction_slug=filters["jurisdiction"])
        entries = entries.filter(id__in=places.values("entry_id"))
    if filters.get("owner"):
        owners = SearchEntryOwner.objects.filter(office_slug=filters["owner"])
        entries = entries.filter(id__in=owners.values("entry_id"))
    if filters.get("office_kind"):
        owners = SearchEntryOwner.objects.filter(office_kind=filters["office_kind"])
        entries = entries.filter(id__in=owners.values("entry_id"))
    if filters.get("overdue"):
        entries = entries.filter(_overdue(today))
    return entries


class DatabaseBackend(SearchBackend):
    name = "database"

    def search(self, request):
        text = strategy()
        query = request.query
        matched = SearchEntry.objects.all() if query.is_empty else text.match(SearchEntry.objects.all(), query)
        found = apply_filters(matched, request.filters(), request.today)

        def answer():
            """The counts and the ids of the page's entries: the part whose cost grows with the matches."""
            total, facets = count_facets(matched, request.filters(), request.today)
            if request.sort == "deadline":
                ordered = found.order_by(F("deadline").asc(nulls_last=True), "uid")
            elif request.sort == "relevance" and not query.is_empty:
                # Readers come for commitments: they come first, then the offices, people and places
                # that share the words, each group by relevance (as the Elasticsearch backend ranks them).
                ordered = text.by_relevance(found, query, first=[COMMITMENTS_FIRST])
            else:
                ordered = found.order_by(F("changed_at").desc(nulls_last=True), "uid")
            uids = list(ordered.values_list("uid", flat=True)[request.offset : request.offset + request.per_page])
            return total, facets, uids

        question = {
            "terms": query.word_groups(),
            "phrases": query.phrases,
            "any": query.match_any,
            "filters": request.filters(),
            "sort": request.sort,
            "offset": request.offset,
            "per_page": request.per_page,
            "today": request.today.isoformat(),
            "page_by": "uid",  # not the entries' ids, which a write to the index replaces
        }
        total, facets, uids = cached_answer(question, answer)
        entries = SearchEntry.objects.filter(uid__in=uids)
        indexed = {uid: (pk, document) for pk, uid, document in entries.values_list("id", "uid", "document")}
        page = [{"id": indexed[uid][0], "document": indexed[uid][1]} for uid in uids if uid in indexed]
        highlights = {}
        if page and not query.is_empty:
            highlights = text.highlights(entries, query)
        hits = [make_hit(row["document"], highlights.get(row["id"], {}), request.today) for row in page]
        return SearchResults(hits=hits, total=total, request=request, facets=facets, backend=self.name)

    def autocomplete(self, prefix, limit):
        """`prefix` arrives as search.text.index_text made it, as the columns hold the names."""
        folded = prefix
        starts = Q()
        for column in ("title", "title_ur"):
            starts |= Q(**{f"{column}__istartswith": folded}) | Q(**{f"{column}__icontains": f" {folded}"})
        entries = SearchEntry.objects.filter(kind__in=NAME_KINDS).filter(starts).order_by("kind", "title", "uid")
        return list(entries.values_list("document", flat=True)[:limit])

    @transaction.atomic
    def write(self, documents, delete_uids):
        index_changed()
        SearchEntry.objects.filter(uid__in=[*documents, *delete_uids]).delete()
        docs = list(documents.values())
        texts = [searchable(doc) for doc in docs]  # the words every backend indexes (search.text.index_text)
        entries = SearchEntry.objects.bulk_create(
            [
                SearchEntry(
                    uid=doc["uid"],
                    kind=doc["kind"],
                    title=text["title"],
                    title_ur=text["title_ur"],
                    names=text["names"],
                    body=text["body"],
                    labels=text["labels"],
                    status=doc["status"],
                    sector=doc["sector"],
                    deadline=doc["deadline"],
                    changed_at=doc["changed_at"],
                    document=doc,
                    digest=doc["digest"],
                )
                for doc, text in zip(docs, texts, strict=True)
            ]
        )
        owners, places = [], []
        for entry, doc in zip(entries, docs, strict=True):
            owners += [
                SearchEntryOwner(entry=entry, office_slug=o["slug"], office_kind=o["kind"]) for o in doc["owners"]
            ]
            places += [SearchEntryPlace(entry=entry, jurisdiction_slug=slug) for slug in doc["jurisdiction_path"]]
        SearchEntryOwner.objects.bulk_create(owners)
        SearchEntryPlace.objects.bulk_create(places)
        return {}

    def rebuild(self, batches, progress):
        """Rewrites every entry batch by batch, then drops the entries no batch rewrote: the old
        entries answer searches until their new ones replace them, so results never disappear."""
        from django.db import connection

        with connection.cursor() as cursor:
            strategy().repair(cursor)
        last_old = SearchEntry.objects.aggregate(last=Max("id"))["last"] or 0
        written = set()
        for documents in batches:
            self.write(documents, [])
            written.update(documents)
            progress(len(documents))
        # Entries a batch (or a drain meanwhile) rewrote have new ids; the rest are no longer published.
        SearchEntry.objects.filter(id__lte=last_old).delete()
        index_changed()
        return len(written)

    def digests(self):
        return dict(SearchEntry.objects.values_list("uid", "digest"))

"""The database backend's full-text part, one strategy per database vendor.

- SQLite: an FTS5 table over SearchEntry's text columns (external content, kept in step by triggers),
  ranked with bm25 and highlighted with FTS5's own highlight()/snippet().
- PostgreSQL: a weighted tsvector column filled by a trigger, with a GIN index; SearchQuery,
  SearchRank and SearchHeadline from django.contrib.postgres.

Both are "the database backend" to everyone else. `install` is idempotent: the last migration that
changes the full-text part calls it (0003; a migration that changes it again uninstalls and installs it
and makes the earlier one a no-op, since `install` names the current columns), and so does
`search_index --rebuild` (a later migration that rebuilds the SQLite table would drop its triggers; a
rebuild puts them back).
"""

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection, models
from django.db.models import F
from django.db.models.expressions import RawSQL

from search.text import MARK_END, MARK_START

FTS_TABLE = "search_fts"
TEXT_COLUMNS = ("title", "title_ur", "names", "body", "labels")

_SQLITE_INSTALL = [
    """CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
        title, title_ur, names, body, labels, content='search_searchentry', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2', prefix='2 3')""",
    """CREATE TRIGGER IF NOT EXISTS search_fts_insert AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO search_fts(rowid, title, title_ur, names, body, labels)
        VALUES (new.id, new.title, new.title_ur, new.names, new.body, new.labels); END""",
    """CREATE TRIGGER IF NOT EXISTS search_fts_delete AFTER DELETE ON search_searchentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, title_ur, names, body, labels)
        VALUES ('delete', old.id, old.title, old.title_ur, old.names, old.body, old.labels); END""",
    """CREATE TRIGGER IF NOT EXISTS search_fts_update AFTER UPDATE ON search_searchentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, title_ur, names, body, labels)
        VALUES ('delete', old.id, old.title, old.title_ur, old.names, old.body, old.labels);
        INSERT INTO search_fts(rowid, title, title_ur, names, body, labels)
        VALUES (new.id, new.title, new.title_ur, new.names, new.body, new.labels); END""",
    # Titles weigh most, then names (owners, holders, places), then the text of the promise, then the
    # labels of its status and sector in English and Urdu.
    "INSERT INTO search_fts(search_fts, rank) VALUES ('rank', 'bm25(10.0, 10.0, 4.0, 1.0, 0.5)')",
]
_SQLITE_UNINSTALL = [
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TABLE IF EXISTS search_fts",
]
_PG_INSTALL = [
    """CREATE OR REPLACE FUNCTION search_entry_vector() RETURNS trigger AS $$
    BEGIN
      NEW.search_vector :=
        setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A') ||
        setweight(to_tsvector('simple', coalesce(NEW.title_ur, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(NEW.names, '')), 'B') ||
        setweight(to_tsvector('english', coalesce(NEW.body, '')), 'C') ||
        setweight(to_tsvector('english', coalesce(NEW.labels, '')), 'D');
      RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    "DROP TRIGGER IF EXISTS search_entry_vector ON search_searchentry",
    """CREATE TRIGGER search_entry_vector BEFORE INSERT OR UPDATE OF title, title_ur, names, body, labels
        ON search_searchentry FOR EACH ROW EXECUTE FUNCTION search_entry_vector()""",
    "CREATE INDEX IF NOT EXISTS search_entry_vector_gin ON search_searchentry USING gin (search_vector)",
]
_PG_UNINSTALL = [
    "DROP TRIGGER IF EXISTS search_entry_vector ON search_searchentry",
    "DROP FUNCTION IF EXISTS search_entry_vector()",
    "DROP INDEX IF EXISTS search_entry_vector_gin",
]


class FtsMatch(models.Lookup):
    """`fulltext__search_fts__match=...`: FTS5's MATCH against the table's hidden column."""

    lookup_name = "match"

    def as_sql(self, compiler, conn):
        lhs, lhs_params = self.process_lhs(compiler, conn)
        rhs, rhs_params = self.process_rhs(compiler, conn)
        return f"{lhs} MATCH {rhs}", [*lhs_params, *rhs_params]


class FtsColumn(models.TextField):
    pass


FtsColumn.register_lookup(FtsMatch)


class FullTextRow(models.Model):
    """SQLite only: a read-only view of the FTS5 table for joins (never written through the ORM)."""

    entry = models.OneToOneField(
        "search.SearchEntry",
        primary_key=True,
        db_column="rowid",
        on_delete=models.DO_NOTHING,
        related_name="fulltext",
        db_constraint=False,
    )
    search_fts = FtsColumn(db_column=FTS_TABLE)  # FTS5's hidden column named after the table
    rank = models.FloatField()

    class Meta:
        app_label = "search"
        managed = False
        db_table = FTS_TABLE

    def __str__(self):
        return f"full text of entry {self.entry_id}"


def _latin(word):
    return all(ord(c) < 0x0250 for c in word)


def _group(group, alternative):
    """An FTS5 group of alternatives: one alone, or several ORed in parentheses."""
    parts = [alternative(words) for words in group]
    parts = [f"({part})" if " AND " in part and len(parts) > 1 else part for part in parts]
    return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


def _combined(queries, operator):
    """SearchQuery objects joined by & or |."""
    queries = list(queries)
    combined = queries[0]
    for query in queries[1:]:
        combined = (combined & query) if operator == "&" else (combined | query)
    return combined


class SqliteFullText:
    def install(self, cursor):
        for statement in _SQLITE_INSTALL:
            cursor.execute(statement)

    def uninstall(self, cursor):
        for statement in _SQLITE_UNINSTALL:
            cursor.execute(statement)

    def repair(self, cursor):
        self.install(cursor)
        cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")

    @staticmethod
    def expression(query):
        # Every word and phrase as an FTS5 string: nothing the visitor typed is read as FTS5 syntax. Each
        # word's group (search/variants.py) is an OR of its alternatives, each an AND of its words.
        parts = [
            _group(group, lambda words: " AND ".join(f'"{word}"' for word in words)) for group in query.word_groups()
        ]
        parts += ['"' + " ".join(phrase) + '"' for phrase in query.phrases]
        return (" OR " if query.match_any else " AND ").join(parts)

    def match(self, entries, query):
        # The matching ids as a subquery, which SQLite evaluates once. Joined instead, the planner may
        # drive the query from another index (deadline, kind) and run the full-text MATCH again for
        # every row: facet counts over 100,000 entries then take seconds each.
        matching = FullTextRow.objects.filter(search_fts__match=self.expression(query)).values("entry_id")
        return entries.filter(id__in=matching)

    def _joined(self, entries, query):
        """The entries joined to their full-text row, for what only a MATCH join gives: rank, highlights."""
        return entries.filter(fulltext__search_fts__match=self.expression(query))

    def by_relevance(self, entries, query, first=()):
        return self._joined(entries, query).order_by(*first, "fulltext__rank", "uid")

    def highlights(self, entries, query):
        """{entry id: {"title", "title_ur", "snippet"}} with MARK_START/MARK_END around matches."""
        marks = (MARK_START, MARK_END)
        # The page's entries constrain the FTS5 table's own rowid too: FTS5 then looks those rows up in
        # the match, instead of walking every match (a quarter of 100,000 entries for "water") to join it.
        joined = self._joined(entries, query).filter(fulltext__entry__in=entries.values("id"))
        rows = joined.annotate(
            # Constant SQL; only the two marks are parameters.
            hl_title=RawSQL("highlight(search_fts, 0, %s, %s)", marks),  # noqa: S611
            hl_title_ur=RawSQL("highlight(search_fts, 1, %s, %s)", marks),  # noqa: S611
            hl_names=RawSQL("snippet(search_fts, 2, %s, %s, '…', 16)", marks),  # noqa: S611
            hl_body=RawSQL("snippet(search_fts, 3, %s, %s, '…', 24)", marks),  # noqa: S611
        )
        return _choose(rows.values("id", "hl_title", "hl_title_ur", "hl_names", "hl_body"))


class PostgresFullText:
    def install(self, cursor):
        for statement in _PG_INSTALL:
            cursor.execute(statement)

    def uninstall(self, cursor):
        for statement in _PG_UNINSTALL:
            cursor.execute(statement)

    def repair(self, cursor):
        # Only when something is missing: DDL cannot run in a transaction that has deferred
        # constraint checks pending (a rebuild inside a larger transaction, as in the tests).
        cursor.execute(
            "SELECT count(*) FROM pg_trigger WHERE tgname = 'search_entry_vector' "
            "UNION ALL SELECT count(*) FROM pg_indexes WHERE indexname = 'search_entry_vector_gin'"
        )
        if not all(count for (count,) in cursor.fetchall()):
            self.install(cursor)

    @staticmethod
    def tsquery(query):
        # English stemming for Latin-script words, exact words for Urdu (no Urdu dictionary in PostgreSQL).
        def word(w):
            return SearchQuery(w, config="english" if _latin(w) else "simple", search_type="plain")

        parts = [_combined((_combined(map(word, words), "&") for words in group), "|") for group in query.word_groups()]
        for phrase in query.phrases:
            config = "english" if all(_latin(w) for w in phrase) else "simple"
            parts.append(SearchQuery(" ".join(phrase), config=config, search_type="phrase"))
        combined = parts[0]
        for part in parts[1:]:
            combined = (combined | part) if query.match_any else (combined & part)
        return combined

    def match(self, entries, query):
        return entries.filter(search_vector=self.tsquery(query))

    def by_relevance(self, entries, query, first=()):
        # ts_rank counts repeats and knows nothing of how rare a word is, so a long text saying "completed" three
        # times outranked the record whose status label is مکمل (what "mukammal" meant). Ranks are divided by
        # 1 + log(the document's length), as bm25 does on SQLite, and a label (status, sector: weight D) counts
        # as much as a name (B): Roman Urdu's recall@10 0.880 -> 0.936, no other kind lower
        # (bench/search_relevance.py). The weights are listed D, C, B, A.
        rank = SearchRank(F("search_vector"), self.tsquery(query), weights=[0.4, 0.2, 0.4, 1.0], normalization=1)
        return entries.annotate(rank=rank).order_by(*first, "-rank", "uid")

    def highlights(self, entries, query):
        tsquery = self.tsquery(query)
        whole = {"start_sel": MARK_START, "stop_sel": MARK_END, "highlight_all": True}
        part = {"start_sel": MARK_START, "stop_sel": MARK_END, "max_words": 30, "min_words": 12, "max_fragments": 1}
        rows = entries.annotate(
            hl_title=SearchHeadline("title", tsquery, config="english", **whole),
            hl_title_ur=SearchHeadline("title_ur", tsquery, config="simple", **whole),
            hl_names=SearchHeadline("names", tsquery, config="english", **part),
            hl_body=SearchHeadline("body", tsquery, config="english", **part),
        )
        return _choose(rows.values("id", "hl_title", "hl_title_ur", "hl_names", "hl_body"))


def _choose(rows):
    """The title, Urdu title, and one snippet: from the promise's text if a word matched there,
    else from the names (owners, holders, places). All in the folded text the columns hold;
    search/highlights.py marks the same words in the record's own text."""
    found = {}
    for row in rows:
        body, names = row["hl_body"] or "", row["hl_names"] or ""
        field = "body" if MARK_START in body else "names" if MARK_START in names else ""
        found[row["id"]] = {
            "title": row["hl_title"],
            "title_ur": row["hl_title_ur"],
            "snippet": {"body": body, "names": names}.get(field, ""),
            "snippet_field": field,
        }
    return found


def strategy(conn=None):
    vendor = (conn or connection).vendor
    if vendor == "sqlite":
        return SqliteFullText()
    if vendor == "postgresql":
        return PostgresFullText()
    raise NotImplementedError(f"The database search backend supports SQLite and PostgreSQL, not {vendor}.")

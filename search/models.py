"""What search stores in the database: the index queue, and the database backend's own index.

The database index (SearchEntry and its facet rows) is kept whether or not Elasticsearch is
configured: it is the embedded default, and the fallback when the search server does not answer.
Its full-text part is vendor-specific and lives in migration 0002: an FTS5 table kept in step by
triggers on SQLite, a tsvector column kept by a trigger (with a GIN index) on PostgreSQL.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class IndexQueueEntry(models.Model):
    """One record to (re)index in one backend. Written in the same transaction as the publish, so
    a publish is never lost even if the broker or the search server is down; drained by Celery.

    Drained entries are kept for a while (`done_at`): a rebuild replays what changed while it ran.
    """

    target = models.CharField(max_length=20)  # "database" or "elasticsearch"
    kind = models.CharField(max_length=20)  # see search.documents.KIND_LABELS
    object_id = models.BigIntegerField()
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    done_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("index queue entry")
        verbose_name_plural = _("index queue entries")
        indexes = [
            models.Index(fields=["target", "id"], condition=Q(done_at__isnull=True), name="search_queue_pending"),
            # Every drain forgets the entries done more than KEEP_DONE ago: without it, a scan of the whole
            # queue (a hundred thousand rows after a rebuild) after every publish.
            models.Index(fields=["done_at"], condition=Q(done_at__isnull=False), name="search_queue_done"),
        ]

    def __str__(self):
        return f"{self.target}: {self.kind} {self.object_id}"


class SearchEntry(models.Model):
    """One published record in the database search backend. `document` is the same plain document
    that Elasticsearch stores; the other columns are what the database filters, sorts and matches on
    (text columns as search.text.index_text makes them: folded words, one spelling of each Urdu letter)."""

    uid = models.CharField(max_length=40, unique=True)
    kind = models.CharField(max_length=20)
    title = models.TextField()
    title_ur = models.TextField(blank=True)
    names = models.TextField(blank=True)
    body = models.TextField(blank=True)
    labels = models.TextField(blank=True)  # a commitment's status and sector (or a kind's, a tier's) in both languages
    status = models.CharField(max_length=30, blank=True)
    sector = models.CharField(max_length=30, blank=True)
    deadline = models.DateField(null=True, blank=True)
    changed_at = models.DateTimeField(null=True, blank=True)
    document = models.JSONField()
    digest = models.CharField(max_length=40)
    # PostgreSQL only (filled by a trigger, see migration 0002); always empty on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        indexes = [
            models.Index(fields=["kind", "status"], name="search_entry_kind_status"),
            models.Index(fields=["kind", "sector"], name="search_entry_kind_sector"),
            models.Index(fields=["deadline"], name="search_entry_deadline"),
            models.Index(fields=["changed_at"], name="search_entry_changed"),
        ]

    def __str__(self):
        return self.uid


class SearchEntryOwner(models.Model):
    """An owner office of a commitment entry (for the owner and office-kind facets)."""

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="owner_rows")
    office_slug = models.CharField(max_length=120)
    office_kind = models.CharField(max_length=20)

    class Meta:
        indexes = [
            models.Index(fields=["office_slug", "entry"], name="search_owner_slug"),
            models.Index(fields=["office_kind", "entry"], name="search_owner_kind"),
        ]

    def __str__(self):
        return f"{self.entry_id}: {self.office_slug}"


class SearchEntryPlace(models.Model):
    """One jurisdiction on a commitment entry's path (the place and every place above it)."""

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="place_rows")
    jurisdiction_slug = models.CharField(max_length=120)

    class Meta:
        indexes = [models.Index(fields=["jurisdiction_slug", "entry"], name="search_place_slug")]

    def __str__(self):
        return f"{self.entry_id}: {self.jurisdiction_slug}"


# The SQLite full-text table, declared for joins only (unmanaged; created by migration 0002).
from search.fulltext import FullTextRow  # noqa: E402

__all__ = ["FullTextRow", "IndexQueueEntry", "SearchEntry", "SearchEntryOwner", "SearchEntryPlace"]

"""Public revisions: what the tracker said about a record at each publish, for citation.

Each one holds the complete published state as plain JSON (names resolved, parts included), so it
renders the same after any later schema migration, and a hash over that content and the previous
revision's hash, so any later alteration of the stored history can be detected.

Revisions are chained twice: per record (`number`, `previous_hash`, `hash`) and site-wide, in the order
they were published (`sequence`, `site_previous_hash`, `site_hash`, the latter over the record hash).
The site-wide log is what catches a deleted latest revision, a deleted chain or a re-hashed chain,
which a record's own chain cannot see. The same log is a Merkle tree (leaf i = the revision with
sequence i + 1), stored as it grows (tracker/models/transparency_log.py), for proofs anyone can check.
On PostgreSQL a trigger refuses any UPDATE or DELETE of a public revision (migration 0006); the model refuses them too.
"""

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from tracker.models.transparency_log import LogNode

SNAPSHOT_FORMAT = 1
# Appends to the site-wide log take this PostgreSQL advisory lock, one publish at a time.
SITE_LOG_LOCK = 0x7472616B  # "trak"


def lock_site_log():
    """Hold the site-wide log's lock until the transaction ends (PostgreSQL; SQLite has one writer anyway).

    Every write of the public state takes it: an append to the log, and a mark of the page summaries
    (tracker/public/summaries.py), which only ever lock their rows under it. Writers take their locks in
    one order, the rows of the records they write (by primary key) first, then this lock, then the summary
    rows, so no two of them can each wait for the other (docs/architecture.md, "The publish flow")."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [SITE_LOG_LOCK])


class ImmutableRevisionError(Exception):
    pass


@dataclass(frozen=True)
class Publication:
    """One record's publish, as the chain records it: the record, its public snapshot and the Wagtail
    revision that went live (kept for editors' audit only)."""

    record: object
    content: dict
    wagtail_revision_id: int | None = None


class PublicRevisionQuerySet(models.QuerySet):
    def as_public(self):
        """These revisions as the public reads them: references to taken-down records withheld
        (tracker/models/withheld.py). Every public output of the history reads revisions through it."""
        from tracker.models.withheld import PublicRevisionIterable

        public = self._chain()
        public._iterable_class = PublicRevisionIterable
        return public

    def for_record(self, record):
        return self.filter(
            content_type=ContentType.objects.get_for_model(record, for_concrete_model=False),
            object_id=str(record.pk),
        )

    def append(self, publications, *, published_at, edit_summary, publisher):
        """Append the next public revision of each record in `publications` to its chain, and return
        them in the same order. The only way revisions are written: one publish and a batch of
        thousands (bulk publishing, imports) alike.

        Call it inside the publish's transaction. Each record's latest revision is locked (PostgreSQL),
        so two publishes of one record cannot take the same number; two first publishes of one record
        are refused by the unique constraint. A fixed number of queries, however many records.
        """
        publications = list(publications)
        if not publications:
            return []
        latest = self._latest_of(publications)
        sequence, site_hash = self._site_log_end()
        revisions = []
        for publication in publications:
            record = publication.record
            content_type_id = _content_type_id(record)
            previous = latest.get((content_type_id, str(record.pk)))
            revision = self.model(
                content_type_id=content_type_id,
                object_id=str(record.pk),
                number=previous[0] + 1 if previous else 1,
                published_at=published_at,
                edit_summary=edit_summary,
                publisher=publisher,
                content=publication.content,
                previous_hash=previous[1] if previous else "",
                wagtail_revision_id=publication.wagtail_revision_id,
            )
            revision.hash = revision.compute_hash()
            sequence += 1
            revision.sequence, revision.site_previous_hash = sequence, site_hash
            revision.site_hash = site_hash = revision.compute_site_hash()
            latest[(content_type_id, revision.object_id)] = (revision.number, revision.hash)
            revisions.append(revision)
        created = self.bulk_create(revisions, batch_size=2000)
        # The log's Merkle tree (tracker/models/transparency_log.py), in this transaction, under the lock.
        LogNode.objects.append_leaves(revisions[0].sequence - 1, [bytes.fromhex(r.hash) for r in revisions])
        return created

    def _site_log_end(self):
        """(sequence, site hash) of the latest revision of the whole site, with the log locked until the
        transaction ends, so that concurrent publishes take consecutive sequence numbers."""
        lock_site_log()
        last = self.model.objects.order_by("-sequence").values_list("sequence", "site_hash").first()
        return last if last else (0, "")

    def _latest_of(self, publications):
        """{(content type id, object id): (number, hash)} of each record's latest revision, locked."""
        ids_by_type = defaultdict(set)
        for publication in publications:
            if publication.record.pk is None:
                raise ValueError(f"{publication.record!r} must be saved before it is published.")
            ids_by_type[_content_type_id(publication.record)].add(str(publication.record.pk))
        latest_number = (
            self.model.objects.filter(content_type_id=OuterRef("content_type_id"), object_id=OuterRef("object_id"))
            .order_by("-number")
            .values("number")[:1]
        )
        found = {}
        for content_type_id, object_ids in ids_by_type.items():
            rows = (
                self.filter(content_type_id=content_type_id, object_id__in=object_ids, number=Subquery(latest_number))
                .select_for_update()
                .values_list("content_type_id", "object_id", "number", "hash")
            )
            found.update({(ct, oid): (number, digest) for ct, oid, number, digest in rows})
        return found


def _content_type_id(record):
    return ContentType.objects.get_for_model(record, for_concrete_model=False).pk


class PublicRevision(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.CharField(max_length=64)
    number = models.PositiveIntegerField(_("revision number"))
    published_at = models.DateTimeField(_("published at"))
    edit_summary = models.CharField(_("edit summary"), max_length=255)
    publisher = models.CharField(_("published by"), max_length=200)
    snapshot_format = models.PositiveSmallIntegerField(default=SNAPSHOT_FORMAT)
    content = models.JSONField(_("published content"))
    previous_hash = models.CharField(max_length=64, blank=True)
    hash = models.CharField(max_length=64)
    # The site-wide log: every revision in the order it was published, each naming the one before.
    sequence = models.PositiveBigIntegerField(_("site-wide sequence number"), unique=True)
    site_previous_hash = models.CharField(max_length=64, blank=True)
    site_hash = models.CharField(max_length=64)
    # Kept for editors' audit only; public pages never show who edited.
    wagtail_revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = PublicRevisionQuerySet.as_manager()

    class Meta:
        ordering = ["content_type", "object_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id", "number"], name="one_number_per_record"),
        ]
        indexes = [models.Index(fields=["published_at"])]
        verbose_name = _("public revision")

    def __str__(self):
        return f"{self.content['type']} {self.object_id} r{self.number}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.pop("force_migration_rewrite", False):
            raise ImmutableRevisionError("A published revision can never be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableRevisionError("A published revision can never be deleted.")

    def compute_hash(self):
        return chain_hash(
            record_type=self.content["type"],
            object_id=self.object_id,
            number=self.number,
            published_at=self.published_at.astimezone(UTC).isoformat(),
            edit_summary=self.edit_summary,
            publisher=self.publisher,
            content=self.content,
            previous_hash=self.previous_hash,
        )

    def compute_site_hash(self):
        return site_log_hash(self.sequence, self.hash, self.site_previous_hash)


def site_log_hash(sequence, record_hash, site_previous_hash):
    return chain_hash(sequence=sequence, hash=record_hash, site_previous_hash=site_previous_hash)


def canonical_json(value):
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def chain_hash(**fields):
    return hashlib.sha256(canonical_json(fields).encode("utf-8")).hexdigest()

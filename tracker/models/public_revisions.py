"""Public revisions: what the tracker said about a record at each publish, for citation.

Each one holds the complete published state as plain JSON (names resolved, parts included), so it
renders the same after any later schema migration, and a hash over that content and the previous
revision's hash, so any later alteration of the stored history can be detected.
"""

import hashlib
import json
from datetime import UTC

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

SNAPSHOT_FORMAT = 1


class ImmutableRevisionError(Exception):
    pass


class PublicRevisionQuerySet(models.QuerySet):
    def for_record(self, record):
        return self.filter(
            content_type=ContentType.objects.get_for_model(record, for_concrete_model=False),
            object_id=str(record.pk),
        )


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


def canonical_json(value):
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def chain_hash(**fields):
    return hashlib.sha256(canonical_json(fields).encode("utf-8")).hexdigest()

"""Unpublishing, deleting or taking down a record takes its document out of the search index;
records published in bulk (tracker.publishing.bulk) are queued a batch at a time. Publishing one record is
queued by tracker.publishing.publish.record_publication, in the publish's own transaction."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import unpublished

from search.indexing import enqueue, enqueue_new
from tracker.models.base import TrackerRecord
from tracker.publishing.bulk import records_published_in_bulk


@receiver(unpublished)
def unpublished_record(sender, instance, **kwargs):
    if isinstance(instance, TrackerRecord):
        enqueue(instance)


@receiver(post_delete)
def deleted_record(sender, instance, **kwargs):
    if isinstance(instance, TrackerRecord):
        enqueue(instance)


@receiver(post_save)
def taken_down_or_restored(sender, instance, update_fields=None, **kwargs):
    # A legal takedown (or its reversal) changes what the public may see without a publish.
    if isinstance(instance, TrackerRecord) and update_fields and "taken_down_at" in update_fields:
        enqueue(instance)


@receiver(records_published_in_bulk)
def published_in_bulk(sender, records, **kwargs):
    enqueue_new(records)

"""Search follows the public state of tracker records: this module subscribes to every moment it
changes, and nothing in tracker knows that search exists.

- Wagtail's `published` and `unpublished` (every publish passes through tracker/publishing/publish.py,
  which sends `published` inside the publish's transaction);
- tracker's `record_taken_down`, `record_restored` and `records_published_in_bulk`
  (tracker/publishing/signals.py), sent inside their actions' transactions;
- a deleted record (Django's `post_delete`).

Each writes index-queue entries in the sender's transaction, for the record and for the records whose
documents show it, and asks for one drain after the commit (search/indexing.py explains why nothing is
lost when the broker or the search server is down).
"""

from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import published, unpublished

from search.documents import search_kind
from search.indexing import add_to_queue, keys_for
from search.tasks import drain_after_commit
from tracker.models.base import TrackerRecord
from tracker.publishing.signals import record_restored, record_taken_down, records_published_in_bulk


def queue(record):
    """Queue `record` and every document showing it; drain after the commit."""
    keys = keys_for(record)
    if keys:
        add_to_queue(keys)
        drain_after_commit()


@receiver(published)
@receiver(unpublished)
def published_or_unpublished(sender, instance, **kwargs):
    if isinstance(instance, TrackerRecord):
        queue(instance)


@receiver(post_delete)
def deleted(sender, instance, **kwargs):
    if isinstance(instance, TrackerRecord):
        queue(instance)


@receiver(record_taken_down)
@receiver(record_restored)
def taken_down_or_restored(sender, record, **kwargs):
    queue(record)


@receiver(records_published_in_bulk)
def published_in_bulk(sender, records, **kwargs):
    # New records: no other document shows them yet, so only they themselves are queued, in one insert.
    keys = {(kind, record.pk) for record in records if (kind := search_kind(record))}
    if keys:
        add_to_queue(keys)
        drain_after_commit()

from django.dispatch import receiver
from wagtail.signals import published

from tracker.models.base import TrackerRecord
from tracker.publishing.publish import record_publication


@receiver(published)
def write_public_revision(sender, instance, revision, **kwargs):
    # Wagtail also sends `published` when a publish is only scheduled for later; a public revision is
    # written when the record actually goes live with this revision.
    if not isinstance(instance, TrackerRecord) or not instance.live or instance.live_revision_id != revision.pk:
        return
    record_publication(instance, revision=revision, user=revision.user)

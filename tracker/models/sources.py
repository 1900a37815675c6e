"""The sources a record cites, as one of its parts.

Commitments and decisions each have a list of sources, and the two part models differ only in the
record they belong to (their ParentalKey); everything else, from the fields to how they are named,
is written once here. Status changes carry the same fields as their evidence, but are not sources.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Orderable

from tracker.models.base import RecordPart, SourceFields

# The fields of a source that its record's public snapshot shows, in the order it shows them.
SOURCE_FIELDS = ("url", "title", "publisher", "published_on", "quote", "archive_url", "kind")


class RecordSource(RecordPart, Orderable, SourceFields):
    """A source of a record: a subclass adds the ParentalKey to its record, related_name="sources"."""

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = _("source")

    def __str__(self):
        return self.title

"""Every write to the public record, one action each (see docs/architecture.md)."""

from tracker.publishing.publish import publish, publisher_for, save_draft
from tracker.publishing.unpublish import unpublish

__all__ = ["publish", "publisher_for", "save_draft", "unpublish"]

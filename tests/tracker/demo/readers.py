"""Small readers of what the demo wrote, for the demo tests (conftest.py loads the demo once for them)."""

from django.apps import apps
from django.contrib.auth import get_user_model
from wagtail.models import ModelLogEntry, Revision

from tracker.models import Commitment


def tracker_counts():
    """Rows of every tracker model and its history, public revisions, Wagtail revisions and users."""
    counts = {
        model._meta.label: model._default_manager.count() for model in apps.get_app_config("tracker").get_models()
    }
    counts["revisions"] = Revision.objects.count()
    counts["log entries"] = ModelLogEntry.objects.count()
    counts["users"] = get_user_model().objects.count()
    return counts


def verified(revision):
    return revision.hash == revision.compute_hash()


def generated():
    return Commitment.objects.filter(slug__contains="-sample-")

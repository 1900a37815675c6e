"""The demo as the demo tests share it: `load_demo_data` run once per test module, inside a transaction
that is rolled back at the end, and small readers of what it wrote."""

from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from wagtail.models import ModelLogEntry, Revision

from tracker.models import Commitment


@pytest.fixture(scope="module", name="demo")
def loaded_demo(django_db_setup, django_db_blocker):
    """The curated demo, loaded once for this module inside a transaction that is rolled back at
    the end (each test runs in a savepoint within it), so no other test sees it."""
    with django_db_blocker.unblock(), transaction.atomic():
        out = StringIO()
        call_command("load_demo_data", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


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

"""A reader never waits behind an import (issue 25): an import holds the summary rows it marked stale until it
commits, which may take minutes; a reader that finds its row stale computes the figures, is served them, and
does not store them rather than wait for the row. Another database connection holds the row here, as the
import's transaction does; the reader's connection refuses to wait for a lock at all (PostgreSQL's
lock_timeout), so waiting fails the test with an error rather than a slow pass."""

import datetime

import psycopg
import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from tracker.models import PublicSummary
from tracker.public import summaries

pytestmark = pytest.mark.django_db(transaction=True)
KEY = "person:999999"


def other_connection():
    database = settings.DATABASES["default"]
    return psycopg.connect(
        dbname=connection.settings_dict["NAME"],
        user=database.get("USER") or None,
        host=database.get("HOST") or None,
        port=database.get("PORT") or None,
        password=database.get("PASSWORD") or None,
    )


def test_a_reader_is_served_its_figures_while_an_import_holds_the_summary_row(settings):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are PostgreSQL's (SQLite writes one at a time)")
    settings.PUBLIC_SUMMARIES = True
    today = timezone.localdate()
    PublicSummary.objects.create(key=KEY, day=today - datetime.timedelta(days=1), fresh=False)
    importing = other_connection()
    try:
        importing.execute("SELECT key FROM tracker_publicsummary WHERE key = %s FOR UPDATE", [KEY])
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '500ms'")
        assert summaries.figures(KEY, today, compute_now=lambda: {"owned": 3}) == {"owned": 3}
        assert not PublicSummary.objects.get(key=KEY).fresh  # not stored: the import holds the row
    finally:
        importing.rollback()
        importing.close()
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = 0")
    assert summaries.figures(KEY, today, compute_now=lambda: {"owned": 4}) == {"owned": 4}
    assert PublicSummary.objects.get(key=KEY).fresh  # stored once the row is free

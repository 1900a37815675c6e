"""Fresh or stale (issue 29, item 4): the weekly check records dead links and changed pages, record pages say
when a status was last checked and plainly when it is stale, and the admin lists what needs looking at."""

import datetime
import html
import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.formats import date_format

from tests import scenario
from tests.tracker.archive.conftest import PAGE
from tracker import publishing
from tracker.archive.archiving import add_new_citations
from tracker.archive.warcs import sha256_of
from tracker.models import ArchivedCopy

pytestmark = pytest.mark.django_db


def publish_citing(capture, *urls, as_of=None, title=None):
    record = scenario.unsaved_commitment(sources=[{"url": url, "title": f"Source {url}"} for url in urls])
    if title:
        record.title = title
    with capture(execute=True):
        publishing.publish(record, summary="Add the promise", as_of=as_of)
    return record


def check(**options):
    out = io.StringIO()
    call_command("check_sources", stdout=out, **options)
    return out.getvalue()


def long_ago():
    return timezone.now() - datetime.timedelta(days=400)


def test_the_check_records_dead_links_and_changed_pages(archiving, server, client, django_capture_on_commit_callbacks):
    commitment = publish_citing(
        django_capture_on_commit_callbacks, server.url("/page"), server.url("/changing"), server.url("/pages/gone")
    )
    server.server.gone.add("/pages/gone")

    output = check()

    assert output.strip() == "Checked 3 cited addresses: 1 as archived, 1 changed since, 1 dead; 0 copies kept now."
    rows = {copy.url.rsplit("/", 1)[1]: copy for copy in ArchivedCopy.objects.all()}
    assert all(copy.checked_at is not None for copy in rows.values())
    assert (rows["page"].dead_reason, rows["page"].content_changed, rows["page"].check_status) == ("", False, 200)
    assert rows["changing"].content_changed and rows["changing"].dead_reason == ""
    assert rows["gone"].dead_reason == "The server answered HTTP 404 Not Found."
    assert rows["gone"].is_kept  # the copy kept when it was cited stays: that is what it is for
    assert rows["changing"].sha256 != sha256_of(PAGE + b"<!-- version 2 -->")  # the copy is still the cited one

    page = html.unescape(client.get(commitment.get_absolute_url()).content.decode())
    day = date_format(timezone.localtime(rows["gone"].checked_at), "j M Y")
    assert f"the link no longer works (checked {day})" in page
    assert f"the page has changed since it was archived (checked {day})" in page
    assert "One of its sources no longer answers." in page


def test_the_checks_queries_do_not_grow_with_the_sources(archiving, server, django_capture_on_commit_callbacks):
    publish_citing(django_capture_on_commit_callbacks, *[server.url(f"/pages/{n}") for n in range(3)])
    add_new_citations()  # (rows of new citations are made once, in one INSERT, whatever their number)
    with CaptureQueriesContext(connection) as few:
        check()
    publish_citing(django_capture_on_commit_callbacks, *[server.url(f"/pages/{n}") for n in range(3, 40)])
    add_new_citations()
    with CaptureQueriesContext(connection) as many:
        check()
    assert ArchivedCopy.objects.filter(checked_at__isnull=False).count() == 40
    assert len(many) == len(few)


def test_a_damaged_stored_copy_is_fetched_again_and_says_so(archiving, server, django_capture_on_commit_callbacks):
    publish_citing(django_capture_on_commit_callbacks, server.url("/page"))
    copy = ArchivedCopy.objects.get()
    default_storage.delete(copy.warc)
    default_storage.save(copy.warc, ContentFile(b"WARC/1.0\r\nbroken"))

    assert "1 copies kept now" in check()

    again = ArchivedCopy.objects.get()
    assert again.warc != copy.warc and again.sha256 == sha256_of(PAGE)
    assert again.last_failure == "The stored file holds no archived page. Fetched again on the weekly check."


def test_an_address_not_archived_yet_gets_its_copy_on_the_check(settings, server, django_capture_on_commit_callbacks):
    settings.ARCHIVE_SOURCES = False  # published while archiving was off: no copy
    publish_citing(django_capture_on_commit_callbacks, server.url("/page"))
    assert not ArchivedCopy.objects.exists()
    settings.ARCHIVE_ALLOW_PRIVATE_ADDRESSES = ["127.0.0.1/32"]
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}
    assert "1 copies kept now" in check()
    assert ArchivedCopy.objects.get().sha256 == sha256_of(PAGE)


# --- Last checked, stale, and the admin's report -----------------------------------------------------------


def test_a_status_nobody_checked_for_long_says_so_until_a_check_finds_its_sources(
    archiving, server, client, admin_client, django_capture_on_commit_callbacks
):
    archiving.ARCHIVE_SOURCES = False
    then = long_ago()
    stale = publish_citing(django_capture_on_commit_callbacks, server.url("/page"), as_of=then, title="Clean water")
    recent = publish_citing(django_capture_on_commit_callbacks, server.url("/pages/recent"), title="New school")
    since = date_format(timezone.localtime(then), "j F Y")

    page = html.unescape(client.get(stale.get_absolute_url()).content.decode())
    assert f"Nobody has checked this status since {since}." in page
    fresh_page = html.unescape(client.get(recent.get_absolute_url()).content.decode())
    assert f"Last checked {date_format(timezone.localdate(), 'j F Y')}." in fresh_page
    assert "Nobody has checked" not in fresh_page
    urdu = client.get("/ur" + stale.get_absolute_url()).content.decode()
    assert "کے بعد سے کسی نے یہ حیثیت نہیں جانچی۔" in urdu

    report = html.unescape(admin_client.get("/admin/tracker/evidence-to-check/").content.decode())
    assert "Clean water" in report and f"Status not checked since {since}" in report
    assert "New school" not in report

    check()  # finds the old record's source answering: its status is confirmed today
    page = html.unescape(client.get(stale.get_absolute_url()).content.decode())
    assert f"Last checked {date_format(timezone.localdate(), 'j F Y')}." in page
    assert "Clean water" not in html.unescape(admin_client.get("/admin/tracker/evidence-to-check/").content.decode())


def test_the_report_lists_records_whose_evidence_is_dead(
    archiving, server, admin_client, django_capture_on_commit_callbacks
):
    publish_citing(django_capture_on_commit_callbacks, server.url("/pages/dead"), title="Road to Hub")
    publish_citing(django_capture_on_commit_callbacks, server.url("/pages/alive"), title="School in Sibi")
    server.server.gone.add("/pages/dead")
    check()
    report = html.unescape(admin_client.get("/admin/tracker/evidence-to-check/").content.decode())
    assert "Road to Hub" in report and "A source no longer answers" in report
    assert "School in Sibi" not in report


def test_the_report_is_one_query_per_kind_of_record(
    archiving, server, admin_client, django_capture_on_commit_callbacks, settings
):
    # Nothing archived (no copy confirms them): each record stale, and so in the report.
    settings.ARCHIVE_SOURCES = False
    publish_citing(django_capture_on_commit_callbacks, server.url("/pages/a"), as_of=long_ago(), title="First")
    admin_client.get("/admin/tracker/evidence-to-check/")
    with CaptureQueriesContext(connection) as one:
        admin_client.get("/admin/tracker/evidence-to-check/")
    for n in range(5):
        publish_citing(
            django_capture_on_commit_callbacks, server.url(f"/pages/b{n}"), as_of=long_ago(), title=f"Later {n}"
        )
    with CaptureQueriesContext(connection) as six:
        report = admin_client.get("/admin/tracker/evidence-to-check/").content.decode()
    assert "Later 4" in report
    assert len(six) == len(one)


def test_a_page_read_before_the_check_is_not_answered_as_unchanged_after_it(
    archiving, server, client, django_capture_on_commit_callbacks
):
    commitment = publish_citing(django_capture_on_commit_callbacks, server.url("/pages/soon-gone"))
    before = client.get(commitment.get_absolute_url())
    server.server.gone.add("/pages/soon-gone")
    check()
    after = client.get(commitment.get_absolute_url(), HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200 and "the link no longer works" in after.content.decode()

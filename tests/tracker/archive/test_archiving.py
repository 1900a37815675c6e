"""Archived when cited (issue 29, items 3 and 5): a publish archives what a record newly cites, from a real
local server; every kind of bad page gets a recorded, readable failure and nothing else changes."""

import datetime
import hashlib
import html
import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from warcio.archiveiterator import ArchiveIterator

from tests import scenario
from tests.tracker.archive.conftest import PAGE
from tracker.archive.archiving import archive_due, retry_delay
from tracker.models import ArchivedCopy, Commitment

pytestmark = pytest.mark.django_db


def publish_citing(django_capture_on_commit_callbacks, *urls):
    """A commitment citing `urls`, published through the real service, with what follows the commit run."""
    with django_capture_on_commit_callbacks(execute=True):
        return scenario.published_commitment(sources=[{"url": url, "title": f"Source {url}"} for url in urls])


def stored_files(directory=""):
    """Every file in the default storage (the tests' own, empty at the start of each: conftest.py)."""
    directories, files = default_storage.listdir(directory)
    found = [f"{directory}{name}" for name in files]
    for name in directories:
        found += stored_files(f"{directory}{name}/")
    return found


# --- The happy path -----------------------------------------------------------------------------------------


def test_a_publish_keeps_a_warc_the_page_links_and_the_archive_view_shows(
    archiving, server, client, django_capture_on_commit_callbacks
):
    url = server.url("/page")
    commitment = publish_citing(django_capture_on_commit_callbacks, url)

    copy = ArchivedCopy.objects.get(url=url)
    assert copy.http_status == 200
    assert copy.content_type == "text/html; charset=utf-8"
    assert copy.size == len(PAGE)
    assert copy.sha256 == hashlib.sha256(PAGE).hexdigest()
    assert copy.attempts == 0 and copy.last_failure == "" and copy.next_attempt_at is None
    # The WARC parses with warcio, its payload is the page and hashes to the recorded SHA-256.
    with default_storage.open(copy.warc, "rb") as file:
        data = file.read()
    assert copy.warc_size == len(data)
    records = [
        (r.rec_type, r.rec_headers.get_header("WARC-Target-URI"), r.rec_headers, r.content_stream().read())
        for r in ArchiveIterator(io.BytesIO(data))
    ]
    [(kind, target, headers, payload)] = records
    assert (kind, target) == ("response", url)
    assert payload == PAGE
    assert hashlib.sha256(payload).hexdigest() == copy.sha256
    assert headers.get_header("WARC-Payload-Digest").startswith("sha256:")

    day = timezone.localtime(copy.fetched_at).strftime("%-d %b %Y")
    page = client.get(commitment.get_absolute_url()).content.decode()
    assert f'href="/sources/archived/{copy.pk}/"' in page
    assert f"archived copy ({day})" in page

    address = f"/sources/archived/{copy.pk}/"
    archive = client.get(address).content.decode()
    assert f'This is an archive of <bdi class="archived-url">{url}</bdi> taken on' in archive
    frame = f'<iframe class="archived-page" sandbox="" referrerpolicy="no-referrer" src="{address}content/"'
    assert frame in archive
    assert "<script>document.title" not in archive  # the archived page is never put into ours

    content = client.get(f"/sources/archived/{copy.pk}/content/")
    assert content.content == PAGE
    policy = content["Content-Security-Policy"]
    assert policy.startswith("sandbox;") and "default-src 'none'" in policy and "script-src" not in policy
    assert content["X-Content-Type-Options"] == "nosniff"

    warc = client.get(f"/sources/archived/{copy.pk}/warc/")
    assert b"".join(warc.streaming_content) == data


def test_the_urdu_page_offers_the_archived_copy_in_urdu(archiving, server, client, django_capture_on_commit_callbacks):
    commitment = publish_citing(django_capture_on_commit_callbacks, server.url("/page"))
    copy = ArchivedCopy.objects.get()
    page = client.get("/ur" + commitment.get_absolute_url()).content.decode()
    assert f'href="/ur/sources/archived/{copy.pk}/"' in page
    assert "archived copy (" not in page
    archive = client.get(f"/ur/sources/archived/{copy.pk}/").content.decode()
    assert "This is an archive of" not in archive and server.url("/page") in archive


def test_a_redirect_is_followed_and_the_copy_is_of_the_page_it_leads_to(
    archiving, server, django_capture_on_commit_callbacks
):
    publish_citing(django_capture_on_commit_callbacks, server.url("/moved"))
    copy = ArchivedCopy.objects.get()
    assert copy.url == server.url("/moved") and copy.sha256 == hashlib.sha256(PAGE).hexdigest()


def test_a_pdf_is_kept_and_offered_as_a_download(archiving, server, client, django_capture_on_commit_callbacks):
    publish_citing(django_capture_on_commit_callbacks, server.url("/report.pdf"))
    copy = ArchivedCopy.objects.get()
    archive = client.get(f"/sources/archived/{copy.pk}/").content.decode()
    assert "Download the archived document" in archive and "<iframe" not in archive
    content = client.get(f"/sources/archived/{copy.pk}/content/")
    assert content["Content-Disposition"].startswith("attachment")
    assert content.content.startswith(b"%PDF")


def test_plain_text_is_shown_escaped(archiving, server, client, django_capture_on_commit_callbacks):
    publish_citing(django_capture_on_commit_callbacks, server.url("/notice.txt"))
    copy = ArchivedCopy.objects.get()
    archive = client.get(f"/sources/archived/{copy.pk}/").content.decode()
    assert "Notification No. 7 &lt;b&gt;not bold&lt;/b&gt;" in archive


def test_an_address_cited_again_is_not_fetched_again(archiving, server, django_capture_on_commit_callbacks):
    publish_citing(django_capture_on_commit_callbacks, server.url("/page"))
    publish_citing(django_capture_on_commit_callbacks, server.url("/page"))
    assert server.requests == ["/page"]
    assert ArchivedCopy.objects.count() == 1


def test_a_publish_looks_only_at_what_its_record_cites_and_beat_at_every_record(
    archiving, server, django_capture_on_commit_callbacks
):
    from tracker.archive.tasks import archive_sources
    from tracker.models import CommitmentSource

    # A source written behind the publishing service (an import's rows, say): no publish asked for its copy.
    earlier = publish_citing(django_capture_on_commit_callbacks, server.url("/pages/earlier"))
    CommitmentSource.objects.filter(commitment=earlier).update(url=server.url("/pages/behind"))
    publish_citing(django_capture_on_commit_callbacks, server.url("/pages/new"))
    assert server.requests == ["/pages/earlier", "/pages/new"]  # not the address nobody published
    archive_sources()  # beat: every published record's addresses
    assert server.requests == ["/pages/earlier", "/pages/new", "/pages/behind"]
    assert ArchivedCopy.objects.count() == 3


def test_a_task_for_a_record_that_cites_nothing_changes_nothing(archiving):
    from tracker.archive.tasks import archive_sources

    with pytest.raises(LookupError, match="person records cite no address"):
        archive_sources("person", 1)
    assert not ArchivedCopy.objects.exists()


def test_nothing_is_fetched_with_archiving_off(settings, server, django_capture_on_commit_callbacks):
    settings.ARCHIVE_SOURCES = False
    publish_citing(django_capture_on_commit_callbacks, server.url("/page"))
    assert server.requests == [] and not ArchivedCopy.objects.exists()


def test_a_copy_is_not_shown_once_no_published_record_cites_it(
    archiving, server, client, django_capture_on_commit_callbacks
):
    from tracker.publishing.unpublish import unpublish

    commitment = publish_citing(django_capture_on_commit_callbacks, server.url("/page"))
    copy = ArchivedCopy.objects.get()
    unpublish(Commitment.objects.get(pk=commitment.pk), user=None, reason="Withdrawn for review")
    assert client.get(f"/sources/archived/{copy.pk}/").status_code == 404
    assert client.get(f"/sources/archived/{copy.pk}/content/").status_code == 404


# --- Bad pages: each a recorded, readable failure, and nothing else ------------------------------------------

BAD_PAGES = [
    ("/missing", "The server answered HTTP 404 Not Found."),
    ("/broken", "The server answered HTTP 500 Internal Server Error."),
    ("/photo.png", "The page is image/png; only web pages, PDFs and plain text are kept."),
    ("/endless", "The page is larger than the archive's limit of 1,048,576 bytes."),
    ("/five-gigabytes", "The page is larger than the archive's limit of 1,048,576 bytes."),
    ("/slow", "The server took longer than 2 seconds to send the page."),
    ("/slow-headers", "The server took longer than 2 seconds to send the page."),
    ("/loop", "The page redirects more than 5 times (a redirect loop?)."),
    ("/to-metadata", "169.254.169.254 is not a public address: the archiver does not fetch from private networks."),
    ("/to-loopback", "127.0.0.2 is not a public address: the archiver does not fetch from private networks."),
]


@pytest.mark.parametrize(("path", "reason"), BAD_PAGES, ids=[path for path, _reason in BAD_PAGES])
def test_a_bad_page_is_a_recorded_failure_and_the_publish_stands(
    archiving, server, client, django_capture_on_commit_callbacks, path, reason
):
    before = timezone.now()
    commitment = publish_citing(django_capture_on_commit_callbacks, server.url(path))

    assert Commitment.objects.published().filter(pk=commitment.pk).exists()  # the publish stands
    copy = ArchivedCopy.objects.get()
    assert copy.last_failure == reason
    assert copy.attempts == 1
    assert copy.warc == "" and copy.sha256 == "" and copy.fetched_at is None  # nothing kept
    assert copy.next_attempt_at >= before + datetime.timedelta(seconds=retry_delay(1))
    assert stored_files() == []
    page = client.get(commitment.get_absolute_url()).content.decode()
    assert "archived copy (" not in page


def test_the_local_server_itself_is_refused_with_the_setting_off(archiving, server, django_capture_on_commit_callbacks):
    archiving.ARCHIVE_ALLOW_PRIVATE_ADDRESSES = False
    publish_citing(django_capture_on_commit_callbacks, server.url("/page"))
    copy = ArchivedCopy.objects.get()
    assert copy.last_failure == "127.0.0.1 is not a public address: the archiver does not fetch from private networks."
    assert server.requests == []  # refused before connecting


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://127.0.0.1/notice.pdf", "Only http:// and https:// addresses are archived, not ftp:."),
        ("file:///etc/passwd", "Only http:// and https:// addresses are archived, not file:."),
        ("javascript:alert(1)", "Only http:// and https:// addresses are archived, not javascript:."),
        ("http://user:secret@127.0.0.1/", "The address holds a user name or password; such pages are not archived."),
        ("http://127.0.0.1:99999/", "The address is not a valid web address."),
    ],
)
def test_an_address_that_is_not_a_web_page_is_refused(archiving, url, reason):
    ArchivedCopy.objects.create(url=url, next_attempt_at=timezone.now())
    assert archive_due() == (0, 1)
    copy = ArchivedCopy.objects.get()
    assert copy.last_failure == reason and copy.warc == ""
    assert stored_files() == []


def test_a_failure_is_retried_with_back_off_when_due_and_kept_once_it_answers(archiving, server):
    ArchivedCopy.objects.create(url=server.url("/missing"), next_attempt_at=timezone.now())
    archive_due()
    first = ArchivedCopy.objects.get()
    assert archive_due() == (0, 0)  # not due yet: nothing fetched
    assert server.requests == ["/missing"]

    ArchivedCopy.objects.update(next_attempt_at=timezone.now())
    archive_due()
    second = ArchivedCopy.objects.get()
    assert second.attempts == 2
    assert retry_delay(2) == 2 * retry_delay(1)
    assert second.next_attempt_at - second.last_failed_at == datetime.timedelta(seconds=retry_delay(2))
    assert second.last_failed_at > first.last_failed_at

    # The page comes back (here: the row now names one that answers): the copy is kept, the failures cleared.
    ArchivedCopy.objects.update(url=server.url("/page"), next_attempt_at=timezone.now())
    assert archive_due() == (1, 0)
    kept = ArchivedCopy.objects.get()
    assert kept.is_kept and kept.attempts == 0 and kept.next_attempt_at is None


def test_attempts_stop_after_the_last_one(archiving, server):
    archiving.ARCHIVE_MAX_ATTEMPTS = 2
    ArchivedCopy.objects.create(url=server.url("/missing"), next_attempt_at=timezone.now(), attempts=1)
    archive_due()
    copy = ArchivedCopy.objects.get()
    assert copy.attempts == 2 and copy.next_attempt_at is None and copy.last_failure.startswith("The server answered")


# --- A damaged file on storage ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: b"WARC/1.0\r\nthis is not a warc record at all\r\n\r\n", id="malformed"),
        pytest.param(lambda data: b"", id="empty"),
        pytest.param(None, id="missing"),
    ],
)
def test_a_damaged_warc_gives_a_readable_error_page(
    archiving, server, client, django_capture_on_commit_callbacks, damage
):
    commitment = publish_citing(django_capture_on_commit_callbacks, server.url("/page"))
    copy = ArchivedCopy.objects.get()
    with default_storage.open(copy.warc, "rb") as file:
        data = file.read()
    default_storage.delete(copy.warc)
    if damage is not None:
        default_storage.save(copy.warc, ContentFile(damage(data)))

    page = html.unescape(client.get(f"/sources/archived/{copy.pk}/").content.decode())
    assert "This archived copy cannot be shown: the file kept on the tracker's storage is damaged." in page
    assert f'This is an archive of <bdi class="archived-url">{server.url("/page")}</bdi>' in page
    assert client.get(f"/sources/archived/{copy.pk}/content/").content.startswith(b"The stored file")
    # Nothing else changed: the record's page still links the copy, the row is as it was.
    assert ArchivedCopy.objects.get().sha256 == copy.sha256
    assert "archived copy (" in client.get(commitment.get_absolute_url()).content.decode()


def test_the_api_gives_each_source_its_archived_copy(archiving, server, client, django_capture_on_commit_callbacks):
    url = server.url("/page")
    commitment = publish_citing(django_capture_on_commit_callbacks, url, server.url("/missing"))
    copy = ArchivedCopy.objects.get(url=url)

    sources = client.get(f"/api/v1/commitments/{commitment.slug}/").json()["sources"]

    by_url = {source["url"]: source["archived_copy"] for source in sources}
    assert by_url[server.url("/missing")] is None
    assert by_url[url] == {
        "address": f"http://testserver/sources/archived/{copy.pk}/",
        "sha256": hashlib.sha256(PAGE).hexdigest(),
        "fetched_at": copy.fetched_at.isoformat(),
    }


def test_moderators_read_each_failure_in_the_admin(archiving, server, admin_client, django_capture_on_commit_callbacks):
    publish_citing(django_capture_on_commit_callbacks, server.url("/missing"))
    listing = html.unescape(admin_client.get("/admin/archived_copies/").content.decode())
    assert server.url("/missing") in listing
    assert "The server answered HTTP 404 Not Found." in listing
    assert admin_client.get("/admin/archived_copies/new/").status_code in (403, 302, 404)  # nobody adds one


def test_the_reports_menu_offers_the_archived_copies_and_the_evidence_to_check(archiving, admin_client):
    menu = admin_client.get("/admin/").content.decode()
    assert "/admin/archived_copies/" in menu and "/admin/tracker/evidence-to-check/" in menu

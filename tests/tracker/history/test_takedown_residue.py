"""Issue 25, item 7: a record taken down leaves no trace in other records' public history. The commitment's
revisions that name a taken-down owner office show the public notice in its place, on the revision page, the
compare, the history list's summaries, the changes page, the API's revisions, the history export and a
webhook's body; the stored revisions are untouched, and a restore brings the name back."""

import json

import pytest

from tests.pages import page_text
from tracker.following.webhooks import payload
from tracker.history.addresses import compare_url, history_url, revision_url
from tracker.models import PublicRevision
from tracker.publishing import takedown
from tracker.spreadsheets.exports import history_rows

pytestmark = pytest.mark.django_db
NOTICE = "Removed on the order of the Balochistan High Court."


def public_outputs(client, record):
    """What a reader, an API client, a downloader and a newsroom get of the commitment's history."""
    slug = record.slug
    pages = [
        revision_url("commitments", slug, 3),
        compare_url("commitments", slug, 2, 3),
        history_url("commitments", slug),
        "/changes/",
        f"/api/v1/commitments/{slug}/revisions/",
        f"/api/v1/commitments/{slug}/revisions/3/",
    ]
    said = {
        page: page_text(client.get(page)) if "/api/" not in page else client.get(page).content.decode()
        for page in pages
    }
    said["history export"] = json.dumps(list(history_rows()), ensure_ascii=False)
    said["webhook body"] = payload(PublicRevision.objects.for_record(record).get(number=3)).decode()
    return said


def test_other_records_revisions_withhold_a_taken_down_office_with_its_notice(client, file_tracking_history, offices):
    record, dc = file_tracking_history.commitment, offices.dc.title
    assert all(dc in text for text in public_outputs(client, record).values())
    stored = [r.content for r in PublicRevision.objects.for_record(record)]

    takedown.take_down(offices.dc, notice=NOTICE)

    for output, text in public_outputs(client, record).items():
        assert dc not in text, output
        assert offices.dc.slug not in text, output
    revision = page_text(client.get(revision_url("commitments", record.slug, 3)))
    assert "Withheld (taken down on" in revision and NOTICE in revision
    compare = page_text(client.get(compare_url("commitments", record.slug, 2, 3)))
    assert NOTICE in compare  # the owner the third revision added is still shown as added, withheld
    assert [r.content for r in PublicRevision.objects.for_record(record)] == stored  # the chain is untouched


def test_a_restore_brings_the_name_back_in_the_history(client, file_tracking_history, offices):
    record, dc = file_tracking_history.commitment, offices.dc.title
    takedown.take_down(offices.dc, notice=NOTICE)
    takedown.restore(offices.dc, reason="The order was set aside on appeal.")
    said = public_outputs(client, record)
    assert all(dc in text for text in said.values())
    assert NOTICE not in said[revision_url("commitments", record.slug, 3)]


def test_urdu_revision_page_withholds_too(client, file_tracking_history, offices):
    record = file_tracking_history.commitment
    takedown.take_down(offices.dc, notice=NOTICE)
    text = page_text(client.get("/ur" + revision_url("commitments", record.slug, 3)))
    assert offices.dc.title not in text
    assert NOTICE in text

"""The history list, a revision as published and the compare of two revisions, as a reporter reads them."""

import datetime
import re

import pytest
from django.utils import timezone

from tests import scenario
from tests.factories import CommitmentFactory
from tests.pages import page_text
from tests.scenario import TEXT_1, add_revisions
from tracker import publishing
from tracker.models import Commitment, PublicRevision

pytestmark = pytest.mark.django_db


def url(file_tracking_history, tail=""):
    return f"/commitments/{file_tracking_history.commitment.slug}/{tail}"


def test_history_lists_every_revision_newest_first_with_what_changed(client, file_tracking_history):
    text = page_text(client.get(url(file_tracking_history, "history/")))

    assert "3 published revisions, newest first" in text
    assert text.index("Revision 3") < text.index("Revision 2") < text.index("Revision 1")
    assert "“Stalled: no funds released”" in text
    assert "published by Accountability Tracker editors" in text
    third = text[text.index('id="r3"') : text.index('id="r2"')]
    assert (
        "What changed:</span> What was promised edited; Status: In progress → Stalled; "
        "owner added: Deputy Commissioner Quetta (Administrative owner); "
        "status change added: In progress → Stalled, 15 March 2021; source added: Budget 2021-22 omits it"
    ) in third
    second = text[text.index('id="r2"') : text.index('id="r1"')]
    assert "Status: Not started → In progress; Progress (%): 0 → 20" in second
    assert "First published" in text[text.index('id="r1"') :]
    day = timezone.localtime(file_tracking_history.revisions[2].published_at).strftime("%-d %B %Y, %H:%M")
    assert day in third


def test_history_never_names_the_editor(client, file_tracking_history):
    for tail in ("history/", "history/2/", "history/compare/1/3/", "cite/2/", "feed/"):
        body = client.get(url(file_tracking_history, tail)).content.decode()
        assert "zubaida" not in body.lower(), tail
        if "compare" not in tail:
            assert "Accountability Tracker editors" in body, tail


def test_history_is_paginated(client, file_tracking_history):
    add_revisions(file_tracking_history.commitment, 57, start=timezone.now())  # 60 in all; 50 a page

    first = page_text(client.get(url(file_tracking_history, "history/")))
    second = page_text(client.get(url(file_tracking_history, "history/?page=2")))

    assert first.count('class="revision-title"') == 50
    assert "Revision 60" in first and "Revision 11<" in first and "Revision 10<" not in first
    assert second.count('class="revision-title"') == 10
    assert "Revision 10<" in second and "Revision 1<" in second
    # The oldest on page 1 still says what it changed (its predecessor is on page 2).
    assert "No change to what the page says" in first[first.index('id="r11"') :]


def test_revision_page_shows_the_record_as_published_with_banner_and_hash(client, file_tracking_history):
    second = file_tracking_history.revisions[1]
    text = page_text(client.get(url(file_tracking_history, "history/2/")))

    day = timezone.localtime(second.published_at).strftime("%-d %B %Y")
    assert re.search(rf"<strong>Revision 2 of 3</strong>, published <time[^>]*>{day}", text)
    assert f'<a href="{url(file_tracking_history)}">see the current version</a>' in text
    assert second.hash in text and file_tracking_history.revisions[0].hash in text  # its hash and the previous one
    assert TEXT_1 in text
    assert 'status-in_progress">In progress' in text and "Stalled" not in text
    assert "Tender for file tracking software" in text
    assert "Deputy Commissioner Quetta" not in text  # only added in revision 3
    assert "Cite this revision" in text


def test_revision_page_never_changes_after_later_edits(client, file_tracking_history):
    def as_published(response):
        text = page_text(response)
        return text[text.index("<h1>") : text.index('<aside class="cite-box"')]

    before = as_published(client.get(url(file_tracking_history, "history/2/")))
    commitment = Commitment.objects.get(pk=file_tracking_history.commitment.pk)
    commitment.title = "Renamed file tracking system"
    commitment.progress = 90
    publishing.publish(commitment, summary="Renamed; progress from the audit report")

    response = client.get(f"/commitments/{commitment.slug}/history/2/")
    assert as_published(response) == before
    assert "Revision 2 of 4" in page_text(response)


def test_revision_stored_under_an_older_schema_still_renders(client):
    """A snapshot written before a migration renamed `text` (it was `promise_text`), before `progress`
    existed, and whose owners had no ids, renders from its stored JSON alone."""
    commitment = CommitmentFactory(title="Solar pumps for Pishin")

    def old_schema(content, i):
        fields = content["fields"]
        fields["promise_text"] = fields.pop("text")
        fields.pop("progress")
        fields["retired_field"] = {"value": "x", "label": "An old choice"}
        content["format"] = 0
        content["parts"] = {"owners": [{"office": {"id": 999, "slug": "gone-office", "name": "Gone Office"}}]}
        content["fields"]["promise_text"] = f"Old wording {i}"

    add_revisions(commitment, 2, start=timezone.now() - datetime.timedelta(days=400), change=old_schema)

    text = page_text(client.get(f"/commitments/{commitment.slug}/history/1/"))
    assert "<dt>Promise text</dt><dd>Old wording 0" in text
    assert "<dt>Retired field</dt><dd>" in text and "An old choice" in text
    assert "Progress" not in text
    assert "Gone Office" in text
    compare = page_text(client.get(f"/commitments/{commitment.slug}/history/compare/1/2/"))
    assert "<h3>Promise text</h3>" in compare and "<del>" in compare and "<ins>" in compare


def test_compare_shows_words_status_owners_status_changes_and_sources(client, file_tracking_history):
    text = page_text(client.get(url(file_tracking_history, "history/compare/2/3/")))

    assert "Changes from revision 2 to revision 3" in text
    words = re.sub(r'<span class="visually-hidden">[^<]*</span>', "", text)
    assert (
        "The government will build <del>a</del><ins>an electronic</ins> file tracking system for the "
        "<ins>whole </ins>secretariat." in words
    )
    assert re.search(r"<h3>Status</h3>.*In progress.*→.*Stalled", text)
    assert "<strong>Owner: Deputy Commissioner Quetta (Administrative owner)</strong>" in text
    assert "<strong>Status change: In progress → Stalled, 15 March 2021</strong>" in text
    assert "No funds have been released since the tender." in text
    assert "<strong>Source: Budget 2021-22 omits it</strong>" in text
    # Parts that did not change are not reported.
    assert "Chief Minister Balochistan" not in text
    assert "Tender for file tracking software" not in text


def test_compare_backwards_shows_removals_and_movements(client, file_tracking_history):
    commitment = Commitment.objects.get(pk=file_tracking_history.commitment.pk)
    commitment.movements.create(
        office=commitment.owners.get(role="political").office, arrived_on=datetime.date(2021, 4, 1)
    )
    commitment.owners.filter(role="political").delete()
    publishing.publish(commitment, summary="File with the chief minister; owner corrected")

    forward = page_text(client.get(url(file_tracking_history, "history/compare/3/4/")))
    assert "Where the file went" in forward
    assert "<strong>Movement: Chief Minister Balochistan since 1 April 2021</strong>" in forward
    assert "removed</span> <strong>Owner: Chief Minister Balochistan (Political owner)</strong>" in forward

    backwards = page_text(client.get(url(file_tracking_history, "history/compare/3/1/")))
    assert "removed</span> <strong>Owner: Deputy Commissioner Quetta" in backwards
    assert "removed</span> <strong>Source: Budget 2021-22 omits it</strong>" in backwards


def test_compare_form_goes_to_the_permanent_address(client, file_tracking_history):
    response = client.get(url(file_tracking_history, "history/compare/?a=3&b=1"))
    assert response.status_code == 302
    assert response["Location"] == url(file_tracking_history, "history/compare/1/3/")
    assert client.get(url(file_tracking_history, "history/compare/?a=x&b=1")).status_code == 400


def test_missing_revisions_and_records_answer_404(client, file_tracking_history):
    assert client.get(url(file_tracking_history, "history/4/")).status_code == 404
    assert client.get(url(file_tracking_history, "history/compare/1/9/")).status_code == 404
    assert client.get(url(file_tracking_history, "cite/9/")).status_code == 404
    assert client.get("/commitments/no-such-thing/history/").status_code == 404


def test_renamed_record_keeps_its_old_history_addresses(client, file_tracking_history):
    commitment = Commitment.objects.get(pk=file_tracking_history.commitment.pk)
    old_slug = commitment.slug
    commitment.slug = "e-filing-secretariat"
    publishing.publish(commitment, summary="Shorter address")

    response = client.get(f"/commitments/{old_slug}/history/2/")
    assert response.status_code == 301
    assert response["Location"] == "/commitments/e-filing-secretariat/history/2/"
    assert PublicRevision.objects.for_record(commitment).count() == 4


def test_decisions_have_the_same_history_pages(client, file_tracking_history, offices):
    from tracker.models import Decision

    decision = scenario.publish(
        scenario.decision(
            title="Funds for the file tracking system",
            kind="budget_allocation",
            decided_on=datetime.date(2019, 6, 20),
            deciding_office=offices.cm,
            summary="Rs45 million allocated in the budget.",
            live=False,
            linked=[file_tracking_history.commitment],
        ),
        summary="Add the allocation",
    )
    decision = Decision.objects.get(pk=decision.pk)
    decision.amount_pkr = 45_000_000
    publishing.publish(decision, summary="Amount from the budget book")

    base = f"/decisions/{decision.slug}/"
    assert "2 published revisions" in page_text(client.get(base + "history/"))
    revision = page_text(client.get(base + "history/1/"))
    assert "Revision 1 of 2" in revision and "File tracking system for the secretariat" in revision
    assert "<h3>Amount (PKR)</h3>" in page_text(client.get(base + "history/compare/1/2/"))
    assert "[Decision, revision 2]" in client.get(base + "cite/2/?format=apa").content.decode()

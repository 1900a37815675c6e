"""A record taken down for legal reasons answers 410 with the notice on every public address; its
history stays verifiable and comes back unchanged when it is restored."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from tests.pages import page_text
from tracker.models import Commitment, PublicRevision
from tracker.publishing import takedown

pytestmark = pytest.mark.django_db
NOTICE = "Removed on the order of the Islamabad High Court, writ petition 1234/2024."


def addresses(slug):
    base = f"/commitments/{slug}/"
    return [
        base,
        base + "?on=2021-01-01",
        base + "history/",
        base + "history/2/",
        base + "history/compare/2/3/",
        base + "cite/2/",
        base + "cite/2/?format=bibtex",
        base + "feed/",
    ]


def test_taken_down_record_answers_410_with_the_notice_everywhere(client, file_tracking_history):
    slug = file_tracking_history.commitment.slug
    call_command("takedown", "commitments", slug, notice=NOTICE, reason="court_order", stdout=io.StringIO())

    for address in addresses(slug):
        response = client.get(address)
        assert response.status_code == 410, address
        text = page_text(response)
        assert NOTICE in text, address
        assert "Reason: Court order" in text, address
        assert "This commitment has been taken down" in text
        assert "File tracking system" not in text, address  # neither title nor content
    assert "File tracking system" not in client.get("/commitments/").content.decode()
    assert slug not in client.get("/feeds/changes/").content.decode()


def test_chain_stays_verifiable_and_history_returns_on_restore(client, file_tracking_history):
    slug = file_tracking_history.commitment.slug
    before = [client.get(a).content for a in addresses(slug)[2:5]]
    takedown.take_down(file_tracking_history.commitment, notice=NOTICE)

    out = io.StringIO()
    call_command("verify_history", stdout=out)
    assert "every chain is intact" in out.getvalue()

    call_command("takedown", "commitments", slug, restore="Court order set aside on appeal", stdout=io.StringIO())
    after = [client.get(a) for a in addresses(slug)[2:5]]
    assert [r.status_code for r in after] == [200, 200, 200]
    assert [r.content for r in after] == before
    assert client.get(f"/commitments/{slug}/").status_code == 200
    assert (
        PublicRevision.objects.for_record(file_tracking_history.commitment).count() == 3
    )  # no revision for a takedown


def test_takedown_needs_a_notice_and_changes_nothing_without_one(file_tracking_history):
    with pytest.raises(CommandError, match="Say publicly why the record was taken down"):
        call_command("takedown", "commitments", file_tracking_history.commitment.slug, notice="  ", reason="copyright")
    assert Commitment.objects.get(pk=file_tracking_history.commitment.pk).taken_down_at is None
    with pytest.raises(CommandError, match="No published commitments at 'nope'"):
        call_command("takedown", "commitments", "nope", notice=NOTICE, reason="copyright")


def test_a_takedown_needs_a_reason_from_the_vocabulary_and_changes_nothing_without_one(file_tracking_history):
    slug = file_tracking_history.commitment.slug
    with pytest.raises(CommandError, match="Say which kind of reason with --reason: one of court_order, "):
        call_command("takedown", "commitments", slug, notice=NOTICE)
    with pytest.raises(CommandError, match="invalid choice: 'gossip'"):
        call_command("takedown", "commitments", slug, "--notice", NOTICE, "--reason", "gossip")
    with pytest.raises(ValidationError, match="'gossip' is not a reason for a takedown"):
        takedown.take_down(file_tracking_history.commitment, notice=NOTICE, reason="gossip")
    assert Commitment.objects.get(pk=file_tracking_history.commitment.pk).taken_down_at is None

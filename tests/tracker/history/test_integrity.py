"""Tamper evidence: `verify_history` recomputes every chain and names what was altered; the daily digest
in the changes feed pins the whole history of a day."""

import datetime
import hashlib
import io

import feedparser
import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from tests.factories import CommitmentFactory
from tests.scenario import add_revisions
from tests.tracker.history.tampering import behind_the_models_back
from tracker.models import PublicRevision

pytestmark = pytest.mark.django_db


def verify(*args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("verify_history", *args, stdout=out, stderr=err)
    except SystemExit as exit:
        return exit.code, out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def test_intact_history_passes(file_tracking_history):
    code, out, err = verify()
    assert code == 0, err
    assert "3 revisions of 1 records checked: every chain is intact." in out


def test_altered_revision_fails_naming_the_record_and_revision(file_tracking_history):
    second = file_tracking_history.revisions[1]
    content = second.content
    content["fields"]["status"] = {"value": "delivered", "label": "Delivered"}
    with behind_the_models_back():
        PublicRevision.objects.filter(pk=second.pk).update(content=content)

    code, out, err = verify()
    assert code == 1
    slug, pk = file_tracking_history.commitment.slug, file_tracking_history.commitment.pk
    assert (
        f"ALTERED: tracker.commitment {pk} “File tracking system for the secretariat” ({slug}), "
        "revision 2: was altered in the database: its content no longer matches its hash"
    ) in err
    assert "revision 1" not in err and "revision 3" not in err
    assert "the published history was altered" in err


def test_rehashed_revision_breaks_the_link_to_the_next(file_tracking_history):
    second = PublicRevision.objects.get(pk=file_tracking_history.revisions[1].pk)
    second.edit_summary = "Something else"
    second.hash = second.compute_hash()
    with behind_the_models_back():
        PublicRevision.objects.filter(pk=second.pk).update(edit_summary=second.edit_summary, hash=second.hash)

    code, _, err = verify()
    assert code == 1
    assert "revision 3: does not follow from the revision before it" in err


def test_deleted_revision_is_named(file_tracking_history):
    with behind_the_models_back():
        PublicRevision.objects.filter(pk=file_tracking_history.revisions[1].pk)._raw_delete(PublicRevision.objects.db)
    code, _, err = verify()
    assert code == 1
    assert "revision 3: revision 2 before it is missing" in err


def test_model_refuses_to_change_a_revision(file_tracking_history):
    from tracker.models.public_revisions import ImmutableRevisionError

    with pytest.raises(ImmutableRevisionError):
        file_tracking_history.revisions[0].save()
    with pytest.raises(ImmutableRevisionError):
        file_tracking_history.revisions[0].delete()


@pytest.fixture
def published_days_ago(db):
    """Two commitments with revisions published three and two days ago."""
    start = timezone.now() - datetime.timedelta(days=3)
    for title in ("Solar pumps for Pishin", "Girls' school in Zhob"):
        add_revisions(CommitmentFactory(title=title), 3, start=start, step=datetime.timedelta(hours=20))
    return timezone.localdate(start + datetime.timedelta(hours=40))  # the day of the last revisions


def test_daily_digest_is_in_the_changes_feed_and_matches_its_listing(client, published_days_ago):
    day = published_days_ago
    feed = feedparser.parse(client.get("/feeds/changes/").content)
    assert not feed.bozo
    digests = {e.title.split(": ")[0]: e for e in feed.entries if e.title.startswith("Daily digest")}
    entry = digests[f"Daily digest for {day.day} {day:%B %Y}"]
    digest = entry.title.split(": ")[1]

    listing = client.get(f"/history/digests/{day.isoformat()}/")
    assert hashlib.sha256(listing.content).hexdigest() == digest
    assert listing["X-Digest-SHA256"] == digest
    lines = listing.content.decode().splitlines()
    assert len(lines) == 2 and all(line.startswith("tracker.commitment ") for line in lines)
    latest = PublicRevision.objects.order_by("-number").first()
    assert f" 3 {latest.hash}" in "\n".join(lines)
    assert f"verify_history --digest {day.isoformat()}={digest}" in entry.summary

    code, out, _ = verify("--digest", f"{day.isoformat()}={digest}")
    assert code == 0 and f"Digest of {day} matches" in out


def test_a_rewritten_latest_revision_is_caught_by_the_archived_digest(client, published_days_ago):
    day = published_days_ago
    archived = client.get(f"/history/digests/{day.isoformat()}/")["X-Digest-SHA256"]
    latest = PublicRevision.objects.order_by("-sequence").first()
    latest.content["fields"]["status"] = {"value": "delivered", "label": "Delivered"}
    # A careful forger recomputes the hashes of the very last revision of the site: its record's chain
    # and the site-wide log both still link up.
    latest.hash = latest.compute_hash()
    latest.site_hash = latest.compute_site_hash()
    with behind_the_models_back():
        PublicRevision.objects.filter(pk=latest.pk).update(
            content=latest.content, hash=latest.hash, site_hash=latest.site_hash
        )

    assert verify()[0] == 0  # every chain still links up...
    code, _, err = verify("--digest", f"{day.isoformat()}={archived}")
    assert code == 1  # ...but the digest archived that day no longer matches
    assert f"the history up to {day} is not what was published that day" in err


def test_digest_of_a_day_not_yet_ended_is_refused(client, db):
    today = timezone.localdate().isoformat()
    assert client.get(f"/history/digests/{today}/").status_code == 404
    assert client.get("/history/digests/yesterday/").status_code == 404
    with pytest.raises(CommandError, match="published once the day has ended"):
        call_command("verify_history", "--digest", f"{today}=abc")

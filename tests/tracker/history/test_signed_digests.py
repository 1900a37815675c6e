"""Signed digests: one after every hour in which something was published, kept and listed forever, each
checkable with the public key and standard tools (sha256sum, openssl) without trusting the site."""

import base64
import datetime
import hashlib
import io
import shutil
import subprocess

import pytest
from cryptography.hazmat.primitives.serialization import load_pem_public_key
from django.core.management import call_command
from django.utils import timezone

from tests.factories import CommitmentFactory
from tests.scenario import add_revisions
from tests.tracker.history.tampering import behind_the_models_back
from tracker.history.digest import make_signed_digests, sign_what_is_new
from tracker.models import PublicRevision, SignedDigest

pytestmark = pytest.mark.django_db


@pytest.fixture
def published_hours_ago(db):
    """Revisions published in two past hours (three in the first, one in the second), and one now."""
    now = timezone.now()
    hour = now.replace(minute=10, second=0, microsecond=0) - datetime.timedelta(hours=3)
    first, second = CommitmentFactory(title="Solar pumps for Pishin"), CommitmentFactory(title="Girls' school")
    add_revisions(first, 3, start=hour, step=datetime.timedelta(minutes=5))
    add_revisions(second, 1, start=hour + datetime.timedelta(hours=1))
    add_revisions(second, 1, start=now - datetime.timedelta(seconds=2))
    return hour.replace(minute=0)


def test_one_digest_after_every_publishing_hour_once(published_hours_ago):
    made = make_signed_digests()
    hour = published_hours_ago
    assert [d.ends_at for d in made] == [hour + datetime.timedelta(hours=1), hour + datetime.timedelta(hours=2)]
    assert [d.records for d in made] == [1, 2]
    assert make_signed_digests() == []  # the hourly task may run again: nothing new is made
    assert SignedDigest.objects.count() == 2


def test_every_digest_is_listed_with_the_key(client, published_hours_ago):
    made = make_signed_digests()
    page = client.get("/history/digests/").content.decode()
    for digest in made:
        assert digest.sha256 in page
        assert f"/history/digests/signed/{digest.stamp}/signature" in page
    assert "BEGIN PUBLIC KEY" in page
    assert client.get("/history/digests/public-key.pem").content.decode() in page


def test_a_digest_listing_hashes_and_verifies_with_the_public_key(client, published_hours_ago):
    digest = make_signed_digests()[-1]
    listing = client.get(f"/history/digests/signed/{digest.stamp}/")
    assert listing["X-Digest-SHA256"] == digest.sha256 == hashlib.sha256(listing.content).hexdigest()
    lines = listing.content.decode().splitlines()
    assert len(lines) == 2 and all(line.startswith("tracker.commitment ") for line in lines)
    signature = client.get(f"/history/digests/signed/{digest.stamp}/signature").content
    assert base64.b64encode(signature).decode() == listing["X-Digest-Signature"]
    key = load_pem_public_key(client.get("/history/digests/public-key.pem").content)
    key.verify(signature, listing.content)  # raises InvalidSignature if it does not verify


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl is not installed")
def test_the_methodology_pages_commands_verify_a_digest_and_catch_a_rewrite(client, published_hours_ago, tmp_path):
    digest = make_signed_digests()[-1]
    (tmp_path / "tracker-digest-key.pem").write_bytes(client.get("/history/digests/public-key.pem").content)
    (tmp_path / "listing.txt").write_bytes(client.get(f"/history/digests/signed/{digest.stamp}/").content)
    (tmp_path / "listing.sig").write_bytes(client.get(f"/history/digests/signed/{digest.stamp}/signature").content)
    command = "openssl pkeyutl -verify -pubin -inkey tracker-digest-key.pem -rawin -in listing.txt -sigfile listing.sig"
    assert command in client.get("/history/digests/").content.decode()
    verified = subprocess.run(command.split(), cwd=tmp_path, capture_output=True, text=True, check=False)
    assert verified.returncode == 0 and "Signature Verified Successfully" in verified.stdout

    # The history is rewritten afterwards: the listing the site now serves no longer verifies.
    latest = PublicRevision.objects.filter(published_at__lt=digest.ends_at).order_by("-sequence").first()
    with behind_the_models_back():
        PublicRevision.objects.filter(pk=latest.pk).update(hash="0" * 64)
    (tmp_path / "listing.txt").write_bytes(client.get(f"/history/digests/signed/{digest.stamp}/").content)
    refused = subprocess.run(command.split(), cwd=tmp_path, capture_output=True, text=True, check=False)
    assert refused.returncode != 0


def test_the_methodology_page_gives_the_key_and_the_commands(client, published_hours_ago):
    page = client.get("/methodology/").content.decode()
    assert 'id="verification"' in page
    assert client.get("/history/digests/public-key.pem").content.decode() in page
    assert "sha256sum listing.txt" in page and "openssl pkeyutl -verify" in page


def test_a_digest_is_never_changed_or_deleted(published_hours_ago):
    from tracker.models.public_revisions import ImmutableRevisionError

    digest = make_signed_digests()[0]
    with pytest.raises(ImmutableRevisionError):
        digest.save()
    with pytest.raises(ImmutableRevisionError):
        digest.delete()


def test_an_unknown_digest_is_not_found(client, db):
    assert client.get("/history/digests/signed/20261127T110000Z/").status_code == 404
    assert client.get("/history/digests/signed/not-a-stamp/signature").status_code == 404


def test_make_digests_now_signs_what_is_new_only(published_hours_ago):
    out = io.StringIO()
    call_command("make_digests", "--now", stdout=out)
    assert out.getvalue().count("Signed digest up to") == 3  # two ended hours, and everything until now
    assert sign_what_is_new() is None
    out = io.StringIO()
    call_command("make_digests", "--now", stdout=out)
    assert "No digest was due." in out.getvalue()

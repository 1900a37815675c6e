"""Time from outside: each new checkpoint timestamped by RFC 3161 authorities, here OpenSSL's own TSA run as a
real process behind a local HTTP server, the token verified before it is kept, served at /log/timestamps/<size>
and shown with the authority's name and the time it attests; an authority that is down or answers garbage is
recorded and never stops the checkpoint."""

import base64
import datetime
import hashlib
import shlex
import shutil
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from rfc3161_client import decode_timestamp_response

from tests.factories import CommitmentFactory
from tests.pages import page_text
from tests.scenario import add_revisions
from tests.timestamp_authority import OPENSSL, GarbageAuthority, TimestampAuthority, address_of_nothing
from tracker.history import timestamps, transparency
from tracker.models import Checkpoint, CheckpointTimestamp, PublicRevision, TimestampAuthorityState

pytestmark = [pytest.mark.django_db, pytest.mark.skipif(OPENSSL is None, reason="openssl is not installed")]


@pytest.fixture
def log(db):
    record = CommitmentFactory(title="Solar pumps for Pishin")
    add_revisions(record, 40, start=timezone.now() - datetime.timedelta(days=2), step=datetime.timedelta(minutes=1))
    return record


@pytest.fixture
def authority(tmp_path):
    started = TimestampAuthority(tmp_path / "tsa", name="Test TSA")
    yield started
    started.stop()


@pytest.fixture
def garbage(tmp_path):
    started = GarbageAuthority(tmp_path / "garbage", name="Garbage TSA")
    yield started
    started.stop()


def sign_checkpoint(django_capture_on_commit_callbacks):
    """Sign a checkpoint as the hourly task does; the request to the authorities runs after the commit."""
    with django_capture_on_commit_callbacks(execute=True):
        return transparency.make_checkpoint()


def test_a_checkpoint_is_timestamped_verified_served_and_shown(
    client, settings, log, authority, django_capture_on_commit_callbacks
):
    settings.TRANSPARENCY_LOG_TIMESTAMP_AUTHORITIES = [f"example-tsa {authority.url} {authority.chain}"]
    checkpoint = sign_checkpoint(django_capture_on_commit_callbacks)
    [stamp] = CheckpointTimestamp.objects.all()
    assert stamp.checkpoint == checkpoint and stamp.authority == "example-tsa"
    assert authority.requests == 1

    # The token is the authority's, over the SHA-256 of the checkpoint's signed body.
    body = checkpoint.note.rpartition("\n\n")[0] + "\n"
    decoded = decode_timestamp_response(bytes(stamp.token))
    assert decoded.tst_info.message_imprint.message == hashlib.sha256(body.encode()).digest()
    assert decoded.tst_info.gen_time == stamp.attested_at

    served = client.get(f"/log/timestamps/{checkpoint.size}").json()
    assert served["size"] == 40 and served["body"] == body
    [token] = served["timestamps"]
    assert token["authority"] == "example-tsa" and base64.b64decode(token["token"]) == bytes(stamp.token)

    # The methodology page's commands: the body and the token out of the JSON, then OpenSSL verifies the token
    # with the authority's certificate chain alone.
    methodology = client.get("/methodology/").content.decode()
    extract = next(line for line in methodology.splitlines() if line.startswith("python3 -c "))
    verify_command = "openssl ts -verify -data body.txt -in token.tsr -CAfile AUTHORITY-CHAIN.pem"
    assert verify_command in methodology
    (folder := authority.folder / "reader").mkdir()
    (folder / "timestamps.json").write_text(client.get(f"/log/timestamps/{checkpoint.size}").content.decode())
    shutil.copy(authority.chain, folder / "AUTHORITY-CHAIN.pem")
    subprocess.run([sys.executable, *shlex.split(extract)[1:]], cwd=folder, check=True)
    assert (folder / "body.txt").read_text() == body
    done = subprocess.run(
        [OPENSSL, *verify_command.split()[1:]], cwd=folder, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and "Verification: OK" in done.stdout, done.stdout + done.stderr
    (folder / "body.txt").write_text(body.replace("\n40\n", "\n41\n"))  # another checkpoint's body
    refused = subprocess.run(
        [OPENSSL, *verify_command.split()[1:]], cwd=folder, capture_output=True, text=True, check=False
    )
    assert refused.returncode != 0 and "Verification: FAILED" in refused.stdout

    # Asked again (beat), an authority that has timestamped the latest checkpoint is not asked twice.
    assert timestamps.timestamp_checkpoint() == {}
    assert authority.requests == 1

    shown = page_text(client.get("/methodology/"))
    assert "The timestamp authority example-tsa attests that this checkpoint existed at" in shown
    assert f'href="/log/timestamps/{checkpoint.size}"' in shown
    revision = PublicRevision.objects.get(sequence=7)
    page = page_text(client.get(f"/commitments/{log.slug}/history/{revision.number}/"))
    assert "The timestamp authority example-tsa attests that this checkpoint existed at" in page
    urdu = page_text(client.get(f"/ur/commitments/{log.slug}/history/{revision.number}/"))
    assert "ٹائم اسٹیمپ اتھارٹی example-tsa" in urdu
    urdu_methodology = page_text(client.get("/ur/methodology/"))
    assert f'<a href="/log/timestamps/{checkpoint.size}">اس کے ٹائم اسٹیمپ ٹوکن</a>' in urdu_methodology
    assert "ٹائم اسٹیمپ اتھارٹی example-tsa تصدیق کرتی ہے کہ یہ چیک پوائنٹ" in urdu_methodology


def test_an_authority_down_or_answering_garbage_never_stops_the_checkpoint(
    client, settings, log, garbage, django_capture_on_commit_callbacks
):
    down = address_of_nothing()
    settings.TRANSPARENCY_LOG_TIMESTAMP_AUTHORITIES = [
        f"down-tsa {down} {garbage.chain}",
        f"garbage-tsa {garbage.url} {garbage.chain}",
    ]
    checkpoint = sign_checkpoint(django_capture_on_commit_callbacks)
    assert Checkpoint.objects.get() == checkpoint and checkpoint.size == 40
    assert not CheckpointTimestamp.objects.exists()
    assert garbage.requests == 1

    states = {s.authority: s for s in TimestampAuthorityState.objects.all()}
    assert states["down-tsa"].asked_size == 40 and states["down-tsa"].failures == 1
    assert "refused" in states["down-tsa"].error.lower()
    assert states["garbage-tsa"].error.startswith("the answer is not a timestamp response")

    # Beat asks again; the failures are counted, nothing is kept, nothing is shown as timestamped.
    results = timestamps.timestamp_checkpoint()
    assert results["garbage-tsa"].startswith("failed: the answer is not a timestamp response")
    assert TimestampAuthorityState.objects.get(authority="down-tsa").failures == 2
    assert client.get(f"/log/timestamps/{checkpoint.size}").json()["timestamps"] == []
    shown = page_text(client.get("/methodology/"))
    assert "attests that this checkpoint existed" not in shown
    assert "No timestamp authority has timestamped it yet." in shown


def test_a_token_of_another_checkpoint_or_authority_is_not_kept(tmp_path, settings, log, authority):
    other = TimestampAuthority(tmp_path / "other", name="Other TSA")
    try:
        # The authority's tokens checked against another authority's certificates: refused.
        settings.TRANSPARENCY_LOG_TIMESTAMP_AUTHORITIES = [f"mislabelled {authority.url} {other.chain}"]
        checkpoint = transparency.make_checkpoint()
        assert timestamps.timestamp_checkpoint()["mislabelled"].startswith("failed: the token does not verify")
        assert not CheckpointTimestamp.objects.exists()
    finally:
        other.stop()
    # A token of one checkpoint is refused for another.
    settings.TRANSPARENCY_LOG_TIMESTAMP_AUTHORITIES = [f"example-tsa {authority.url} {authority.chain}"]
    timestamps.timestamp_checkpoint()
    token = bytes(CheckpointTimestamp.objects.get(checkpoint=checkpoint).token)
    roots, others = timestamps.configured()[0].certificates()
    with pytest.raises(timestamps.TimestampError, match="a timestamp of something else"):
        timestamps.verify_token(token, b"example.org/log\n41\nAAAA\n", roots, others)
    assert timestamps.verify_token(token, timestamps.signed_body(checkpoint), roots, others)


def test_a_misconfigured_authority_is_named_in_the_error(settings):
    settings.TRANSPARENCY_LOG_TIMESTAMP_AUTHORITIES = ["example-tsa ftp://tsa.example/ chain.pem"]
    with pytest.raises(
        ImproperlyConfigured, match="'<name> <http\\(s\\) address> <certificate file>', not 'example-tsa ftp"
    ):
        timestamps.configured()

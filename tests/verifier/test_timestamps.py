"""The standalone verifier checks a checkpoint's RFC 3161 timestamp tokens against the certificate of an authority
the reader trusts (`--tsa-cert`): a token of the checkpoint verifies, and a token of another checkpoint served as
this one's is refused. The authority is OpenSSL's own TSA, a real process behind a local HTTP server."""

import datetime
import io
import shutil

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.factories import CommitmentFactory
from tests.scenario import add_revisions
from tests.timestamp_authority import OPENSSL, TimestampAuthority
from tests.verifier.test_verifier import verify
from tracker.history import timestamps, transparency


@pytest.fixture
def authority(tmp_path):
    started = TimestampAuthority(tmp_path / "tsa", name="Test TSA")
    yield started
    started.stop()


@pytest.mark.django_db
@pytest.mark.skipif(OPENSSL is None, reason="openssl is not installed")
def test_the_verifier_checks_timestamps_and_refuses_another_checkpoints(tmp_path, settings, authority):
    settings.TRANSPARENCY_LOG_TIMESTAMP_AUTHORITIES = [f"example-tsa {authority.url} {authority.chain}"]
    key = transparency.current_key().verifier_key
    record = CommitmentFactory(title="Solar pumps for Pishin")
    start = timezone.now() - datetime.timedelta(days=2)
    add_revisions(record, 30, start=start, step=datetime.timedelta(minutes=1))
    transparency.make_checkpoint()
    assert timestamps.timestamp_checkpoint() == {"example-tsa": "timestamped"}
    early = tmp_path / "early"
    call_command("export_log_tiles", str(early), stdout=io.StringIO())

    code, out = verify("--log", early, "--key", key, "check", "--tsa-cert", authority.chain, cwd=tmp_path)
    assert code == 0, out
    assert "Timestamped by example-tsa at " in out and "the token is of this checkpoint" in out

    # Another authority's certificate: the token does not verify with it, so nothing is timestamped for the reader.
    other = TimestampAuthority(tmp_path / "other", name="Other TSA")
    other.stop()
    code, out = verify("--log", early, "--key", key, "check", "--tsa-cert", other.chain, cwd=tmp_path)
    assert code == 1, out
    assert "does not verify with the certificates given" in out
    assert "no timestamp token of the checkpoint of 30 entries verifies" in out

    # The log grows; its new checkpoint is served with the old checkpoint's token.
    add_revisions(record, 5, start=timezone.now(), step=datetime.timedelta(minutes=1))
    transparency.make_checkpoint()
    timestamps.timestamp_checkpoint()
    later = tmp_path / "later"
    call_command("export_log_tiles", str(later), stdout=io.StringIO())
    code, out = verify("--log", later, "--key", key, "check", "--tsa-cert", authority.chain, cwd=tmp_path)
    assert code == 0 and "Timestamped by example-tsa" in out, out
    shutil.copy(early / "timestamps" / "30", later / "timestamps" / "35")
    code, out = verify("--log", later, "--key", key, "check", "--tsa-cert", authority.chain, cwd=tmp_path)
    assert code == 1, out
    assert "the timestamp token of example-tsa is not of this checkpoint" in out

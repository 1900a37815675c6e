"""The standalone verifier (verifier/), run as a reader would run it: a separate process with no Django and
none of the tracker's code, against an exported folder of tiles or the live site. A good log checks; a
changed tile or entry, a split view, a rollback and a wrong key are each reported in words."""

import datetime
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from tests.factories import CommitmentFactory
from tests.scenario import add_revisions
from tracker import merkle
from tracker.history import transparency
from tracker.models import PublicRevision

SOURCE = Path(__file__).resolve().parents[2] / "verifier" / "src"


def verify(*args, cwd):
    """(exit code, what it printed) of `tracker-verify args` in a clean environment."""
    env = {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(SOURCE)}
    done = subprocess.run(
        [sys.executable, "-m", "tracker_verifier", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
        check=False,
    )
    return done.returncode, done.stdout + done.stderr


def export(folder):
    call_command("export_log_tiles", str(folder), "--sign", stdout=io.StringIO())
    return folder


@pytest.fixture
def log(db):
    record = CommitmentFactory(title="Solar pumps for Pishin")
    add_revisions(record, 300, start=timezone.now() - datetime.timedelta(days=2), step=datetime.timedelta(minutes=1))
    return record


@pytest.fixture
def key():
    return transparency.current_key().verifier_key


def test_the_verifier_needs_nothing_of_the_tracker(tmp_path):
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import tracker_verifier.cli; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('django', 'tracker', 'config')))"
    )
    done = subprocess.run([sys.executable, "-c", code, str(SOURCE)], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.django_db
def test_a_good_log_checks_proves_and_replays(tmp_path, log, key):
    mirror = export(tmp_path / "mirror")
    code, out = verify("--log", mirror, "--key", key, "check", cwd=tmp_path)
    assert code == 0, out
    assert f"Checkpoint of {transparency.origin()}: 300 entries" in out
    revision = PublicRevision.objects.get(sequence=258)
    code, out = verify("--log", mirror, "--key", key, "prove", "--leaf", 257, cwd=tmp_path)
    assert code == 0, out
    assert f"Revision {revision.hash} is leaf 257 of the signed tree of 300 entries" in out
    code, out = verify("--log", mirror, "--key", key, "prove", "--hash", revision.hash, cwd=tmp_path)
    assert code == 0 and "is leaf 257" in out, out
    code, out = verify("--log", mirror, "--key", key, "replay", cwd=tmp_path)
    assert code == 0, out
    assert "Replayed all 300 entries and 2 levels of tiles: the root matches the signed checkpoint." in out
    # A PEM public key file works as well as the note verifier key.
    pem = tmp_path / "key.pem"
    pem.write_text(transparency.current_key().public_key_pem)
    assert verify("--log", mirror, "--key", pem, "check", cwd=tmp_path)[0] == 0


@pytest.mark.django_db
def test_a_changed_hash_in_a_tile_is_caught(tmp_path, log, key):
    mirror = export(tmp_path / "mirror")
    tile = mirror / "tile" / "0" / "000"
    data = bytearray(tile.read_bytes())
    data[32 * 5 : 32 * 6] = merkle.leaf_hash(b"a forged revision")
    tile.write_bytes(bytes(data))
    code, out = verify("--log", mirror, "--key", key, "prove", "--leaf", 4, cwd=tmp_path)
    assert code == 1
    assert "leaf 4" in out and "is NOT proved in the signed tree" in out
    code, out = verify("--log", mirror, "--key", key, "replay", cwd=tmp_path)
    assert code == 1
    assert "tile tile/0/000 does not match the log's entries: a hash in it was changed" in out


@pytest.mark.django_db
def test_a_changed_entry_is_caught(tmp_path, log, key):
    mirror = export(tmp_path / "mirror")
    bundle = mirror / "tile" / "entries" / "001.p" / "44"
    data = bytearray(bundle.read_bytes())
    data[2:34] = bytes(32)
    bundle.write_bytes(bytes(data))
    code, out = verify("--log", mirror, "--key", key, "prove", "--leaf", 256, cwd=tmp_path)
    assert code == 1 and "is NOT proved" in out, out
    # Tiles changed to match the forged entry still do not add up to the signed root.
    tile = mirror / "tile" / "0" / "001.p" / "44"
    tile.write_bytes(merkle.leaf_hash(bytes(32)) + tile.read_bytes()[32:])
    code, out = verify("--log", mirror, "--key", key, "replay", cwd=tmp_path)
    assert code == 1
    assert "the log's 300 entries add up to the root" in out and "an entry was changed, added or removed" in out


@pytest.mark.django_db
def test_a_split_view_is_reported(tmp_path, log, key):
    mirror = export(tmp_path / "mirror")
    state = tmp_path / "seen.json"
    assert verify("--log", mirror, "--key", key, "--state", state, "check", cwd=tmp_path)[0] == 0
    # The same key signs another history of the same size, shown to this reader.
    other = tmp_path / "other"
    shutil.copytree(mirror, other)
    forged_root = merkle.leaf_hash(b"another history")
    (other / "checkpoint").write_text(transparency.signed_note(transparency.checkpoint_body(300, forged_root)))
    code, out = verify("--log", other, "--key", key, "--state", state, "check", cwd=tmp_path)
    assert code == 1
    assert "SPLIT VIEW: two checkpoints of 300 entries with different roots" in out
    # A bigger tree that does not extend the one seen is a split view too.
    add_revisions(log, 5, start=timezone.now())
    grown = export(tmp_path / "grown")
    code, out = verify("--log", grown, "--key", key, "--state", state, "check", cwd=tmp_path)
    assert code == 0 and "Consistent with the checkpoint of 300 entries seen before." in out, out
    another_reader = tmp_path / "another.json"
    assert verify("--log", mirror, "--key", key, "--state", another_reader, "check", cwd=tmp_path)[0] == 0
    forged = tmp_path / "forged"
    shutil.copytree(grown, forged)
    (forged / "checkpoint").write_text(transparency.signed_note(transparency.checkpoint_body(305, forged_root)))
    code, out = verify("--log", forged, "--key", key, "--state", another_reader, "check", cwd=tmp_path)
    assert code == 1
    assert "SPLIT VIEW: the checkpoint of 305 entries does not extend the one of 300 seen before" in out, out


@pytest.mark.django_db
def test_a_rollback_is_reported(tmp_path, log, key):
    older = export(tmp_path / "older")
    add_revisions(log, 5, start=timezone.now())
    newer = export(tmp_path / "newer")
    state = tmp_path / "seen.json"
    assert verify("--log", newer, "--key", key, "--state", state, "check", cwd=tmp_path)[0] == 0
    code, out = verify("--log", older, "--key", key, "--state", state, "check", cwd=tmp_path)
    assert code == 1
    assert "ROLLBACK: the log now shows 300 entries, but a checkpoint of 305 was seen before" in out


@pytest.mark.django_db
def test_a_wrong_signature_is_refused(tmp_path, log, key):
    mirror = export(tmp_path / "mirror")
    stranger = transparency.LogKey(transparency.origin(), Ed25519PrivateKey.generate().public_key().public_bytes_raw())
    code, out = verify("--log", mirror, "--key", stranger.verifier_key, "check", cwd=tmp_path)
    assert code == 1
    assert f"the checkpoint carries no signature by the key {transparency.origin()}" in out
    # The right key, but the checkpoint's root altered after signing.
    note = (mirror / "checkpoint").read_text().split("\n")
    note[2] = note[2][:-4] + ("AAA=" if not note[2].endswith("AAA=") else "BBB=")
    (mirror / "checkpoint").write_text("\n".join(note))
    code, out = verify("--log", mirror, "--key", key, "check", cwd=tmp_path)
    assert code == 1
    assert "the checkpoint's signature by" in out and "does not verify" in out


@pytest.mark.django_db(transaction=True)
def test_the_verifier_reads_the_live_site(tmp_path, live_server, key):
    record = CommitmentFactory(title="Girls' school")
    with transaction.atomic():
        add_revisions(record, 20, start=timezone.now() - datetime.timedelta(days=1))
    transparency.make_checkpoint()
    state = tmp_path / "seen.json"
    code, out = verify("--log", live_server.url, "--key", key, "--state", state, "prove", "--leaf", 7, cwd=tmp_path)
    assert code == 0, out
    assert "is leaf 7 of the signed tree of 20 entries" in out
    with transaction.atomic():
        add_revisions(record, 3, start=timezone.now())
    transparency.make_checkpoint()
    code, out = verify("--log", live_server.url, "--key", key, "--state", state, "replay", cwd=tmp_path)
    assert code == 0, out
    assert "Consistent with the checkpoint of 20 entries seen before." in out
    assert "Replayed all 23 entries" in out

"""The trust table of tests/tracker/history/test_tampering.py rerun from outside: each way of tampering with the
stored public history that `verify_history` catches with database access is applied to the database, the log is
exported as the site serves it (tiles, entry bundles, content, checkpoint), and only the standalone verifier,
in a process of its own with no database and none of the tracker's code, is asked. Each one is reported.

The world: a commitment published three times, then another published once (4 leaves), and a checkpoint signed
before the tampering, as the hourly task does.

How each is caught from outside:

- altered content, edit summary, date or publisher, reordered or moved revisions, an UPDATE of every row: the
  revision's hash recomputed from its public content (`replay --content`) is not its leaf;
- a deleted revision (in the middle, a record's latest, a whole chain, the site's latest): the entry bundle of
  the signed tree cannot be served whole (the site answers 404; an export leaves it out);
- a re-hashed chain, or every hash recomputed after a digest: the entries no longer match the hash tiles and
  the signed root;
- a rewrite of the whole log, its Merkle tree rebuilt and a new checkpoint signed with the site's own key (what
  an operator holding the key could do): the tiles, content and checkpoint agree again, so a reader who never
  saw the log before is **not** told; a reader who remembers a checkpoint (`--state`) is (a split view: two
  checkpoints of one size with different roots), and so is one requiring a witness's cosignature, which the
  witness will not give (tests/verifier/test_witnesses.py);
- an older checkpoint served after a newer one (a rollback): reported to a reader with `--state`.

What is not caught from outside: tampering before the first checkpoint that covers a revision (no one outside
has seen it yet: checkpoints are signed hourly, and on demand); and the hourly signed digests (the last case of
the trust table: a digest whose signature was replaced) are not part of the log, so this verifier does not read
them: they are checked with openssl, as the methodology page shows, and by `verify_history`.
"""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from tests import scenario
from tests.scenario import add_revisions, published_commitment
from tests.tracker.history import test_tampering as table
from tests.tracker.history.tampering import behind_the_models_back
from tests.verifier.test_verifier import verify
from tracker.history import transparency
from tracker.models import Checkpoint, Commitment, LogNode, PublicRevision

pytestmark = pytest.mark.django_db


@pytest.fixture
def history(django_user_model):
    editor = django_user_model.objects.create_user("zubaida.q", "zubaida.q@example.org", "pass")
    world = scenario.file_tracking_history(scenario.offices(), editor)
    later = published_commitment(title="Solar pumps for Pishin")
    revisions = list(PublicRevision.objects.for_record(world.commitment).order_by("number"))
    transparency.make_checkpoint()
    return revisions, PublicRevision.objects.for_record(later).get()


@pytest.fixture
def key():
    return transparency.current_key().verifier_key


def export(folder):
    """The log as the site serves it now, as files (what a mirror copies): a tile or bundle the site cannot
    serve whole (it answers 404) is left out."""
    call_command("export_log_tiles", str(folder), "--content", stdout=io.StringIO(), stderr=io.StringIO())
    return folder


def update_every_summary(revisions, other):
    PublicRevision.objects.update(edit_summary="x")


MISSING = "the log has no tile/entries/000.p/4"
ALTERED = "its public content hashes to"
TILES = "does not match the log's entries"

# (tampering, words the verifier's report must contain), the cases of the trust table in its order.
TAMPERING = [
    pytest.param(table.alter_content, "leaf 1: revision 2 of tracker.commitment", id="content"),
    pytest.param(table.alter_summary, ALTERED, id="summary"),
    pytest.param(table.alter_date, ALTERED, id="date"),
    pytest.param(table.alter_publisher, ALTERED, id="publisher"),
    pytest.param(table.delete_middle, MISSING, id="middle-deleted"),
    pytest.param(table.reorder, "does not follow revision 1 of its chain", id="reordered"),
    pytest.param(table.move_to_another_record, ALTERED, id="moved-to-another-record"),
    pytest.param(table.delete_latest_of_record, MISSING, id="latest-deleted"),
    pytest.param(table.delete_whole_chain, MISSING, id="whole-chain-deleted"),
    pytest.param(table.rehash_chain, TILES, id="re-hashed-chain"),
    pytest.param(table.delete_latest_of_site_and_its_record, MISSING, id="latest-of-the-site-deleted"),
    pytest.param(table.rehash_everything_after_the_digest, TILES, id="everything-re-hashed-after-a-digest"),
    pytest.param(update_every_summary, ALTERED, id="direct-update-of-every-row"),
]


def test_an_untouched_log_verifies_from_outside(tmp_path, history, key):
    code, out = verify("--log", export(tmp_path / "mirror"), "--key", key, "replay", "--content", cwd=tmp_path)
    assert code == 0, out
    assert "Recomputed 4 revisions' hashes from their public content: each matches its leaf; 0 withheld." in out


@pytest.mark.parametrize(("tamper", "reported"), TAMPERING)
def test_tampering_is_caught_from_outside(tmp_path, history, key, tamper, reported):
    with behind_the_models_back():
        tamper(*history)
    code, out = verify("--log", export(tmp_path / "mirror"), "--key", key, "replay", "--content", cwd=tmp_path)
    assert code == 1, out
    assert out.startswith("Checkpoint of ") and "FAILED: " in out
    assert reported in out, out


def rewrite_the_whole_log(revisions):
    """An operator with the database and the signing key: revision 2 re-written, the record's chain and the
    site-wide log re-hashed, the Merkle tree rebuilt and a new checkpoint of the same size signed."""
    table.rehash_chain(revisions, None)
    LogNode.objects.all()._raw_delete(connection.alias)
    Checkpoint.objects.all()._raw_delete(connection.alias)
    hashes = [bytes.fromhex(h) for h in PublicRevision.objects.order_by("sequence").values_list("hash", flat=True)]
    LogNode.objects.append_leaves(0, hashes)
    return transparency.make_checkpoint()


def test_a_split_view_is_caught_by_a_reader_who_remembers(tmp_path, history, key):
    revisions, _ = history
    state = tmp_path / "seen.json"
    code, out = verify("--log", export(tmp_path / "before"), "--key", key, "--state", state, "check", cwd=tmp_path)
    assert code == 0, out
    with behind_the_models_back():
        forged = rewrite_the_whole_log(revisions)
    assert forged.size == 4
    rewritten = export(tmp_path / "after")
    # Self-consistent again: a reader who saw nothing before is not told.
    code, out = verify("--log", rewritten, "--key", key, "replay", "--content", cwd=tmp_path)
    assert code == 0, out
    # A reader who saw the checkpoint before is.
    code, out = verify("--log", rewritten, "--key", key, "--state", state, "check", cwd=tmp_path)
    assert code == 1
    assert "SPLIT VIEW: two checkpoints of 4 entries with different roots" in out


def test_a_rollback_is_caught_by_a_reader_who_remembers(tmp_path, history, key):
    revisions, other = history
    older = export(tmp_path / "older")
    add_revisions(Commitment.objects.get(pk=other.object_id), 2, start=timezone.now())
    transparency.make_checkpoint()
    state = tmp_path / "seen.json"
    newer = export(tmp_path / "newer")
    assert verify("--log", newer, "--key", key, "--state", state, "check", cwd=tmp_path)[0] == 0
    code, out = verify("--log", older, "--key", key, "--state", state, "replay", "--content", cwd=tmp_path)
    assert code == 1
    assert "ROLLBACK: the log now shows 4 entries, but a checkpoint of 6 was seen before" in out

"""Takedowns as tombstones: a taken-down record's revisions keep their leaves (their hashes stay in the tiles and
every proof still verifies), while their content is withheld with the takedown's public notice, at
/log/entries/<leaf>, /log/content/<N> and in the verifier's content replay, which reports them as withheld and
recomputes every other revision's hash from its public content.

A takedown carries its reason's category (`TakedownReason`) beside the moderator's public notice (the legal order
and who made it): the tombstone, other records' revisions naming it, their pages and the API show both, and every
proof still verifies."""

import base64
import io

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import dateformat, timezone

from tests.pages import page_text
from tests.scenario import add_revisions, published_commitment
from tests.verifier.test_verifier import verify
from tracker import merkle
from tracker.history import transparency
from tracker.models import PublicRevision
from tracker.publishing import takedown

NOTICE = "Withheld on the order of the Lahore High Court (W.P. 1234/2026)."


def get_json(path):
    response = Client().get(path)
    assert response.status_code == 200, path
    return response.json()


@pytest.fixture
def world(db):
    pumps = published_commitment(title="Solar pumps for Pishin")
    add_revisions(pumps, 4, start=timezone.now())
    school = published_commitment(title="Girls' school in Turbat")
    add_revisions(school, 2, start=timezone.now())
    return pumps, school


@pytest.mark.django_db
def test_a_takedown_keeps_every_leaf_and_proof_and_withholds_the_content(tmp_path, world):
    pumps, school = world
    before = transparency.make_checkpoint()
    assert before.size == 8
    entry = get_json("/log/entries/0")
    assert entry["object_id"] == str(pumps.pk) and entry["content"]["fields"]["title"] == "Solar pumps for Pishin"

    takedown.take_down(pumps, notice=NOTICE, reason="court_order")
    add_revisions(school, 3, start=timezone.now())
    after = transparency.make_checkpoint()
    assert after.size == 11

    # Every inclusion proof, against both checkpoints, and the consistency proof between them still verify.
    for size, checkpoint in ((8, before), (11, after)):
        root = bytes.fromhex(checkpoint.root)
        for leaf in range(size):
            proof = get_json(f"/log/proof/inclusion/{leaf}?size={size}")
            hashes = [bytes.fromhex(h) for h in proof["hashes"]]
            assert merkle.verify_inclusion(leaf, size, bytes.fromhex(proof["leaf_hash"]), hashes, root)
    proof = get_json("/log/proof/consistency/8/11")
    hashes = [bytes.fromhex(h) for h in proof["hashes"]]
    assert merkle.verify_consistency(8, 11, bytes.fromhex(before.root), bytes.fromhex(after.root), hashes)

    # The taken-down record's revisions are tombstones: the hash, the notice, the day; nothing else.
    revisions = PublicRevision.objects.for_record(pumps).order_by("sequence")
    bundle = Client().get("/log/tile/entries/000.p/11").content
    for revision in revisions:
        leaf = revision.sequence - 1
        tombstone = get_json(f"/log/entries/{leaf}")
        assert tombstone == {
            "leaf_index": leaf,
            "hash": revision.hash,
            "withheld": NOTICE,
            "taken_down_on": timezone.localdate().isoformat(),
            "reason": "court_order",
        }
        assert bundle[leaf * 34 + 2 : leaf * 34 + 34] == bytes.fromhex(revision.hash)
    content = get_json("/log/content/000.p/11")
    assert [e["leaf_index"] for e in content["entries"]] == list(range(11))
    assert "Solar pumps" not in str(content)
    assert [e["content"]["fields"]["title"] for e in content["entries"] if "content" in e] == [
        "Girls' school in Turbat"
    ] * 6

    # From outside: the verifier replays the content, reports the five tombstones, checks the six others.
    mirror = tmp_path / "mirror"
    call_command("export_log_tiles", str(mirror), "--content", stdout=io.StringIO())
    key = transparency.current_key().verifier_key
    code, out = verify("--log", mirror, "--key", key, "replay", "--content", cwd=tmp_path)
    assert code == 0, out
    assert out.count(f"withheld (court_order: {NOTICE}, taken down on {timezone.localdate().isoformat()})") == 5
    assert "Recomputed 6 revisions' hashes from their public content: each matches its leaf; 5 withheld." in out
    # Every leaf, tombstone or not, is still proved in the signed tree.
    for leaf in range(11):
        assert verify("--log", mirror, "--key", key, "prove", "--leaf", leaf, cwd=tmp_path)[0] == 0

    # A restore brings the content back as it was: the hashes recompute again.
    takedown.restore(pumps, reason="The order was set aside on appeal.")
    assert get_json("/log/entries/0")["content"]["fields"]["title"] == "Solar pumps for Pishin"
    call_command("export_log_tiles", str(mirror), "--content", stdout=io.StringIO())
    code, out = verify("--log", mirror, "--key", key, "replay", "--content", cwd=tmp_path)
    assert code == 0 and "Recomputed 11 revisions' hashes" in out and "0 withheld" in out, out


@pytest.mark.django_db
def test_a_revision_naming_a_taken_down_record_is_withheld_with_its_reason_not_failed(tmp_path, world):
    pumps, _ = world
    office = pumps.owners.first().office
    before = transparency.make_checkpoint()
    takedown.take_down(office, notice=NOTICE, reason="personal_safety")
    after = transparency.make_checkpoint()
    assert after == before  # a takedown adds no leaf
    entry = get_json("/log/entries/0")
    assert entry["references_withheld"] is True
    assert entry["hash"] == PublicRevision.objects.get(sequence=1).hash
    assert NOTICE in str(entry["content"]) and f"'{office.slug}'" not in str(entry["content"])
    owners = entry["content"]["parts"]["owners"]
    assert {"withheld": NOTICE, "taken_down_on": timezone.localdate().isoformat(), "reason": "personal_safety"} in [
        owner["office"] for owner in owners
    ]

    # Where readers meet it: the revision's page in both languages, and the API.
    day = dateformat.format(timezone.localdate(), "j F Y")
    page = page_text(Client().get(f"/commitments/{pumps.slug}/history/1/"))
    assert f"Withheld (Personal safety, taken down on {day}): {NOTICE}" in page
    assert office.title not in page
    urdu = page_text(Client().get(f"/ur/commitments/{pumps.slug}/history/1/"))
    assert "روک لیا گیا (ذاتی تحفظ،" in urdu
    api = get_json(f"/api/v1/commitments/{pumps.slug}/revisions/1/")
    assert "'reason': 'personal_safety'" in str(api) and office.slug not in str(api)
    gone = Client().get(office.get_absolute_url())
    assert gone.status_code == 410 and "Reason: Personal safety" in page_text(gone)

    # Every leaf is still proved in the signed tree, and the content replay reports the reference withheld.
    mirror = tmp_path / "mirror"
    call_command("export_log_tiles", str(mirror), "--content", stdout=io.StringIO())
    key = transparency.current_key().verifier_key
    for leaf in range(after.size):
        assert verify("--log", mirror, "--key", key, "prove", "--leaf", leaf, cwd=tmp_path)[0] == 0
    code, out = verify("--log", mirror, "--key", key, "replay", "--content", cwd=tmp_path)
    assert code == 0, out
    assert "leaf 0: a record it names is taken down, withheld from its content" in out
    assert "; 5 withheld." in out


def test_the_root_is_base64_in_the_checkpoint():
    """The checkpoints compared above by their hex root: the note holds the same bytes in base64."""
    body = transparency.checkpoint_body(3, bytes(range(32)), "x.example/log")
    assert body.split("\n")[2] == base64.b64encode(bytes(range(32))).decode()
